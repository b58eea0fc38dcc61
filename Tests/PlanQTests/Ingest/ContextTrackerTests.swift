import XCTest
@testable import PlanQ

/// Headings that set a record's plan, theme, outcome and owner.
final class ContextTrackerTests: XCTestCase {
    func testHeadings() {
        XCTAssertEqual(ContextTracker.heading("Outcome 1 Attract investment"), .outcome(number: 1, text: "Attract investment"))
        XCTAssertEqual(ContextTracker.heading("Outcome12 Reduced (total) crime"), .outcome(number: 12, text: "Reduced (total) crime"))
        XCTAssertEqual(ContextTracker.heading("Outcome 3 Create jobs -"), .outcome(number: 3, text: "Create jobs"))
        XCTAssertEqual(ContextTracker.heading("Owner and Organisation –Jill Harrison, Borough Council"),
                       .owner(name: "Jill Harrison", organisation: "Borough Council"))
        XCTAssertNil(ContextTracker.heading("Owner-occupiers in the regeneration areas not affected by demolition."))
        XCTAssertEqual(ContextTracker.heading("Key Partners (*denotes overall lead) - Police*, Council."),
                       .partners(lead: "Police", list: ["Police", "Council"]))
        XCTAssertEqual(ContextTracker.heading("Long Term Objective: Improve access to services"), .objective("Improve access to services"))
        XCTAssertEqual(ContextTracker.heading("ntal Plan outcome: Be Healthy (Children and young people)"), .objective("Be Healthy"))
        XCTAssertEqual(ContextTracker.heading("Community Strategy Theme: Transport and access"), .theme("Transport and access"))
        XCTAssertEqual(ContextTracker.heading("Theme Name:"), .theme(""))
        XCTAssertEqual(ContextTracker.heading("Safeguarding Action Plan 2008 / 09"), .plan(title: "Safeguarding Action Plan", period: "2008/09"))
        XCTAssertEqual(ContextTracker.heading("PLAN QUARTER 4 PROGRESS REPORT"), .plan(title: "PLAN QUARTER 4 PROGRESS REPORT", period: "Q4"))
        XCTAssertEqual(ContextTracker.heading("LAA Target: NI 73"), .indicator("NI 73"))
        XCTAssertNil(ContextTracker.heading("The plan was approved by the Portfolio Holder on 27th April 2007 for 2007/08."))
    }

    func testThemeRangesAndCouncil() {
        let lines = ["Part 1 Plan 2008/09\tPage", "Jobs and the Economy – Outcomes 1-4\t", "<p>Community Safety – Outcomes 12-16</p> <ul> ○ 12. Crime"]
        let ranges = ContextTracker.themeRanges(lines)
        XCTAssertEqual(ranges[1], "Jobs and the Economy")
        XCTAssertEqual(ranges[4], "Jobs and the Economy")
        XCTAssertEqual(ranges[12], "Community Safety")
        XCTAssertNil(ranges[5])
        XCTAssertEqual(ContextTracker.council(["Riverton City Council and Riverton City Council", "The County Council", "Ashby District Council"]),
                       "Riverton City Council")
    }

    func testAnActionNamingAPlanIsStillAnAction() throws {
        let doc = "Ref.\tAction for improvement\tAction Owner & Organisation\tDate to be completed\n14 (CST A03-3)\tPrepare the Delivery Plan for 2009/10\tJo Potts (PST)\tJune 2008\n"
        let r = Ingester().ingest([("d", Data(doc.utf8))])
        let a = try XCTUnwrap(r.table("actions")?.rows.first)
        XCTAssertEqual(a["ref"], "14")
        XCTAssertEqual(a["action"], "Prepare the Delivery Plan for 2009/10")
        XCTAssertEqual(a["due"], "2008-06-30")
    }
}
