import Foundation
import XCTest

/// The CLI's side of "say why a result is empty": the note on standard error,
/// `--quiet`, and the warning for a quoted value a column never holds.
final class CLIEmptyResultTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let fixture = root.appendingPathComponent("Tests/Fixtures/explain").path
    static let datasets = root.appendingPathComponent("datasets").path

    /// Runs the built `planq` with `args`, colour off.
    func planq(_ args: [String]) throws -> CLIRun { try CLIRunner().planq(args, environment: ["NO_COLOR": "1"]) }

    func testEmptyResultIsExplainedOnStderrUnlessQuiet() throws {
        let q = #"indicators where theme = "Community Safety" and status = red group by owner"#
        var r = try planq(["--data", Self.fixture, "-c", q])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, " owner | count\n-------+-------\n0 rows\n")
        XCTAssertEqual(r.err, """
            <query>:1:49: note: 0 rows: 3 indicators have theme = "Community Safety"; status is null in all 3, so none has status = red
            indicators where theme = "Community Safety" and status = red group by owner
                                                            ^~~~~~~~~~~~

            """)
        r = try planq(["--data", Self.fixture, "--quiet", "-c", q])
        XCTAssertEqual(r.status, 0)
        XCTAssertEqual(r.err, "")
        // A result with rows prints nothing on stderr.
        r = try planq(["--data", Self.fixture, "-c", "indicators where status = red"])
        XCTAssertEqual(r.err, "")
    }

    /// The headline query on the bundled plans: rows, or a note that names one of its steps.
    func testHeadlineQueryOnBundledPlansPrintsRowsOrAReason() throws {
        let r = try planq(["--data", Self.datasets, "-c", #"indicators where theme = "Community Safety" and status = red group by owner"#])
        XCTAssertEqual(r.status, 0, r.err)
        if r.out.hasSuffix("\n0 rows\n") {
            XCTAssertTrue(r.err.hasPrefix("<query>:1:"), r.err)
            XCTAssertTrue(r.err.contains(": note: 0 rows: "), r.err)
            XCTAssertTrue(r.err.contains("^~~~"), "the note points at the step: \(r.err)")
            XCTAssertTrue(r.err.contains("status") || r.err.contains(#"theme = "Community Safety""#), r.err)
        }
    }

    /// Every shipped example through the CLI on the bundled plans: each empty table on
    /// stdout has its note on stderr (how many are empty depends on `datasets/`).
    func testEveryShippedExamplePrintsAReasonForEachEmptyResult() throws {
        let dir = Self.root.appendingPathComponent("Grammar/examples")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".pq") }.sorted()
        XCTAssertFalse(files.isEmpty)
        for f in files {
            let r = try planq(["--data", Self.datasets, "--today", "2009-06-30", "-f", dir.appendingPathComponent(f).path])
            XCTAssertEqual(r.status, 0, "\(f): \(r.err)")
            let empty = r.out.split(separator: "\n", omittingEmptySubsequences: false).filter { $0 == "0 rows" }.count
            let notes = r.err.components(separatedBy: ": note: 0 rows: ").count - 1
            XCTAssertEqual(empty, notes, "\(f): \(empty) empty results, \(notes) explanations\n\(r.err)")
        }
    }

    func testQuotedValueNoRowHoldsIsAWarningWithCaretAndTheQueryRuns() throws {
        let r = try planq(["--data", Self.fixture, "-c", #"indicators where theme = "community safety" select code"#])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, " code\n------\n0 rows\n")
        XCTAssertEqual(r.err, """
            <query>:1:26: warning: no theme is "community safety"; did you mean "Community Safety"?
            indicators where theme = "community safety" select code
                                     ^~~~~~~~~~~~~~~~~~
            <query>:1:18: note: 0 rows: no theme is "community safety" among the 5 indicators; did you mean "Community Safety"?
            indicators where theme = "community safety" select code
                             ^~~~~~~~~~~~~~~~~~~~~~~~~~

            """)
    }

    func testReportParameterNoRowHoldsIsAnError() throws {
        let out = NSTemporaryDirectory() + "planq-empty-\(UUID().uuidString).md"
        let r = try planq(["report", Self.root.appendingPathComponent("reports/theme-profile.pqr").path,
                           "--data", Self.root.appendingPathComponent("Tests/Fixtures/reports").path,
                           "--param", "theme=community safety", "-o", out])
        XCTAssertEqual(r.status, 1, r.err)
        XCTAssertTrue(r.err.contains(#"error: in section 'Outcomes': parameter 'theme': no theme is "community safety"; did you mean "Community Safety"?"#), r.err)
        XCTAssertTrue(r.err.contains("^~~~~~"), r.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out), "a failed report writes nothing")
    }
}
