import XCTest
@testable import PlanQ

/// Observations (every value with its period, quarterly targets included) and progress rows from stated statuses.
final class MeasureAndProgressTests: XCTestCase {
    func testQuarterTargetsAndProgress() throws {
        let r = try IngestTestSupport.ingest("dept_plan.txt", "other_layout.txt")
        let m = IngestTestSupport.rows(r, "observations", where: "line", is: "34")
        XCTAssertEqual(m.map { "\($0["kind"] ?? "") \($0["period"] ?? "") \($0["period_type"] ?? "") \($0["value"] ?? "")" }.sorted(),
                       ["actual 2007/08 year 45", "target 2008/09 Q1 quarter 46", "target 2008/09 Q2 quarter 47", "target 2008/09 year 49"])
        let ind = try XCTUnwrap(IngestTestSupport.rows(r, "indicators", where: "line", is: "34").first)
        XCTAssertEqual(Set(m.map { $0["record_id"] }), [ind["id"]])
        XCTAssertEqual(Set(m.map { $0["indicator_key"] }), [ind["indicator_key"]])
        let p = try XCTUnwrap(r.table("progress")?.rows).filter { $0["document"] == "other_layout" }
        // A status stated in a record's own column is attached to that record by id.
        let ids = Set(try XCTUnwrap(r.table("indicators")?.rows).filter { $0["document"] == "other_layout" }.compactMap { $0["id"] })
        XCTAssertTrue(!p.isEmpty && p.allSatisfy { ids.contains($0["record_id"] ?? "") })
        XCTAssertEqual(p.map { "\(($0["code"] ?? "") + ($0["ref"] ?? "")) \($0["status"] ?? "") \($0["period"] ?? "")" },
                       ["NI 20 green 2009/10", "NI 21 red 2009/10", "LPI3 amber 2009/10"])
    }
}
