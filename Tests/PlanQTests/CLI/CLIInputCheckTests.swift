import Foundation
import XCTest

/// Issue 19: every way a query comes in refuses bytes that are not UTF-8 (exit 1,
/// with the byte offset) instead of replacing them, and a folder, FIFO or device
/// where a file is expected is refused by name before any byte is read.
final class CLIInputCheckTests: XCTestCase {
    let cli = CLIRunner()
    var dir: URL!
    var data: String { dir.appendingPathComponent("data").path }

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("planq-input-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        try "id,m\n1,café\n2,cafe\n".write(toFile: data + "/t.csv", atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    /// Runs planq with arguments given as raw bytes (Foundation's `Process` takes
    /// only strings, which cannot hold a lone 0xE9), through `sh` and `printf`.
    func planqRaw(_ args: [[UInt8]], stdin: [UInt8]? = nil) throws -> CLIRun {
        func word(_ bytes: [UInt8]) -> String {
            "\"$(printf '" + bytes.map { String(format: "\\%03o", $0) }.joined() + "')\""
        }
        var script = "exec \"$0\" " + args.map(word).joined(separator: " ")
        if let stdin {
            let file = dir.appendingPathComponent("stdin-\(UUID().uuidString)").path
            try Data(stdin).write(to: URL(fileURLWithPath: file))
            script += " < '\(file)'"
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", script, cli.binary.path]
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return CLIRun(status: p.terminationStatus, out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self))
    }

    /// `t where m = "caf\xE9" aggregate count() as c`: a Latin-1 é at offset 16.
    var latin1Query: [UInt8] { Array("t where m = \"caf".utf8) + [0xE9] + Array("\" aggregate count() as c".utf8) }

    func testValidUTF8StillCounts() throws {
        let r = try planqRaw([Array("--data".utf8), Array(data.utf8), Array("--format".utf8), Array("csv".utf8), Array("-c".utf8),
                              Array("t where m = \"café\" aggregate count() as c".utf8)])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, "c\n1\n")
    }

    func testCommandArgumentNotUTF8IsRefused() throws {
        let r = try planqRaw([Array("--data".utf8), Array(data.utf8), Array("-c".utf8), latin1Query])
        XCTAssertEqual(r.status, 1, r.out)
        XCTAssertEqual(r.out, "")
        XCTAssertTrue(r.err.hasPrefix("<query>:1:17: error: not UTF-8 text: byte 0xE9 at offset 16\n"), r.err)
        let inline = try planqRaw([Array("--data".utf8), Array(data.utf8), Array("--command=".utf8) + latin1Query])
        XCTAssertEqual(inline.status, 1)
        XCTAssertTrue(inline.err.hasPrefix("<query>:1:17: error: not UTF-8 text: byte 0xE9 at offset 16\n"), inline.err)
    }

    func testStandardInputNotUTF8IsRefused() throws {
        let r = try planqRaw([Array("--data".utf8), Array(data.utf8)], stdin: Array("t;\n".utf8) + latin1Query)
        XCTAssertEqual(r.status, 1, r.out)
        XCTAssertEqual(r.out, "", "nothing runs, not even the valid first statement")
        XCTAssertTrue(r.err.hasPrefix("<stdin>:2:17: error: not UTF-8 text: byte 0xE9 at offset 19\n"), r.err)
    }

