import Foundation
import XCTest
@testable import PlanQ

/// Tables exported one cell per line: a header of N labels, then groups of N cell lines.
final class CellPerLineLayoutTests: XCTestCase {
    func testLabelsThenGroupsOfCellsBecomeRows() {
        let lines = ["Quarter 3", "", "Ref", "Action", "Due", "Progress", "A1", "Open the centre", "March 2010", "Done",
                     "A2", "Review the plan", "June 2010", "On track", "", "Contact: the team."]
        let rows = CellPerLineLayout.rewrite(lines)
        XCTAssertEqual(rows.map(\.text), ["Quarter 3", "", "Ref\tAction\tDue\tProgress", "A1\tOpen the centre\tMarch 2010\tDone",
                                          "A2\tReview the plan\tJune 2010\tOn track", "", "Contact: the team."])
        XCTAssertEqual(rows.map(\.source), [0, 1, 2, 6, 10, 14, 15])
    }

    func testListsOfShortLinesAndMisalignedGroupsAreLeftAlone() {
        // Short phrases only (no column of numbers, dates or codes): a list, not a table.
        let list = ["Themes", "Jobs and the Economy", "Health and Wellbeing", "Housing", "Environment", "Community Safety", "Culture"]
        XCTAssertEqual(CellPerLineLayout.rewrite(list).map(\.text), list)
        // Only one group whose kinds hold (the second loses its code cell): not a table.
        let broken = ["Code", "Title", "Target", "NI 1", "Cohesion", "75%", "Crime", "12%", "Lead"]
        XCTAssertEqual(CellPerLineLayout.rewrite(broken).map(\.text), broken)
        // A group cut short at the end is left as lines.
        let short = ["Code", "Title", "Target", "NI 1", "Cohesion", "75%", "NI 4", "Involvement", "30%", "NI 5"]
        XCTAssertEqual(CellPerLineLayout.rewrite(short).map(\.text), ["Code\tTitle\tTarget", "NI 1\tCohesion\t75%", "NI 4\tInvolvement\t30%", "NI 5"])
    }

    func testFixtureIngestsItsIndicators() throws {
        let url = IngestTestSupport.root.appendingPathComponent("Tests/Fixtures/formats/text/westbury_cells.txt")
        let r = Ingester(reference: IngestTestSupport.reference).ingest([(name: "westbury_cells", data: try Data(contentsOf: url))])
        XCTAssertEqual(r.failures, [])
        let rows = IngestTestSupport.rows(r, "indicators", where: "document", is: "westbury_cells")
        XCTAssertEqual(rows.compactMap { $0["code"] }.sorted(), ["NI 157", "NI 192", "NI 195"])
        let ni192 = try XCTUnwrap(IngestTestSupport.rows(r, "indicators", where: "code", is: "NI 192").first)
        XCTAssertEqual(ni192["target"], "40")
        XCTAssertEqual(ni192["actual"], "36.5")
        XCTAssertEqual(ni192["status"], "red")
        XCTAssertEqual(ni192["owner"], "Tom Fenwick")
        XCTAssertEqual(ni192["line"], "18")
    }

    func testManyLabelLinesAreNoTable() {
        // Label-like lines only: no group holds a number, date or code, so nothing is folded
        // (the search tries at most ``CellPerLineLayout/maxColumns`` widths from each line).
        let many = [String](repeating: "Target", count: 20_000)
        XCTAssertEqual(CellPerLineLayout.rewrite(many).map(\.text), many)
    }
}
