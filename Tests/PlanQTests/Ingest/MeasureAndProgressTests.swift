import XCTest
@testable import PlanQ

/// Measures (long form, with quarterly targets) and progress rows from stated statuses.
final class MeasureAndProgressTests: XCTestCase {
    func testQuarterTargetsAndProgress() throws {
        let r = try IngestTestSupport.ingest("dept_plan.txt", "other_layout.txt")
        let m = IngestTestSupport.rows(r, "measures", where: "line", is: "34")
        XCTAssertEqual(m.map { "\($0["kind"] ?? "") \($0["period"] ?? "") \($0["value"] ?? "")" }.sorted(),
                       ["actual 2007/08 45", "quarter target 2008/09 Q1 46", "quarter target 2008/09 Q2 47", "target 2008/09 49"])
        let p = try XCTUnwrap(r.table("progress")?.rows).filter { $0["document"] == "other_layout" }
        XCTAssertEqual(p.map { "\(($0["code"] ?? "") + ($0["ref"] ?? "")) \($0["status"] ?? "") \($0["period"] ?? "")" },
                       ["NI 20 green 2009/10", "NI 21 red 2009/10", "LPI3 amber 2009/10"])
    }
}
