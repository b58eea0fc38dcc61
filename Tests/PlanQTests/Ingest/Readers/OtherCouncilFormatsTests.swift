import Foundation
import XCTest
@testable import PlanQ

/// Fixture pages and workbooks in other councils' styles (not the seeds'), counted by hand in
/// Tests/Fixtures/formats/EXPECTED.md: each loads at least 85% of its records, with their values.
final class OtherCouncilFormatsTests: XCTestCase {
    static let formats = IngestTestSupport.root.appendingPathComponent("Tests/Fixtures/formats")

    func ingest(_ path: String) throws -> IngestResult {
        let url = Self.formats.appendingPathComponent(path)
        let r = Ingester(reference: IngestTestSupport.reference)
            .ingest(files: [(name: url.deletingPathExtension().lastPathComponent, fileName: url.lastPathComponent, data: try Data(contentsOf: url))])
        XCTAssertTrue(r.failures.isEmpty, "\(r.failures)")
        return r
    }

    /// Records found against the hand count (indicators, actions, risks).
    func assertLoads(_ r: IngestResult, indicators: Int, actions: Int, risks: Int, file: StaticString = #filePath, line: UInt = #line) {
        let found = ["indicators", "actions", "risks"].map { r.table($0)?.rows.count ?? 0 }
        let expected = indicators + actions + risks
        let share = Double(zip(found, [indicators, actions, risks]).map { min($0, $1) }.reduce(0, +)) / Double(expected)
        print("other councils: \(r.tables.first?.rows.first?["plan"] ?? "?"): found \(found) of [\(indicators), \(actions), \(risks)] = \(Int(share * 100))%")
        XCTAssertGreaterThanOrEqual(share, 0.85, "found \(found)", file: file, line: line)
        // Nothing invented: no table gives more records than the page holds.
        for (f, e) in zip(found, [indicators, actions, risks]) { XCTAssertLessThanOrEqual(f, e, "found \(found)", file: file, line: line) }
    }

    func testKingsmereQuarterlyPage() throws {
        let r = try ingest("pages/kingsmere_q3.html")
        assertLoads(r, indicators: 7, actions: 4, risks: 3)
        let ind = r.table("indicators")?.rows ?? []
        // Two-row header: the period spans Target | Actual | Status; status from icons' alt text.
        let ni32 = ind.first { $0["code"] == "NI 32" }
        XCTAssertEqual(ni32?["target"], "28")
        XCTAssertEqual(ni32?["target_period"], "2008/09")
        XCTAssertEqual(ni32?["baseline_period"], "2007/08")
        XCTAssertEqual(ni32?["status"], "red")
        XCTAssertEqual(ind.map { $0["theme"] ?? "" }.filter { $0 == "Children and Young People" }.count, 3)
        XCTAssertFalse(ind.contains { ($0["code"] ?? "").hasPrefix("NI 99") }, "script, comment or noscript text was read")
        // Risk ratings from cell colours.
        XCTAssertEqual(r.table("risks")?.rows.map { $0["status"] ?? "" }, ["red", "amber", "green"])
    }

    func testAshcombeExceptionPage() throws {
        let r = try ingest("pages/ashcombe_exceptions.html")
        assertLoads(r, indicators: 6, actions: 4, risks: 0)
        XCTAssertEqual(r.table("indicators")?.rows.map { $0["status"] ?? "" }, ["amber", "green", "red", "red", "green", "green"])
        XCTAssertEqual(r.table("actions")?.rows.map { $0["owner"] ?? "" }, ["Gareth Lloyd", "Gareth Lloyd", "Helen Marsh", "Helen Marsh"])
    }

    func testBrookfieldReturnsWorkbook() throws {
        let r = try ingest("workbooks/brookfield_returns.xlsx")
        assertLoads(r, indicators: 8, actions: 4, risks: 3)
        let ni8 = r.table("indicators")?.rows.first { $0["code"] == "NI 8" }
        XCTAssertEqual(ni8?["baseline"], "20.6")
        XCTAssertEqual(ni8?["actual"], "21.4")
        XCTAssertEqual(ni8?["unit"], "%")
        XCTAssertEqual(ni8?["status"], "amber")
        XCTAssertEqual(r.table("actions")?.rows.map { $0["due"] ?? "" }, ["2009-01-31", "2009-03-31", "2009-06-30", "2009-09-30"])
    }
}
