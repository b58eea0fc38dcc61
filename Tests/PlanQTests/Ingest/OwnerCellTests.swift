import XCTest
@testable import PlanQ

/// Issue 14 class 3: owner cells read into people and the bodies, teams or roles around them.
/// Every name here is invented for the test.
final class OwnerCellTests: XCTestCase {
    func owner(_ s: String) -> String { OwnerCell.parse(s).owner }

    func testPersonWithABodyHoweverSeparated() {
        XCTAssertEqual(owner("Priya Lamb, Northfleet Housing Trust"), "Priya Lamb")
        XCTAssertEqual(owner("Oscar Venn - Wexley PCT"), "Oscar Venn")
        XCTAssertEqual(owner("Oscar Venn – Wexley PCT"), "Oscar Venn")
        XCTAssertEqual(owner("Hattie Cole/Wexley BC"), "Hattie Cole")
        XCTAssertEqual(owner("Wexley PCT: Ravi Dunn"), "Ravi Dunn")
        XCTAssertEqual(owner("Wexley BC Noor Abbas"), "Noor Abbas")
        XCTAssertEqual(owner("Tenancy Services – Elin Marsh"), "Elin Marsh")
        XCTAssertEqual(owner("Flood Forum (Chair: Gideon Pryce)"), "Gideon Pryce")
        XCTAssertEqual(owner("Ravi Dunn (Planning)"), "Ravi Dunn")
        XCTAssertEqual(owner("Grants Manager – Elin Marsh"), "Elin Marsh")
        XCTAssertEqual(owner("Ravi Dunn<br />Grants Manager"), "Ravi Dunn")
        let c = OwnerCell.parse("Oscar Venn - Wexley PCT")
        XCTAssertEqual(c.people, ["Oscar Venn"])
        XCTAssertEqual(c.organisation, "Wexley PCT")
    }

    func testEveryPersonIsKeptAndLabelsDropped() {
        XCTAssertEqual(owner("Joint Leads: Mona Field and Aled Price, WBC"), "Mona Field; Aled Price")
        XCTAssertEqual(owner("Accountable Officers – Mona Field (Director of Adult Care, Wexley Council) and Aled Price (NHS Wexley)"),
                       "Mona Field; Aled Price")
        XCTAssertEqual(owner("Regeneration – Raj Kaur and Lily Shaw"), "Raj Kaur; Lily Shaw")
        XCTAssertEqual(owner("Raj Kaur / Lily Shaw"), "Raj Kaur; Lily Shaw")
        XCTAssertEqual(OwnerCell.parse("Mona Field, Aled Price, Raj Kaur, Lily Shaw, Ravi Dunn, Noor Abbas, Elin Marsh").people.count, 7)
    }

    func testNoPersonKeepsTheTeamOrRoleWithoutTheBody() {
        XCTAssertEqual(owner("Street Lighting Manager, WBC"), "Street Lighting Manager")
        XCTAssertEqual(owner("Fleet Officer, Transport Services"), "Fleet Officer")
        XCTAssertEqual(owner("Tenancy Support Team / Wexley BC"), "Tenancy Support Team")
        XCTAssertEqual(owner("Allotments, Cemeteries and Open Spaces"), "Allotments, Cemeteries and Open Spaces")
        XCTAssertEqual(owner("Director of Adult Care"), "Director of Adult Care")
        XCTAssertEqual(owner("Wexley Community Safety Partnership"), "Wexley Community Safety Partnership")
        XCTAssertTrue(OwnerCell.parse("Wexley Community Safety Partnership").people.isEmpty)
    }

    func testPersonTest() {
        XCTAssertTrue(OwnerCell.isPerson("Jo Kaye"))
        XCTAssertTrue(OwnerCell.isPerson("Anna de Vries"))
        XCTAssertFalse(OwnerCell.isPerson("Safer Wexley"))
        XCTAssertFalse(OwnerCell.isPerson("Leisure and Culture"))
        XCTAssertFalse(OwnerCell.isPerson("WBC"))
    }
}
