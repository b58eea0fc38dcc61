import Foundation
import XCTest

/// `planq ingest` on HTML, xlsx and CSV files, and on bad ones: exit 1 with a message naming the
/// file, never a crash or a hang, and nothing written to --out.
final class IngestFormatsCommandTests: XCTestCase {
    static let formats = IngestCommandTests.root.appendingPathComponent("Tests/Fixtures/formats")
    static let reference = IngestCommandTests.root.deletingLastPathComponent().appendingPathComponent("shared/reference/national-indicators.csv")

    /// Runs the built `planq` with `args`.
    func planq(_ args: [String]) throws -> CLIRun { try CLIRunner().planq(args) }

    func tempDir() throws -> URL {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("planq-ingest-formats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }

    func testHTMLWorkbookAndCSVIngestAndQuery() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("data.csv")
        try Data("Indicator,Target 2008/09,Actual 2008/09,Status,Lead Officer\nNI 47 People killed or seriously injured,88,101,Red,Sunita Rao\n".utf8).write(to: csv)
        let out = dir.appendingPathComponent("data")
        var args = ["ingest", Self.formats.appendingPathComponent("pages/kingsmere_q3.html").path,
                    Self.formats.appendingPathComponent("workbooks/brookfield_returns.xlsx").path, csv.path, "--out", out.path, "--report"]
        if FileManager.default.fileExists(atPath: Self.reference.path) { args += ["--reference", Self.reference.path] }
        let r = try planq(args)
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("kingsmere_q3: 33 lines; 1 plans, 7 indicators, 4 actions, 3 risks"), r.out)
        XCTAssertTrue(r.out.contains("brookfield_returns: 26 lines; 1 plans, 8 indicators, 4 actions, 3 risks"), r.out)
        XCTAssertTrue(r.out.contains("data: 2 lines; 1 plans, 1 indicators"), r.out)
        let q = try planq(["--data", out.path, "--format", "csv", "-c", "indicators where status = red group by document"])
        XCTAssertEqual(q.status, 0, q.err)
        XCTAssertEqual(q.out, "document,count\nkingsmere_q3,2\nbrookfield_returns,2\ndata,1\n")
    }

