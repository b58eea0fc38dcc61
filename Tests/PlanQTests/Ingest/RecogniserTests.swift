import XCTest
@testable import PlanQ

/// Each recogniser on small fixture documents written in the seeds' style (Tests/Fixtures/ingest).
final class RecogniserTests: XCTestCase {
    func row(_ r: IngestResult, _ table: String, line: Int, file: StaticString = #filePath, lineNo: UInt = #line) throws -> [String: String] {
        try XCTUnwrap(IngestTestSupport.rows(r, table, where: "line", is: String(line)).first, "\(table) line \(line)", file: file, line: lineNo)
    }

    func testLAAPlanOutcomesIndicatorsActionsRisks() throws {
        let r = try IngestTestSupport.ingest("laa_plan.txt")
        let o = try row(r, "outcomes", line: 11)
        XCTAssertEqual(o["outcome_no"], "1")
        XCTAssertEqual(o["outcome"], "Reduce crime")
        XCTAssertEqual(o["theme"], "Safer Places", "theme from the contents range 'Outcomes 1-2'")
        XCTAssertEqual(o["owner"], "Jane Smith")
        XCTAssertEqual(o["organisation"], "Borough Police")
        XCTAssertEqual(o["lead_partner"], "Police")
        XCTAssertEqual(try row(r, "outcomes", line: 58)["theme"], "Greener Town")

        let ni16 = try row(r, "indicators", line: 18)
        XCTAssertEqual(ni16["code"], "NI 16")
        XCTAssertEqual(ni16["title"], "Serious acquisitive crime rate")
        XCTAssertEqual(ni16["baseline"], "16.5")
        XCTAssertEqual(ni16["baseline_period"], "2007/08")
        XCTAssertEqual(ni16["unit"], "per 1000 population")
        XCTAssertEqual(ni16["target"], "15.2")
        XCTAssertEqual(ni16["target_period"], "2008/09")
        XCTAssertEqual(ni16["end_target"], "14")
        XCTAssertEqual(ni16["end_target_period"], "2010/11")
        XCTAssertEqual(ni16["target_type"], "Improvement Target")
        XCTAssertEqual(ni16["owner"], "Jane Smith")
        XCTAssertEqual(ni16["owner_source"], "outcome")
        let ni40 = try row(r, "indicators", line: 19)
        XCTAssertEqual(ni40["code"], "NI 40", "split code NI4 0")
        XCTAssertNil(ni40["baseline"])
        XCTAssertEqual(ni40["baseline_raw"], "TBC")
        XCTAssertNil(ni40["target"])
        let ni166 = try row(r, "indicators", line: 25)
        XCTAssertEqual(ni166["baseline"], "440.6")
        XCTAssertEqual(ni166["unit"], "£ per week")
        XCTAssertEqual(try row(r, "indicators", line: 28)["target_type"], "Local Priority Target")
        XCTAssertEqual(try row(r, "indicators", line: 28)["baseline"], "33")
        // The page-break continuation row (line 24) joined NI 16's activity, not a new indicator.
        XCTAssertEqual(IngestTestSupport.rows(r, "indicators", where: "document", is: "laa_plan").count, 6)

        let a1 = try row(r, "actions", line: 33)
        XCTAssertEqual(a1["ref"], "1")
        XCTAssertEqual(a1["action"], "Extend the burglary reduction scheme to all priority wards")
        XCTAssertEqual(a1["owner"], "Tom Brown")
        XCTAssertEqual(a1["organisation"], "Borough Council")
        XCTAssertEqual(a1["due"], "2009-03-31")
        XCTAssertEqual(a1["due_raw"], "Match 09")
        let a2 = try row(r, "actions", line: 34)
        XCTAssertEqual(a2["due"], "2008-12-31")
        XCTAssertEqual(a2["resources"], "None and partner funding", "continued over the page break")
        let a3 = try row(r, "actions", line: 39)
        XCTAssertEqual(a3["owner"], "Jane Smith")
        XCTAssertEqual(a3["owner_source"], "outcome")
        XCTAssertEqual(a3["due"], "2009-04-30")

        let k1 = try row(r, "risks", line: 44)
        XCTAssertEqual([k1["status"], k1["impact"], k1["likelihood"]], ["amber", "high", "possible"])
        XCTAssertEqual(k1["owner"], "Jane Smith")
        let k2 = try row(r, "risks", line: 45)
        XCTAssertNil(k2["status"])
        XCTAssertEqual([k2["impact"], k2["likelihood"]], ["medium", "likely"])
        XCTAssertEqual(try row(r, "risks", line: 56)["outcome_no"], "2")
        XCTAssertNil(try row(r, "risks", line: 56)["due"], "Ongoing is no date")
        XCTAssertEqual(try row(r, "risks", line: 67)["likelihood"], "unlikely")
        let plan = try XCTUnwrap(r.table("plans")?.rows.first)
        XCTAssertEqual(plan["period"], "2008/09")
        XCTAssertEqual(plan["published"], "2008-09-09")
    }

