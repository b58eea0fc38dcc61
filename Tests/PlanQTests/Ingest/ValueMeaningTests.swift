import XCTest
@testable import PlanQ

/// Cells with two quantities (class 4), dates in councils' terms (class 8) and polarity with
/// derived status for local indicators (class 9), issue 14.
final class ValueMeaningTests: XCTestCase {
    func testTheQuantityWhoseUnitTheTitleAsksFor() {
        let rate = NumberNormalizer.read("2,310 thefts = 9.8 per 1,000 residents", title: "Theft rate", siblings: ["9.5"])
        XCTAssertEqual(rate.value, 9.8)
        XCTAssertEqual(rate.raw, "2,310 thefts = 9.8 per 1,000 residents")
        // A count title keeps the count.
        XCTAssertEqual(NumberNormalizer.read("2,310 thefts = 9.8 per 1,000 residents", title: "Number of thefts", siblings: ["2,400"]).value, 2310)
        XCTAssertEqual(NumberNormalizer.read("3.5% fall on the base year (5.1 tonnes per resident)", title: "Per capita reduction in emissions",
                                             siblings: []).value, 3.5)
    }

    func testTheQuantityTheSiblingCellsShare() {
        XCTAssertEqual(NumberNormalizer.read("880 visits = 3,050 per 1,000 population", title: "Museum visits",
                                             siblings: ["3,000 per 1,000"]).value, 3050)
        let pct = NumberNormalizer.read("3.5% fall (5.1 tonnes per resident)", title: "Emissions per resident", siblings: ["4% fall"])
        XCTAssertEqual(pct.value, 3.5)
        XCTAssertEqual(pct.unit, "%")
    }

    func testTheHeadlineRatherThanTheSubArea() {
        XCTAssertEqual(NumberNormalizer.read("Northtown 61% (rural wards 48%)", title: "Residents satisfied", siblings: ["60%"]).value, 61)
        XCTAssertEqual(NumberNormalizer.read("57 (cumulative; the Q3 profile is 80)", title: "Homes built", siblings: ["120"]).value, 57)
        XCTAssertEqual(NumberNormalizer.quantities("57 (cumulative; the Q3 profile is 80)").map { $0.value.value }, [57, 80])
    }

    func testDatesInCouncilsTerms() {
        XCTAssertEqual(DateNormalizer.iso("Q1 2011/12"), "2011-06-30")
        XCTAssertEqual(DateNormalizer.iso("Q2 2011/12"), "2011-09-30")
        XCTAssertEqual(DateNormalizer.iso("Quarter 3 2010/11"), "2010-12-31")
        XCTAssertEqual(DateNormalizer.iso("Q4 2010/11"), "2011-03-31")
        XCTAssertEqual(DateNormalizer.iso("2012/13 Q2"), "2012-09-30")
        XCTAssertEqual(DateNormalizer.iso("By end of 2012/13"), "2013-03-31")
        XCTAssertEqual(DateNormalizer.iso("by the end of 2011-12"), "2012-03-31")
        XCTAssertEqual(DateNormalizer.iso("Sept 2011"), "2011-09-30")
        XCTAssertEqual(DateNormalizer.iso("Ju ne 2012"), "2012-06-30")
        XCTAssertEqual(DateNormalizer.iso("Ap ril 2011"), "2011-04-30")
        XCTAssertNil(DateNormalizer.iso("Review the 2010/11 plan"))
        XCTAssertNil(DateNormalizer.iso("Ongoing"))
        XCTAssertEqual(PeriodNormalizer.quarter(in: "Quarter 2 2009/10")?.label, "2009/10 Q2")
        XCTAssertNil(PeriodNormalizer.quarter(in: "Q2 actual"))
    }

    func testPolarityTheDocumentStates() {
        let key = PolarityKey.read(["Unless stated otherwise, higher is better. Indicators marked (L) are those where smaller values are best."])
        XCTAssertEqual(key.defaultPolarity, "higher")
        XCTAssertEqual(key.markers["(l)"], "lower")
        XCTAssertEqual(key.polarity(title: "Days lost to sickness (L)"), "lower")
        XCTAssertNil(key.polarity(title: "Lettings made"))
        let arrows = PolarityKey.read(["   ▲   higher is better        ▼   lower is better"])
        XCTAssertNil(arrows.defaultPolarity)
        XCTAssertEqual(arrows.polarity(cell: "▼"), "lower")
        XCTAssertEqual(PolarityKey().polarity(cell: "Smaller values are best"), "lower")
        XCTAssertEqual(PolarityKey().polarity(cell: "High is good"), "higher")
        XCTAssertEqual(PolarityKey().polarity(cell: "↑"), "higher")
        // A sentence without a scope sets no default.
        XCTAssertNil(PolarityKey.read(["For this measure higher is better."]).defaultPolarity)
    }

