import Foundation
import XCTest

/// `planq ingest`: writes a loadable folder, reports, and fails clearly on bad input.
final class IngestCommandTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = root.appendingPathComponent("Tests/Fixtures/ingest")

    /// Runs the built `planq` with `args`.
    func planq(_ args: [String]) throws -> CLIRun { try CLIRunner().planq(args) }

    func tempDir() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("planq-ingest-cli-\(UUID().uuidString)")
    }

    func testIngestWritesAFolderPlanqLoads() throws {
        let out = tempDir().appendingPathComponent("data")
        let docs = ["laa_plan.txt", "other_layout.txt"].map { Self.fixtures.appendingPathComponent($0).path }
        let r = try planq(["ingest"] + docs + ["--out", out.path, "--report"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("laa_plan: 68 lines; 1 plans, 3 outcomes, 6 indicators, 3 actions, 4 risks"), r.out)
        XCTAssertTrue(r.out.contains("line 6: skipped"), r.out)
        let q = try planq(["--data", out.path, "--format", "csv", "-c", "indicators where status = red select code, owner"])
        XCTAssertEqual(q.status, 0, q.err)
        XCTAssertEqual(q.out, "code,owner\nNI 21,P. Green\n")
    }

    func testBadInputFailsWithAMessage() throws {
        let dir = tempDir()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let bin = dir.appendingPathComponent("scan.pdf")
        try Data([0x25, 0x50, 0x44, 0x46, 0x00, 0xFF]).write(to: bin)
        let r = try planq(["ingest", bin.path, "--out", dir.appendingPathComponent("o").path])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.contains("scan.pdf: the document looks binary"), r.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("o").path), "nothing written to --out")

        let missing = try planq(["ingest", dir.appendingPathComponent("nope.txt").path, "--out", dir.path])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.err.contains("no such file"), missing.err)

        let usage = try planq(["ingest", "--out", dir.path])
        XCTAssertEqual(usage.status, 2)
        XCTAssertTrue(usage.err.contains("Usage: planq ingest"), usage.err)

        let tol = try planq(["ingest", Self.fixtures.appendingPathComponent("laa_plan.txt").path, "--out", dir.path, "--tolerance", "2"])
        XCTAssertEqual(tol.status, 2)

        let badOverrides = dir.appendingPathComponent("o.csv")
        try Data("who,what\n".utf8).write(to: badOverrides)
        let ov = try planq(["ingest", Self.fixtures.appendingPathComponent("laa_plan.txt").path, "--out", dir.appendingPathComponent("x").path,
                            "--overrides", badOverrides.path])
        XCTAssertEqual(ov.status, 1)
        XCTAssertTrue(ov.err.contains("expected a header row id,column,value,reason"), ov.err)
    }

    /// A truncated, an encrypted and a scanned PDF each end with exit 1, a message naming the file,
    /// and --out left as it was, even beside a document that reads.
    func testBadPDFsLeaveOutUntouched() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") else { throw XCTSkip("poppler-utils not installed") }
        let pdf = Self.root.appendingPathComponent("Tests/Fixtures/formats/pdf")
        let out = tempDir().appendingPathComponent("data")
        for (name, message) in [("truncated", "truncated or damaged"), ("encrypted", "encrypted"), ("scan", "no text layer; run OCR first")] {
            let r = try planq(["ingest", pdf.appendingPathComponent("papers/westmere_laa.pdf").path,
                               pdf.appendingPathComponent("bad/\(name).pdf").path, "--out", out.path])
            XCTAssertEqual(r.status, 1, name)
            XCTAssertTrue(r.err.contains("\(name).pdf: ") && r.err.contains(message), r.err)
            XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "nothing written to --out")
        }
        let ok = try planq(["ingest", pdf.appendingPathComponent("papers/westmere_laa.pdf").path, "--out", out.path, "--report"])
        XCTAssertEqual(ok.status, 0, ok.err)
        XCTAssertTrue(ok.out.contains("  read as pdf; PDF, 2 pages"), ok.out)
        let q = try planq(["--data", out.path, "--format", "csv", "-c", "indicators where code = \"NI 21\" select page, code"])
        XCTAssertEqual(q.out, "page,code\n1,NI 21\n", q.err)
    }
}