    func testDepartmentalPlanActionsIndicatorsRiskRegisterAndTallies() throws {
        let r = try IngestTestSupport.ingest("dept_plan.txt")
        let a1 = try row(r, "actions", line: 8)
        XCTAssertEqual(a1["ref"], "HCA01")
        XCTAssertEqual(a1["outcome"], "Be Healthy")
        let a2 = try row(r, "actions", line: 10)
        XCTAssertEqual(a2["ref"], "CSDA02")
        XCTAssertEqual(a2["outcome"], "Stay Safe", "objective heading caught inside the table")
        XCTAssertEqual(a2["due"], "2009-09-30")
        let p14 = try row(r, "indicators", line: 16)
        XCTAssertNil(p14["code"])
        XCTAssertEqual(p14["ref"], "CSDP014")
        XCTAssertEqual(p14["actual"], "97.5")
        XCTAssertEqual(p14["actual_period"], "2007/08")
        XCTAssertEqual(p14["target"], "100")
        XCTAssertNil(p14["status"], "outturn and target are for different years")
        XCTAssertEqual(try row(r, "indicators", line: 17)["actual"], "27.9")
        XCTAssertEqual(try row(r, "indicators", line: 17)["code"], "PSA 9")
        // The same code in two plans of one document: two rows, each with its plan.
        let ni52 = IngestTestSupport.rows(r, "indicators", where: "code", is: "NI 52")
        XCTAssertEqual(Set(ni52.compactMap { $0["plan"] }).count, 2)
        XCTAssertEqual(Set(ni52.compactMap { $0["target"] }), ["48", "49"])
        let risk = try row(r, "risks", line: 22)
        XCTAssertEqual(risk["ref"], "POL6-1.1")
        XCTAssertEqual(risk["priority"], "high", "Cyrillic Н")
        XCTAssertNil(risk["impact"])
        XCTAssertEqual(risk["risk"], "Failure to invest in preventative services and early help")
        XCTAssertEqual(try row(r, "risks", line: 24)["outcome"], "Stay Safe", "outcome from the register's links column")
        XCTAssertEqual(try row(r, "actions", line: 31)["action"], "En sure timely reviews", "split-letter header Ac ti on")
        let tally = try row(r, "status_counts", line: 44)
        XCTAssertEqual([tally["red"], tally["amber"], tally["green"], tally["total"]], ["1", "4", "5", "10"])
        XCTAssertEqual(tally["kind"], "actions")
        // Statuses stated in the report's prose, read with its colour key.
        let p = try XCTUnwrap(r.table("progress")?.rows)
        XCTAssertEqual(p.map { [$0["line"], $0["kind"], $0["title"], $0["status"], $0["period"]].map { $0 ?? "" }.joined(separator: "|") }, [
            "55|action|Promote healthy eating in schools|green|2007/08 Q4",
            "56|action|Review child protection procedures|green|2007/08 Q4",
            "60|indicator|Take-up of school lunches|red|2007/08 Q4",
        ])
        XCTAssertEqual(p.last?["actual"], "44")
        XCTAssertEqual(p.last?["target"], "48")
        XCTAssertEqual(p.first?["comment"], "a new menu is in place")
    }

    func testThemePlanMeasureBlocks() throws {
        let r = try IngestTestSupport.ingest("theme_plan.txt")
        let a = try row(r, "indicators", line: 10)
        XCTAssertEqual(a["code"], "NI 175")
        XCTAssertEqual(a["title"], "Access to services by public transport")
        XCTAssertEqual(a["owner"], "Kim Lowe")
        XCTAssertEqual(a["organisation"], "County Council")
        XCTAssertEqual(a["target"], "26")
        XCTAssertEqual(a["target_period"], "2008/09")
        XCTAssertEqual(a["end_target"], "24")
        XCTAssertEqual(a["end_target_period"], "2010/11")
        XCTAssertEqual(a["baseline_raw"], "29% (05/06) 28% (06/07)")
        XCTAssertEqual(a["theme"], "Stronger Communities")
        XCTAssertEqual(a["outcome"], "Encourage people to take part in local decisions")
        let b = try row(r, "indicators", line: 17)
        XCTAssertEqual(b["code"], "NI 4")
        XCTAssertEqual(b["baseline"], "27.9", "values on the row under an empty label row")
        XCTAssertEqual(b["target"], "30")
        XCTAssertEqual(b["polarity"], "higher", "NI 4 polarity is not in the reference, so it comes from baseline → target")
    }

