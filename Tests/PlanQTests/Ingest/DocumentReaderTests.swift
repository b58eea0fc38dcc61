import XCTest
@testable import PlanQ

/// Tables, repeated headers after page breaks, continuation rows, and headings inside tables.
final class DocumentReaderTests: XCTestCase {
    func tables(_ lines: [String]) -> [DocumentTable] {
        DocumentReader().read(lines).compactMap { if case .table(let t) = $0 { return t } else { return nil } }
    }

    func testRepeatedHeaderAfterPageBreakContinuesTheTableAndTheRecord() {
        let h = "Risk\tRating\tActions\tWho\tDate to be completed"
        let t = tables([h, "Loss of funding\tRed\tBid\tJo\tMarch 2009", "", "Page 4", "", h, "\t\tand lobby\t\t", "Staff leave\tAmber\t\tAl\tMay 2009"])
        XCTAssertEqual(t.count, 1)
        XCTAssertEqual(t[0].repeats, 1)
        XCTAssertEqual(t[0].rows.map(\.line), [2, 8])
        XCTAssertEqual(t[0].rows[0][2], "Bid and lobby")
        XCTAssertEqual(t[0].rows[0].joinedRows, 2)
    }

    func testDifferentHeaderStartsANewTable() {
        let t = tables(["Ref:\tAction\tDate to be Completed\tResponsible Officer\tAssociated PIs", "A1\tDo\tMar 2009\tJo\tNI 1",
                        "Performance Indicators",
                        "Ref\tDefinition\tResponsible Officer\tOutturn 2007/08\tTarget 2008/09", "NI 1\tThing\tJo\t1\t2"])
        XCTAssertEqual(t.count, 2)
        XCTAssertEqual(t[1].index(of: .actual), 3)
    }

    func testHeadingInsideATableSplitsItAndKeepsTheHeader() {
        let blocks = DocumentReader().read(["Ref:\tAction\tDate to be Completed\tResponsible Officer", "A1\tOne\tMar 2009\tJo",
                                            "\tDivisional Plan Objective: Keep safe\t\t", "A2\tTwo\tMar 2009\tAl"])
        XCTAssertEqual(blocks.count, 3)
        guard case .text(let line, let text) = blocks[1], case .table(let second) = blocks[2] else { return XCTFail("\(blocks)") }
        XCTAssertEqual(line, 3)
        XCTAssertEqual(text, "Divisional Plan Objective: Keep safe")
        XCTAssertEqual(second.rows.map(\.line), [4])
        XCTAssertEqual(second.index(of: .owner), 3)
    }

    func testRowsWithoutHeaderAreLoose() {
        let blocks = DocumentReader().read(["Introduction\tPage", "1 Context\t5"])
        guard case .loose(let line, let rows) = blocks.first else { return XCTFail() }
        XCTAssertEqual(line, 1)
        XCTAssertEqual(rows.count, 2)
    }

    func testTwoLineHeaderCompressedByTheExport() {
        let t = tables(["Short Term\tMeasure and Target\tLead\tLead\tKey\tHow will we monitor", "------\t------\t--\t--\t--\t------", "",
                        "Action\t\t\t\tIndividual\tAgency\tPartners\tprogress",
                        "Short term action\tMeasure and target used\t\t\tJo Bloggs\tCSF\tSchools\tTermly"])
        XCTAssertEqual(t.count, 1)
        XCTAssertEqual(t[0].headerCells[1], "Measure and Target")
        XCTAssertEqual(t[0].index(of: .measure), 1)
        XCTAssertEqual(t[0].index(of: .owner), 4)
        XCTAssertEqual(t[0].index(of: .organisation), 5)
        XCTAssertEqual(t[0].rows.map(\.line), [5])
    }

    func testHeaderWhoseFirstCellNamesTheRecord() {
        let t = tables(["Measure and Target: NI 154 Net additional homes\tLead Individual\tLead Agency", "<u>Baseline</u> 3600\t\t"])
        XCTAssertEqual(t.count, 1)
        XCTAssertEqual(t[0].rows.first?.cells.first, "NI 154 Net additional homes")
        XCTAssertEqual(t[0].rows.map(\.line), [1, 2])
    }

    func testCapitalSectionHeadingEndsTheTableButReferencesDoNot() {
        XCTAssertTrue(DocumentReader.isCapitalHeading("ISSUES OF CONCERN, IF ANY e.g. finance"))
        XCTAssertFalse(DocumentReader.isCapitalHeading("CS D P015 Early Years"))
        let blocks = DocumentReader().read(["Title\tResponsible\tDue Date", "Agree terms\tjo@x.gov.uk\t31/01/2009",
                                            "ISSUES OF CONCERN, IF ANY\t\t", "None\t\t"])
        guard case .table(let t) = blocks.first, case .loose(let line, let rows) = blocks.last else { return XCTFail("\(blocks)") }
        XCTAssertEqual(t.rows.map(\.line), [2])
        XCTAssertEqual(line, 3)
        XCTAssertEqual(rows.count, 2)
    }
}

