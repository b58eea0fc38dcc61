import Foundation
import XCTest
@testable import PlanQ

/// Odd documents, overrides, determinism, stable ids, derived status and direction.
final class IngesterTests: XCTestCase {
    func ingest(_ text: String, name: String = "doc", ingester: Ingester = Ingester()) -> IngestResult {
        ingester.ingest([(name, Data(text.utf8))])
    }

    func testOddDocumentsGiveMessagesNotCrashes() {
        var big = Ingester()
        big.maxBytes = 10
        let cases: [(String, Data, Ingester, String)] = [
            ("empty", Data(), Ingester(), "empty"),
            ("blank", Data("  \n\n\t\n".utf8), Ingester(), "only whitespace"),
            ("binary", Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02]), Ingester(), "binary"),
            ("huge", Data("Risk\tRating\nA\tRed\n".utf8), big, "limit"),
        ]
        for (name, data, ing, word) in cases {
            let r = ing.ingest([(name, data)])
            XCTAssertEqual(r.failures.count, 1, name)
            XCTAssertTrue(r.failures[0].contains(word), r.failures[0])
            XCTAssertTrue(r.report[0].hasPrefix("\(name): not ingested"), r.report[0])
        }
        let prose = ingest("Just a letter.\nNo tables here.\n", name: "letter")
        XCTAssertTrue(prose.failures.isEmpty)
        XCTAssertTrue(prose.report[0].contains("no records recognised"), prose.report[0])
        // Garbage with tabs and odd bytes still reads.
        let junk = ingest("\t\t\n<p>\t</ul>\nRef\tAction\n\t\t\t\nÿÿ\tNI\n", name: "junk")
        XCTAssertTrue(junk.failures.isEmpty)
    }

    func testReportListsSkippedBlocksWithTheirLines() throws {
        let r = try IngestTestSupport.ingest("laa_plan.txt")
        XCTAssertTrue(r.report[0].hasPrefix("laa_plan: 68 lines; 1 plans, 3 outcomes, 6 indicators, 3 actions, 4 risks"), r.report[0])
        XCTAssertTrue(r.report.contains { $0.contains("line 6: skipped 2 rows outside a recognised table") }, r.report.joined(separator: "\n"))
    }

    func testDeterministicAndIdsSurviveEditsAbove() throws {
        let a = try IngestTestSupport.ingest("laa_plan.txt", "dept_plan.txt")
        let b = try IngestTestSupport.ingest("laa_plan.txt", "dept_plan.txt")
        XCTAssertEqual(a.tables.map { $0.csv() }, b.tables.map { $0.csv() })
        XCTAssertEqual(a.schemaJSON, b.schemaJSON)
        // Insert prose near the top: lines move, ids stay.
        var (name, data) = try IngestTestSupport.fixture("laa_plan.txt")
        let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "Contents\n", with: "Contents\nA new paragraph.\n\nAnother.\n")
        data = Data(text.utf8)
        let c = Ingester(reference: IngestTestSupport.reference).ingest([(name, data)])
        for t in ["indicators", "actions", "risks", "outcomes"] {
            let before = a.table(t)?.rows.filter { $0["document"] == "laa_plan" }.map { $0["id"] ?? "" } ?? []
            let after = c.table(t)?.rows.map { $0["id"] ?? "" } ?? []
            XCTAssertEqual(before, after, t)
            XCTAssertEqual(Set(after).count, after.count, "\(t) ids are unique")
            XCTAssertNotEqual(a.table(t)?.rows.first?["line"], c.table(t)?.rows.first?["line"])
        }
    }

    func testOverridesAppliedAndStaleOnesWarned() throws {
        let first = try IngestTestSupport.ingest("laa_plan.txt")
        let id = try XCTUnwrap(IngestTestSupport.rows(first, "risks", where: "line", is: "45").first?["id"])
        let csv = "id,column,value,reason\n\(id),status,red,\"rated red at the March board\"\nind-000000000000,status,green,gone\n\(id),colour,red,typo\n"
        let parsed = Override.parse(csv: csv)
        XCTAssertTrue(parsed.problems.isEmpty)
        let r = try IngestTestSupport.ingest("laa_plan.txt", overrides: parsed.overrides)
        XCTAssertEqual(IngestTestSupport.rows(r, "risks", where: "id", is: id).first?["status"], "red")
        XCTAssertTrue(r.report.contains { $0.contains("risks \(id).status: '' → 'red' (rated red at the March board)") }, r.report.joined(separator: "\n"))
        XCTAssertTrue(r.warnings.contains { $0.contains("stale override") && $0.contains("ind-000000000000") }, r.warnings.joined(separator: "\n"))
        XCTAssertTrue(r.warnings.contains { $0.contains("no column 'colour'") })
        XCTAssertFalse(Override.parse(csv: "who,what\n1,2\n").problems.isEmpty)
    }

    func testDerivedStatusToleranceAndDirection() {
        let doc = """
        Service Plan 2009/10

        Indicator\tBaseline 2008/09\tTarget 2009/10\tActual 2009/10
        Homes built\t100\t200\t195
        Complaints\t50\t40\t60
        Visits\t10\t20\t25
        Waiting days\t30\t20\t21

        """
        let r = ingest(doc)
        let rows = r.table("indicators")?.rows ?? []
        XCTAssertEqual(rows.map { $0["status"] ?? "-" }, ["amber", "red", "green", "amber"])
        XCTAssertEqual(rows.map { $0["status_source"] ?? "-" }, ["derived", "derived", "derived", "derived"])
        XCTAssertEqual(rows.map { $0["polarity"] ?? "-" }, ["higher", "lower", "higher", "lower"])
        XCTAssertEqual(rows.map { $0["direction"] ?? "-" }, ["improving", "worse", "improving", "improving"])
        let strict = Ingester(rule: StatusRule(tolerance: 0.01)).ingest([("doc", Data(doc.utf8))])
        XCTAssertEqual(strict.table("indicators")?.rows.map { $0["status"] ?? "-" }, ["red", "red", "green", "red"])
    }

    func testCodeTitleDisagreementIsWarned() {
        let ni = NationalIndicator(code: "NI 177", number: 177, title: "Local bus and light rail passenger journeys", polarity: "higher")
        let r = Ingester(reference: [ni]).ingest([("d", Data("Indicator\tTarget 2008/09\nNI 177 Residual household waste\t5\n".utf8))])
        XCTAssertEqual(r.warnings.count, 1)
        XCTAssertTrue(r.warnings[0].hasPrefix("d:2: warning: NI 177 title"), r.warnings[0])
        XCTAssertEqual(r.table("indicators")?.rows.first?["polarity"], "higher")
        // A title that is another code's title names that code.
        let ni191 = NationalIndicator(code: "NI 191", number: 191, title: "Residual household waste per household", polarity: "lower")
        let ni192 = NationalIndicator(code: "NI 192", number: 192, title: "Percentage of household waste sent for reuse, recycling and composting")
        let s = Ingester(reference: [ni191, ni192]).ingest([("d", Data("Indicator\tTarget 2008/09\nNI 192 Residual household waste per household\t5\n".utf8))])
        XCTAssertEqual(s.warnings, ["d:2: warning: NI 192 title 'Residual household waste per household' reads like NI 191 ('Residual household waste per household')"])
    }

    func testWriterIsAtomicAndLoadable() throws {
        let r = try IngestTestSupport.ingest("laa_plan.txt", "dept_plan.txt", "theme_plan.txt", "partnership_review.txt")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("planq-ingest-\(UUID().uuidString)/out")
        try IngestWriter.write(r, to: dir.path)
        try Data("keep".utf8).write(to: dir.appendingPathComponent("README.md"))
        try IngestWriter.write(r, to: dir.path)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        XCTAssertTrue(files.contains("README.md"), "files the ingest does not own are kept")
        XCTAssertTrue(files.contains("schema.json"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.deletingLastPathComponent().path).filter { $0.hasPrefix(".") }
        XCTAssertEqual(leftovers, [])
        let catalog = try DataDirectory.load(dir.path)
        XCTAssertEqual(catalog.table("risks")?.rowCount, 6)
        let res = try Engine(catalog: catalog, today: nil).run(SourceText(name: "q", text: "risks group by status"))
        XCTAssertNotNil(res.last)
    }
}