    func testPartnershipReview() throws {
        let r = try IngestTestSupport.ingest("partnership_review.txt")
        let p = try XCTUnwrap(r.table("partnerships")?.rows.first)
        XCTAssertEqual(p["partnership"], "Youth Partnership")
        XCTAssertEqual(p["function"], "To plan services for young people")
        XCTAssertEqual(p["lead_officer"], "Jo Bloggs")
        XCTAssertEqual(p["post"], "Youth Manager")
        XCTAssertEqual(p["completed"], "2009-03-17")
        XCTAssertEqual(p["continue"], "yes")
        let g = try XCTUnwrap(r.table("governance")?.rows)
        XCTAssertEqual(g.map { $0["due"] ?? "" }, ["2009-03-31", "2009-01-30", "2009-02-28"])
        XCTAssertEqual(g.last?["item"], "Asset register to be kept", "a row flattened into one line")
        XCTAssertEqual(g.last?["owner"], "jo.bloggs@example.gov.uk")
        XCTAssertEqual(g.first?["partnership"], "Youth Partnership")
        let c = try XCTUnwrap(r.table("concerns")?.rows.first)
        XCTAssertEqual(c["concern"], "Insufficient administration staff.")
        XCTAssertEqual(c["action_planned"], "Recruit an administrator by June 2009.")
        XCTAssertEqual(c["timescale"], "2009-06-30")
    }

    func testProseListsOfMeasuresAndActions() throws {
        let r = try IngestTestSupport.ingest("strategy.txt")
        XCTAssertEqual(r.table("actions")?.rows.map { $0["action"] ?? "" }, ["Deliver the Economic Strategy 2011-2021.", "Support new businesses."])
        XCTAssertEqual(r.table("indicators")?.rows.map { $0["title"] ?? "" }, ["Number of new jobs created.", "Employment rate (NI 151)."])
        XCTAssertEqual(try row(r, "indicators", line: 10)["code"], "NI 151")
        let plan = try XCTUnwrap(r.table("plans")?.rows.first)
        XCTAssertEqual(plan["title"], "The Community Strategy for Seaside 2014-2020")
        XCTAssertEqual(plan["period"], "2014-2020")
    }

    /// A layout unlike the seeds: another council, other header words, other column order.
    func testOtherLayoutLoadsAtLeast80PercentOfItsRecords() throws {
        let r = try IngestTestSupport.ingest("other_layout.txt")
        // What a reader of the document finds: (table, line, key field, value).
        let expected: [(String, Int, String, String)] = [
            ("indicators", 8, "code", "NI 20"), ("indicators", 9, "code", "NI 21"), ("indicators", 10, "title", "Graffiti removed within 48 hours"),
            ("indicators", 11, "code", "NI 195"),
            ("actions", 16, "action", "Open two new neighbourhood offices"), ("actions", 17, "action", "Train wardens in mediation"),
            ("actions", 18, "action", "Review CCTV coverage"),
            ("risks", 21, "risk", "Police funding reduced"), ("risks", 22, "risk", "Office lease ends"),
        ]
        let loaded = expected.filter { t, line, col, value in
            IngestTestSupport.rows(r, t, where: "line", is: String(line)).contains { $0[col] == value }
        }
        XCTAssertGreaterThanOrEqual(Double(loaded.count) / Double(expected.count), 0.8, "loaded \(loaded.count) of \(expected.count)")
        let ni21 = try row(r, "indicators", line: 9)
        XCTAssertEqual([ni21["baseline"], ni21["target"], ni21["actual"], ni21["status"], ni21["status_source"]], ["25", "28", "24", "red", "stated"])
        XCTAssertEqual(ni21["owner"], "P. Green")
        XCTAssertEqual(try row(r, "actions", line: 18)["due"], "2010-03-31")
        XCTAssertEqual(try row(r, "risks", line: 21)["status"], "amber")
        XCTAssertEqual(r.table("plans")?.rows.first?["council"], "Riverton City Council")
        // No stated status: derived from actual vs target for the plan year, polarity from baseline → target.
        let ni195 = try row(r, "indicators", line: 11)
        XCTAssertEqual(ni195["status"], "green")
        XCTAssertEqual(ni195["status_source"], "derived")
    }
}
