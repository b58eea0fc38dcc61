import Foundation
import XCTest
@testable import PlanQ

/// Scores the ingest of the five seed documents against the hand-made labels
/// (`Tests/Ingest/Labels`, written from the documents by another engineer), and prints the figures.
final class LabelScoreTests: XCTestCase {
    static let labels = IngestTestSupport.root.appendingPathComponent("Tests/Ingest/Labels")

    func score(_ file: String, table: String, _ fields: [(String, String, LabelScorer.Rule)]) throws -> LabelScorer.Score {
        let result = try IngestTestSupport.seedResult.get()
        let labels = try LabelScorer.readTSV(Self.labels.appendingPathComponent(file))
        let t = try XCTUnwrap(result.table(table))
        let s = LabelScorer.score(file: file, labels: labels, table: t, fields: fields)
        print("ingest score: " + s.summary)
        // The same figures as a row for scripts/score-labels: set, document, kind, found, labels, right, fields.
        print(["score-row", "seeds", "(five seeds)", table, "\(s.found)", "\(s.labels)", "\(s.right)", "\(s.fields)"].joined(separator: "\t"))
        return s
    }

    // The labels hold owners as printed; planq keeps the printed text in `owner_raw` and the
    // person it names (``OwnerDirectory``) in `owner`, so the printed text is what is scored.
    func testIndicators() throws {
        let s = try score("indicators.tsv", table: "indicators", [("code", "code", .exact), ("title", "title", .text),
            ("baseline", "baseline", .number), ("target", "target", .number), ("actual", "actual", .number),
            ("status", "status", .exact), ("owner", "owner_raw", .text)])
        XCTAssertGreaterThanOrEqual(s.labels, 150)
        XCTAssertGreaterThanOrEqual(s.foundRate, 0.95, s.missing.prefix(20).joined(separator: "\n"))
        XCTAssertGreaterThanOrEqual(s.fieldRate, 0.95, s.wrong.prefix(20).joined(separator: "\n"))
    }

    func testActions() throws {
        let s = try score("actions.tsv", table: "actions", [("ref", "ref", .ref), ("action", "action", .text),
            ("owner", "owner_raw", .text), ("due", "due", .exact), ("status", "status", .exact)])
        XCTAssertGreaterThanOrEqual(s.foundRate, 0.95, s.missing.prefix(20).joined(separator: "\n"))
        XCTAssertGreaterThanOrEqual(s.fieldRate, 0.95, s.wrong.prefix(20).joined(separator: "\n"))
    }

    func testRisks() throws {
        let s = try score("risks.tsv", table: "risks", [("ref", "ref", .ref), ("risk", "risk", .text), ("status", "status", .exact),
            ("impact", "impact", .exact), ("likelihood", "likelihood", .exact), ("owner", "owner_raw", .text)])
        XCTAssertGreaterThanOrEqual(s.foundRate, 0.95, s.missing.prefix(20).joined(separator: "\n"))
        XCTAssertGreaterThanOrEqual(s.fieldRate, 0.95, s.wrong.prefix(20).joined(separator: "\n"))
    }

    func testGovernance() throws {
        let s = try score("governance.tsv", table: "governance", [("action", "item", .text), ("owner", "owner_raw", .text), ("due", "due", .exact)])
        XCTAssertGreaterThanOrEqual(s.foundRate, 0.95, s.missing.joined(separator: "\n"))
        XCTAssertGreaterThanOrEqual(s.fieldRate, 0.95, s.wrong.prefix(20).joined(separator: "\n"))
    }

    /// The scorer itself: prefix rule, numbers, refs, and a missing record.
    func testScorerRules() {
        XCTAssertTrue(LabelScorer.matches("Overall employment rate", "NI 151 Overall employment rate (16-64)", .text))
        XCTAssertFalse(LabelScorer.matches("Overall unemployment", "Overall employment rate", .text))
        XCTAssertTrue(LabelScorer.matches("JT", "jt", .text))
        XCTAssertFalse(LabelScorer.matches("JT", "JT LH", .text))
        XCTAssertTrue(LabelScorer.matches("65.8", "65.80", .number))
        XCTAssertFalse(LabelScorer.matches("", "1", .number))
        XCTAssertTrue(LabelScorer.matches("CSDP014", "CSD P014", .ref))
        let t = IngestTable(name: "x", columns: [], rows: [["document": "d", "line": "10", "title": "Overall employment rate"]])
        let s = LabelScorer.score(file: "x", labels: [["document": "d", "line": "11", "title": "overall employment"],
                                                      ["document": "d", "line": "20", "title": "x"]],
                                  table: t, fields: [("title", "title", .text)])
        XCTAssertEqual(s.found, 1)
        XCTAssertEqual(s.right, 1)
        XCTAssertEqual(s.missing, ["d:20"])
    }
}