    func testBadInputsExitOneNamingTheFileAndWriteNothing() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases = [
            ("bad/not_a_zip.xlsx", "not_a_zip.xlsx: not an xlsx workbook: the file is not a zip archive"),
            ("bad/no_workbook.xlsx", "no_workbook.xlsx: not an xlsx workbook: the zip archive has no xl/workbook.xml"),
            ("bad/zip_bomb.xlsx", "zip_bomb.xlsx: the workbook part 'xl/worksheets/sheet1.xml' is compressed"),
            ("bad/zip_bomb_lying.xlsx", "zip_bomb_lying.xlsx: the workbook part 'xl/worksheets/sheet1.xml' inflates past its declared 2000 bytes"),
            ("bad/script_deep.html", "script_deep.html: line 3: tags are nested over 256 deep"),
            ("bad/empty.html", "empty.html: no text found in the HTML"),
            ("bad/garbage.html", "garbage.html: the document looks binary"),
        ]
        for (file, message) in cases {
            let out = dir.appendingPathComponent("out-" + URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent)
            let r = try planq(["ingest", Self.formats.appendingPathComponent(file).path, "--out", out.path])
            XCTAssertEqual(r.status, 1, "\(file): \(r.err)")
            XCTAssertTrue(r.err.contains(message), "\(file): \(r.err)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "\(file): --out was written")
        }
        // An existing folder is left as it was.
        let kept = dir.appendingPathComponent("kept")
        try FileManager.default.createDirectory(at: kept, withIntermediateDirectories: true)
        try Data("a\n1\n".utf8).write(to: kept.appendingPathComponent("t.csv"))
        let r = try planq(["ingest", Self.formats.appendingPathComponent("bad/zip_bomb.xlsx").path, "--out", kept.path])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: kept.path), ["t.csv"])
        // Forcing a format on the wrong content is a clear error too.
        let forced = try planq(["ingest", "--input-format", "xlsx", Self.formats.appendingPathComponent("pages/ashcombe_exceptions.html").path,
                                "--out", dir.appendingPathComponent("forced").path])
        XCTAssertEqual(forced.status, 1)
        XCTAssertTrue(forced.err.contains("ashcombe_exceptions.html: not an xlsx workbook"), forced.err)
    }

    /// `--report` says per document which reader read it, the tables and blocks it found with their
    /// page or sheet, and each table or block skipped with its header words and why.
    func testReportNamesReaderPlacesAndSkippedTables() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("wards.csv")
        try Data("Lead Officer,Target 2009/10,Status\nJo Bell,15,Red\n".utf8).write(to: csv)
        let heldout = Self.formats.appendingPathComponent("heldout")
        var args = ["ingest", heldout.appendingPathComponent("wyvern_return.xlsx").path, csv.path, "--out", dir.appendingPathComponent("o").path, "--report"]
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") { args.insert(heldout.appendingPathComponent("thornbury_laa_q4.pdf").path, at: 1) }
        let r = try planq(args)
        XCTAssertEqual(r.status, 0, r.err)
        for expected in [
            "wyvern_return: 32 lines; 1 plans, 8 indicators, 4 actions, 3 risks",
            "  read as xlsx; sheet 'Cover': 6 cells, 4 lines; sheet 'PIs Q2': 76 cells, 14 lines;",
            "  Cover!A5: skipped 2 rows outside a recognised table: Prepared by | Corporate Performance Unit",
            "  PIs Q2!A4: header roles: PI ref → ref; ",
            "  Risk register!A1: header roles: Risk no. → ref; Risk description → risk;",
            "wards: 2 lines; no records recognised (no tables of a known kind)",
            "  read as csv; CSV: one table, 3 columns, 1 records",
            "  line 1: skipped table of 1 rows (columns: owner, target, status); no recogniser for this header: Lead Officer | Target 2009/10 | Status",
        ] {
            XCTAssertTrue(r.out.contains(expected), "missing '\(expected)' in:\n\(r.out)")
        }
        if args.count == 7 {
            XCTAssertTrue(r.out.contains("  read as pdf; PDF, 2 pages, 350 words; p. 1: table 1 at line 6, 8 columns; p. 1: table 2 at line 29, 4 columns"), r.out)
            XCTAssertTrue(r.out.contains("  p. 1 line 6: header roles: LAA ref → ref; National Indicator → measure;"), r.out)
        }
    }

    /// The README's PDF example (ingest a printed paper, then query it) gives what the README shows.
    func testReadmePDFExampleIsTrue() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") else { throw XCTSkip("poppler-utils not installed") }
        let readme = try String(contentsOf: IngestCommandTests.root.appendingPathComponent("README.md"), encoding: .utf8)
        let lines = readme.components(separatedBy: "\n")
        let start = try XCTUnwrap(lines.firstIndex(of: "$ planq ingest Tests/Fixtures/formats/pdf/papers/northfield_q2.pdf --out q2"))
        let query = lines[start + 1]
        XCTAssertTrue(query.hasPrefix("$ planq --data q2 -c '") && query.hasSuffix("'"), query)
        let expected = lines[(start + 2)...].prefix { $0 != "```" }.joined(separator: "\n") + "\n"
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("q2").path
        let pdf = IngestCommandTests.root.appendingPathComponent("Tests/Fixtures/formats/pdf/papers/northfield_q2.pdf").path
        var args = ["ingest", pdf, "--out", out]
        if FileManager.default.fileExists(atPath: Self.reference.path) { args += ["--reference", Self.reference.path] }
        XCTAssertEqual(try planq(args).status, 0)
        let q = try planq(["--data", out, "-c", String(query.dropFirst("$ planq --data q2 -c '".count).dropLast())])
        XCTAssertEqual(q.status, 0, q.err)
        XCTAssertEqual(q.out, expected)
    }

    func testHarmlessPageWithoutTablesSaysNoRecords() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try planq(["ingest", Self.formats.appendingPathComponent("bad/no_tables.html").path, "--out", dir.appendingPathComponent("o").path, "--report"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("no_tables: 2 lines; no records recognised"), r.out)
    }
}
