import Foundation
import XCTest
@testable import PlanQ

/// Text whose tables lost their tabs: columns found from gutters of spaces.
final class SpacedTableLayoutTests: XCTestCase {
    func testSpacedLinesBecomeRows() {
        let lines = [
            "Outcome 1: Jobs",
            "Indicator                      Target    Lead Officer",
            "NI 151 Overall employment      73%       Helen Brooks",
            "  rate (working age)",
            "NI 152 Out of work benefits    13.8%     Raj Patel",
            "",
            "A paragraph  with a double space.",
        ]
        XCTAssertEqual(SpacedTableLayout.rewrite(lines), [
            "Outcome 1: Jobs",
            "Indicator\tTarget\tLead Officer",
            "NI 151 Overall employment rate (working age)\t73%\tHelen Brooks",
            "",
            "NI 152 Out of work benefits\t13.8%\tRaj Patel",
            "",
            "A paragraph  with a double space.",
        ])
    }

    func testTabLinesAndProseAreLeftAlone() {
        let lines = ["a\tb  c", "x  y", "plain", "one  two"]
        XCTAssertEqual(SpacedTableLayout.rewrite(lines), lines)
    }

    /// A paper as `pdftotext -layout` writes it: its action tables load, cut into the right
    /// columns (its wrapped reference cells are not rejoined; see the report).
    func testLayoutTextOfAPaperLoadsItsActions() throws {
        let dir = IngestTestSupport.root.appendingPathComponent("Tests/Fixtures/formats/pdf/papers")
        let doc = (name: "westmere_laa", data: try Data(contentsOf: dir.appendingPathComponent("westmere_laa.layout.txt")))
        let r = Ingester(reference: IngestTestSupport.reference).ingest([doc])
        let actions = r.table("actions")?.rows ?? []
        XCTAssertEqual(actions.count, 7)
        let first = try XCTUnwrap(actions.first)
        XCTAssertEqual(first["action"], "Deliver the Family Employment Initiative in the five most deprived wards")
        XCTAssertEqual(first["owner"], "Joan Fairley")
        XCTAssertEqual(first["due"], "2010-03-31")
    }
}
