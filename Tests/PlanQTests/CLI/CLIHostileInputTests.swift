import Foundation
import XCTest

/// The command line with hostile input, limits and `-o`: exit 1 with a clear
/// message, never a crash; `-o` writes all or nothing.
final class CLIHostileInputTests: XCTestCase {
    let cli = CLIRunner()
    var fixtures: String { CLITests.fixtures }
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("planq-cli-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    func testDeepNestingExitsOne() throws {
        let q = "indicators where " + String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000) + " = 1"
        let file = dir.appendingPathComponent("deep.pq").path
        try Data(q.utf8).write(to: URL(fileURLWithPath: file))
        let r = try cli.planq(["--data", fixtures, "-f", file])
        XCTAssertEqual(r.status, 1, r.err)
        XCTAssertTrue(r.err.contains("error: expression nested too deeply (more than 128 levels)"), String(r.err.prefix(300)))
    }

    func testHugeQueryFileExitsOne() throws {
        let file = dir.appendingPathComponent("big.pq").path
        try Data(("indicators where title = \"" + String(repeating: "x", count: 10_000_000) + "\"").utf8).write(to: URL(fileURLWithPath: file))
        let r = try cli.planq(["--data", fixtures, "-f", file])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.err, "planq: '\(file)' is 10000027 bytes; a query file may have at most 1000000\n")
    }

    func testHugeStandardInputStopsEarly() throws {
        let file = dir.appendingPathComponent("big.bin").path
        XCTAssertTrue(FileManager.default.createFile(atPath: file, contents: Data("x".utf8)))
        XCTAssertEqual(truncate(file, 2_000_000_000), 0)  // sparse: no disk used
        let start = Date()
        let r = try cli.planq(["--data", fixtures], stdinFile: file)
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.err, "planq: standard input has more than 1000000 bytes; a script may have at most that\n")
        XCTAssertLessThan(Date().timeIntervalSince(start), 10)
    }

    func testMaxRowsFlag() throws {
        let r = try cli.planq(["--data", fixtures, "--max-rows", "3", "-c", "indicators join outcomes on plan, outcome_no"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.contains("error: the join output exceeds the row limit of 3 rows"), r.err)
        XCTAssertTrue(r.err.contains("raise --max-rows"), r.err)
        let ok = try cli.planq(["--data", fixtures, "--max-rows", "3", "-c", "indicators"])
        XCTAssertEqual(ok.status, 0, ok.err)
        let bad = try cli.planq(["--data", fixtures, "--max-memory", "lots", "-c", "indicators"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.err.contains("--max-memory 'lots' is not a size"), bad.err)
    }

    func testBinaryDataFileExitsOne() throws {
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]).write(to: dir.appendingPathComponent("image.csv"))
        let r = try cli.planq(["--data", dir.path, "-c", "image"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.contains("image.csv:1:1: error: the file is not UTF-8 text: byte 0x89 at offset 0"), r.err)
    }

    func testControlSequencesInDataNeverReachTheTerminal() throws {
        try Data("name,n\n\"\u{1B}[2J\u{1B}[31mpwned\r\",1\n".utf8).write(to: dir.appendingPathComponent("t.csv"))
        for format in ["table", "markdown", "json", "html"] {
            let r = try cli.planq(["--data", dir.path, "--format", format, "-c", "t"])
            XCTAssertEqual(r.status, 0, r.err)
            XCTAssertFalse(r.out.contains("\u{1B}"), "\(format): \(r.out)")
            XCTAssertFalse(r.out.contains("\r"), "\(format): \(r.out)")
            XCTAssertTrue(r.out.contains("pwned"), r.out)
        }
    }

    func testOutputFileIsWrittenAllOrNothing() throws {
        let out = dir.appendingPathComponent("result.csv").path
        let r = try cli.planq(["--data", fixtures, "--format", "csv", "-o", out, "-c", "risks aggregate count()"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, "")
        XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8), "count\n5\n")
        // The second statement fails: the file keeps its old contents, and no temporary is left.
        let f = try cli.planq(["--data", fixtures, "--format", "csv", "-o", out, "-c", "risks; risks where nope = 1"])
        XCTAssertEqual(f.status, 1)
        XCTAssertTrue(f.err.contains("unknown column 'nope'"), f.err)
        XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8), "count\n5\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["result.csv"])
    }
}