    func testQueryFileNotUTF8IsRefusedWithOffset() throws {
        let file = dir.appendingPathComponent("q.pq").path
        try Data(latin1Query).write(to: URL(fileURLWithPath: file))
        let r = try cli.planq(["--data", data, "-f", file])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.hasPrefix("\(file):1:17: error: not UTF-8 text: byte 0xE9 at offset 16\n"), r.err)
        // A sequence cut by the end of the text is invalid too.
        try Data(Array("t where m = \"caf".utf8) + [0xC3]).write(to: URL(fileURLWithPath: file))
        let cut = try cli.planq(["--data", data, "-f", file])
        XCTAssertEqual(cut.status, 1)
        XCTAssertTrue(cut.err.contains("byte 0xC3 at offset 16"), cut.err)
    }

    func testOtherArgumentsNotUTF8AreRefused() throws {
        let r = try planqRaw([Array("--data".utf8), Array(data.utf8) + [0xFF], Array("-c".utf8), Array("t".utf8)])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.hasPrefix("planq: the value of --data is not UTF-8 text: byte 0xFF at offset \(data.utf8.count)"), r.err)
    }

    func testReportFileAndParamNotUTF8AreRefused() throws {
        let report = dir.appendingPathComponent("r.pqr").path
        let text = "title: T\nparam who: text = x\nsection: S\ntext: t\nshow: table\nquery:\n  "
        try Data(Array(text.utf8) + latin1Query + [0x0A]).write(to: URL(fileURLWithPath: report))
        let r = try cli.planq(["report", report, "--data", data, "--format", "markdown"])
        XCTAssertEqual(r.status, 1, r.out)
        XCTAssertTrue(r.err.hasPrefix("\(report):7:19: error: not UTF-8 text: byte 0xE9 at offset \(text.utf8.count + 16)\n"), r.err)
        try "title: T\nparam who: text = x\nsection: S\ntext: t\nshow: table\nquery:\n  t where m = $who\n"
            .write(toFile: report, atomically: true, encoding: .utf8)
        let ok = try cli.planq(["report", report, "--data", data, "--format", "markdown", "--param", "who=café"])
        XCTAssertEqual(ok.status, 0, ok.err)
        let p = try planqRaw([Array("report".utf8), Array(report.utf8), Array("--data".utf8), Array(data.utf8),
                              Array("--param".utf8), Array("who=caf".utf8) + [0xE9]])
        XCTAssertEqual(p.status, 1, p.out)
        XCTAssertTrue(p.err.hasPrefix("planq: the value of --param is not UTF-8 text: byte 0xE9 at offset 7"), p.err)
    }

    // MARK: - Folders, FIFOs and devices where a file is expected

    func testFolderNamedLikeADataFileIsRefused() throws {
        try FileManager.default.createDirectory(atPath: data + "/x.csv", withIntermediateDirectories: true)
        let r = try cli.planq(["--data", data, "-c", "t"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.err, "error: '\(data)/x.csv' is a folder, not a data file\nhelp: give the path of a file inside it\n")
        // The largest file limit once made planq allocate exabytes and abort (exit 134).
        let max = try cli.planq(["--data", data, "--max-file-size", "\(Int.max)", "-c", "t"])
        XCTAssertEqual(max.status, 1, max.err)
        XCTAssertTrue(max.err.contains("is a folder, not a data file"), max.err)
    }

    func testFIFOIsRefusedWithoutBlocking() throws {
        XCTAssertEqual(mkfifo(data + "/y.csv", 0o600), 0)
        let start = Date()
        let r = try cli.planq(["--data", data, "-c", "t"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.hasPrefix("error: '\(data)/y.csv' is a FIFO (named pipe), not a data file\n"), r.err)
        let f = try cli.planq(["--data", dir.path, "-f", data + "/y.csv"])
        XCTAssertEqual(f.status, 1)
        XCTAssertTrue(f.err.hasPrefix("error: '\(data)/y.csv' is a FIFO (named pipe), not a file\n"), f.err)
        XCTAssertLessThan(Date().timeIntervalSince(start), 20, "a FIFO with no writer must not block")
    }

    func testQueryFileThatIsAFolderOrDeviceIsRefused() throws {
        let folder = try cli.planq(["--data", data, "-f", dir.path])
        XCTAssertEqual(folder.status, 1)
        XCTAssertTrue(folder.err.hasPrefix("error: '\(dir.path)' is a folder, not a file\n"), folder.err)
        let device = try cli.planq(["--data", data, "-f", "/dev/zero"])
        XCTAssertEqual(device.status, 1)
        XCTAssertTrue(device.err.hasPrefix("error: '/dev/zero' is a character device, not a file\n"), device.err)
        let report = try cli.planq(["report", dir.path, "--data", data])
        XCTAssertEqual(report.status, 1)
        XCTAssertTrue(report.err.hasPrefix("error: '\(dir.path)' is a folder, not a file\n"), report.err)
    }

    func testIngestDocumentThatIsAFolderOrFIFOIsRefused() throws {
        let out = dir.appendingPathComponent("out").path
        let r = try cli.planq(["ingest", dir.path, "--out", out])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.contains("planq ingest: '\(dir.path)' is a folder, not a document"), r.err)
        XCTAssertEqual(mkfifo(dir.path + "/doc.txt", 0o600), 0)
        let f = try cli.planq(["ingest", dir.path + "/doc.txt", "--out", out])
        XCTAssertEqual(f.status, 1)
        XCTAssertTrue(f.err.contains("is a FIFO (named pipe), not a document"), f.err)
    }
}