    /// A made-up district paper: local indicators with no status, a key with a default polarity and
    /// a marker, quarter columns with a year-to-date figure (one `n/a`), and a `Value | Target` table.
    static let paper = """
    Northbury Borough Council
    Quarter 4 Performance Report 2011/12

    Unless stated otherwise, higher is better. Measures marked (L) are those where lower values are best.

    Indicator description\tTeam\tQ1\tQ2\tQ3\tQ4\tYear to date\tTarget\tStatus
    Lettings made to new tenants\tHousing Options\t30\t25\t31\t40\t126\t120\t
    Households in bed and breakfast (L)\tHousing Options\t9\t8\t11\t12\tn/a\t10\t
    Reduction in paper used by offices\tFacilities\t1\t2\t3\t4\t10\t20\t

    Measure\tPolarity\tValue\tTarget\tStatus\tTeam
    Average days to pay invoices\tLower is better\t21\t20\t\tFinance
    """

    func testDerivedStatusForLocalIndicators() throws {
        let result = Ingester(reference: []).ingest([(name: "northbury", data: Data(Self.paper.utf8))])
        let rows = try XCTUnwrap(result.table("indicators")).rows
        func row(_ prefix: String) -> [String: String] { rows.first { ($0["title"] ?? "").hasPrefix(prefix) } ?? [:] }
        let lettings = row("Lettings")
        XCTAssertEqual(lettings["actual"], "126")
        XCTAssertEqual(lettings["owner"], "Housing Options")
        XCTAssertEqual(lettings["polarity"], "higher")
        XCTAssertEqual(lettings["polarity_source"], "document")
        XCTAssertEqual(lettings["status"], "green")
        XCTAssertEqual(lettings["status_source"], "derived")
        // Each quarter but the last is an observation of its own; the year to date is the actual (of Q4).
        let obs = (result.table("observations")?.rows ?? []).filter { $0["record_id"] == lettings["id"] && $0["kind"] == "actual" }
        XCTAssertEqual(obs.map { $0["period"] ?? "" }.sorted(), ["2011/12 Q1", "2011/12 Q2", "2011/12 Q3"])
        XCTAssertEqual(obs.first { $0["period"] == "2011/12 Q3" }?["value"], "31")
        // n/a year to date: the Q4 figure, lower is better by the marker: 12 against 10 is red.
        let bb = row("Households in bed")
        XCTAssertEqual(bb["actual"], "12")
        XCTAssertEqual(bb["actual_period"], "2011/12 Q4")
        XCTAssertEqual(bb["polarity"], "lower")
        XCTAssertEqual(bb["status"], "red")
        // The paper's default beats the title's wording ("Reduction …").
        XCTAssertEqual(row("Reduction in paper")["polarity"], "higher")
        XCTAssertEqual(row("Reduction in paper")["status"], "red")
        // A polarity cell, and a target with no period of its own in the same row: 21 against 20
        // when lower is better is within 5%: amber.
        let invoices = row("Average days")
        XCTAssertEqual(invoices["polarity"], "lower")
        XCTAssertEqual(invoices["status"], "amber")
    }

    func testTheTargetAnActualIsMeasuredAgainst() {
        let a = ["kind": "actual", "period": "2011/12 Q4", "value": "5", "document": "d", "line": "7"]
        let year = ["kind": "target", "period": "2011/12", "value": "6", "document": "d", "line": "7"]
        XCTAssertEqual(PerformanceModel.target(for: a, period: "2011/12 Q4", in: [year])?["value"], "6")
        // A second quarter is not measured against the whole year's target.
        XCTAssertNil(PerformanceModel.target(for: a, period: "2011/12 Q2", in: [year]))
        let sameRow = ["kind": "target", "period": "", "value": "4", "document": "d", "line": "7"]
        let otherRow = ["kind": "target", "period": "", "value": "3", "document": "d", "line": "9"]
        XCTAssertEqual(PerformanceModel.target(for: a, period: "2011/12 Q2", in: [otherRow, sameRow])?["value"], "4")
        // No period of its own: the row's target, whatever its period.
        XCTAssertEqual(PerformanceModel.target(for: a, period: "", in: [year])?["value"], "6")
        XCTAssertNil(PerformanceModel.target(for: a, period: "", in: [otherRow]))
        XCTAssertNil(PerformanceModel.target(for: a, period: "2011/12 Q4", in: [year], ownActual: false))
    }
}
