import Foundation
import XCTest
@testable import PlanQ

/// Issue 14 class 5 (rows and sections) and class 6 (records written as prose), on inputs written
/// for the test.
final class RowStructureTests: XCTestCase {
    func testWrappedReferenceJoinsTheRowAndABracketedCodeStartsOne() throws {
        let text = """
        Kestrel Vale Borough Council
        Service plan monitoring 2011/12

        Ref\tIndicator\tTarget\tActual\tStatus
        KV\tTrees planted in parks and\t500\t520\tgreen
        7\tcemeteries\t\t\t
        KV 8\tBins emptied on the right day\t99%\t98.2%\tamber

        Indicator\tTarget\tActual\tStatus
        Rough sleepers counted on one night\t5\t4\tgreen
        (NI 195) Streets with litter below grade B\t8%\t6%\tgreen
        LW 3 % of tenants in work\t40%\t37%\tamber
        """
        let result = Ingester(reference: []).ingest([("monitoring", Data(text.utf8))])
        let rows = result.table("indicators")?.rows ?? []
        XCTAssertEqual(rows.count, 5, "\(rows.map { $0["title"] ?? "" })")
        guard rows.count == 5 else { return }
        XCTAssertEqual(rows[0]["ref"], "KV7")
        XCTAssertEqual(rows[0]["title"], "Trees planted in parks and cemeteries")
        XCTAssertEqual(rows[0]["target"], "500")
        XCTAssertEqual(rows[3]["code"], "NI 195")
        XCTAssertEqual(rows[3]["line"], "11")
        XCTAssertEqual(rows[4]["ref"], "LW3")
        XCTAssertEqual(rows[4]["title"], "% of tenants in work")
    }

    /// Two parts of one National Indicator, with no local references, are two indicators:
    /// the same code, different keys (one key would merge their statuses and history).
    func testSubIndicatorsKeepTheirOwnKeys() {
        let text = """
        Ashby District Council
        Performance report 2009/10

        Indicator\tTarget\tActual\tStatus
        NI 195a Improved street and environmental cleanliness: litter\t8%\t11%\tred
        NI 195b Improved street and environmental cleanliness: detritus\t12%\t10%\tgreen
        """
        let result = Ingester(reference: []).ingest([("ashby", Data(text.utf8))])
        let rows = result.table("indicators")?.rows ?? []
        XCTAssertEqual(rows.count, 2)
        guard rows.count == 2 else { return }
        XCTAssertEqual(rows.map { $0["code"] ?? "" }, ["NI 195", "NI 195"])
        XCTAssertEqual(rows.map { $0["title"] ?? "" }, ["Improved street and environmental cleanliness: litter",
                                                         "Improved street and environmental cleanliness: detritus"])
        XCTAssertNotEqual(rows[0]["indicator_key"], rows[1]["indicator_key"])
        XCTAssertEqual(rows[0]["indicator_key"]?.hasSuffix(":NI 195a"), true, rows[0]["indicator_key"] ?? "")
    }

    func testWrappedReferenceRule() {
        XCTAssertTrue(DocumentReader.continuesWrappedRef(["AB", "Title"], ["12", "more words"]))
        XCTAssertTrue(DocumentReader.continuesWrappedRef(["HW", "Title"], ["1.3", ""]))
        XCTAssertFalse(DocumentReader.continuesWrappedRef(["AB 1", "Title"], ["12", "more"]))
        XCTAssertFalse(DocumentReader.continuesWrappedRef(["AB", "Title"], ["12", "New record"]))
        XCTAssertFalse(DocumentReader.isLabelAndValue(["Ref", "Action", "Owner"]))
        XCTAssertTrue(DocumentReader.isLabelAndValue(["Lead Officer and Organisation:", "Ann Lee, Wexley BC"]))
    }

    func testExceptionBlocksBulletsAndRiskBullets() throws {
        let text = """
        Wexley Partnership
        Exception report – Quarter 3 2011/12

        Key: Hit = target met (Green). Near miss = within 5% (Amber). Miss = more than 5% short (Red).

        1. Exceptions

        Indicator:\tNI 8 Adult participation in sport
        Lead Officer and Organisation:\tWexley Leisure Trust – Omar Fell

        Performance 2010/11\tTarget 2011/12\tQuarter 3 2011/12\tStatus
        19.5%\t21%\t20.2%\tNear miss

        Remedial action:
        • Open the lido on Sundays. Responsible Officer – Omar Fell. Timescale – June 2012
        • Offer free swims to carers.
        Responsible Officer – Ada Lyne. Timescale – 31/03/2012

        2. Other indicators

        NI 47 People killed or seriously injured in road traffic accidents
        Lead: Ravi Dunn (Highways)
        There were 61 casualties in the year to December, against a target of 70. Status: Hit.

        3. Risk assessment

        • Grant funding ends early (Impact: High; Likelihood: Possible). Risk owner: Ada Lyne, Wexley Council.
        • A bullet with no rating or owner is commentary.
        """
        let result = Ingester(reference: []).ingest([("exceptions", Data(text.utf8))])
        let ind = result.table("indicators")?.rows ?? []
        XCTAssertEqual(ind.map { $0["code"] ?? "" }, ["NI 8", "NI 47"])
        guard ind.count == 2 else { return }
        XCTAssertEqual([ind[0]["baseline"], ind[0]["target"], ind[0]["actual"], ind[0]["status"], ind[0]["owner"]],
                       ["19.5", "21", "20.2", "amber", "Omar Fell"])
        XCTAssertEqual([ind[1]["actual"], ind[1]["target"], ind[1]["status"], ind[1]["owner"], ind[1]["line"]], ["61", "70", "green", "Ravi Dunn", "21"])
        let actions = result.table("actions")?.rows ?? []
        XCTAssertEqual(actions.map { $0["action"] ?? "" }, ["Open the lido on Sundays", "Offer free swims to carers"])
        XCTAssertEqual(actions.map { $0["owner"] ?? "" }, ["Omar Fell", "Ada Lyne"])
        XCTAssertEqual(actions.map { $0["due"] ?? "" }, ["2012-06-30", "2012-03-31"])
        XCTAssertEqual(actions.map { $0["line"] ?? "" }, ["15", "16"])
        let risks = result.table("risks")?.rows ?? []
        XCTAssertEqual(risks.count, 1)
        XCTAssertEqual([risks.first?["risk"], risks.first?["impact"], risks.first?["likelihood"], risks.first?["owner"]],
                       ["Grant funding ends early", "high", "possible", "Ada Lyne"])
    }

    func testHeaderlessActionsTableAfterAnActionsLabel() throws {
        let text = """
        Wexley Borough Council
        Council plan 2011/12

        Actions:
        Greener streets\tPlant 300 street trees\tSurvey sites; order stock; plant\tAda Lyne, Parks\t31/03/2012
        Safer roads\tLower speed limits near schools\tConsult; make orders\tHighways Manager\t30/09/2011
        """
        let result = Ingester(reference: []).ingest([("plan", Data(text.utf8))])
        let actions = result.table("actions")?.rows ?? []
        XCTAssertEqual(actions.map { $0["action"] ?? "" }, ["Plant 300 street trees", "Lower speed limits near schools"])
        XCTAssertEqual(actions.map { $0["owner"] ?? "" }, ["Ada Lyne", "Highways Manager"])
        XCTAssertEqual(actions.map { $0["due"] ?? "" }, ["2012-03-31", "2011-09-30"])
        XCTAssertEqual(actions.first?["sub_actions"], "Survey sites; order stock; plant")
    }
}
