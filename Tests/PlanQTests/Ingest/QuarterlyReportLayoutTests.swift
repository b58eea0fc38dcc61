import XCTest
@testable import PlanQ

/// A quarterly performance report of another council: last year's outturn, this year's target, the
/// quarter's actual and a RAG letter; milestones with a lead and a deadline.
final class QuarterlyReportLayoutTests: XCTestCase {
    func testOutturnTargetActualAndMilestones() throws {
        let r = try IngestTestSupport.ingest("quarterly_report.txt")
        let ind = try XCTUnwrap(r.table("indicators")?.rows)
        XCTAssertEqual(ind.map { [$0["code"] ?? $0["ref"], $0["baseline"], $0["baseline_period"], $0["target"], $0["actual"],
                                  $0["actual_period"], $0["status"], $0["direction"]].map { $0 ?? "-" } }, [
            ["NI 1", "72", "2008/09", "75", "74", "2009/10 Q2", "amber", "improving"],
            ["NI 4", "28", "2008/09", "30", "31", "2009/10 Q2", "green", "improving"],
            ["LP12", "410", "2008/09", "450", "300", "2009/10 Q2", "red", "worse"],
        ])
        XCTAssertEqual(ind.first?["theme"], "Stronger Communities")
        // A performance report's statuses are `reported`, for the quarter its `Q2 Actual` column names,
        // and the direction compares the quarter with last year's outturn (no earlier quarter is given).
        XCTAssertEqual(ind.map { [$0["status_source"], $0["status_period"], $0["direction_from"], $0["direction_to"]].map { $0 ?? "-" } },
                       Array(repeating: ["reported", "2009/10 Q2", "2008/09", "2009/10 Q2"], count: 3))
        let act = try XCTUnwrap(r.table("actions")?.rows)
        XCTAssertEqual(act.map { [$0["action"], $0["owner"], $0["due"]].map { $0 ?? "-" } }, [
            ["Launch volunteering portal", "Kay Hill", "2009-10-31"],
            ["Review community centres", "Lee Cox", "2009-12-31"],
        ])
        XCTAssertEqual(r.table("plans")?.rows.first?["council"], "Westvale Metropolitan Borough Council")
    }
}
