import XCTest
@testable import PlanQ

/// The performance model: direction of travel, statuses from every source attached by year,
/// owners read as people, and contradictions between plans.
final class PerformanceModelTests: XCTestCase {
    /// An observation row for ``PerformanceModel/direction``.
    func obs(_ record: String, _ kind: String, _ period: String, _ value: String) -> [String: String] {
        ["record_id": record, "kind": kind, "period": period, "value": value, "unit": ""]
    }

    func testDirectionRuleWithPolarityAndCumulativeQuarters() throws {
        // Years: the latest actual against the latest earlier year, read with the polarity.
        let years = [obs("a", "baseline", "2007/08", "60"), obs("a", "actual", "2008/09", "65")]
        XCTAssertEqual(PerformanceModel.direction(years, record: "a", unit: "", polarity: "higher", cumulative: false)?.direction, "improving")
        let lower = try XCTUnwrap(PerformanceModel.direction(years, record: "a", unit: "", polarity: "lower", cumulative: false))
        XCTAssertEqual([lower.direction, lower.from, lower.to], ["worse", "2007/08", "2008/09"])
        XCTAssertEqual(PerformanceModel.direction([obs("a", "baseline", "2007/08", "65"), obs("a", "actual", "2008/09", "65")],
                                                  record: "a", unit: "", polarity: "lower", cumulative: false)?.direction, "same")
        // A crime rate counted from April (lower is better): Q2's year-to-date 7.6 is above Q1's
        // 3.9, as a cumulative figure always is, but below last year's Q2 (8.0).
        let quarters = [obs("q1", "year_to_date", "2009/10 Q1", "3.9"), obs("q2", "year_to_date", "2009/10 Q2", "7.6"),
                        obs("q2", "baseline", "2008/09 Q2", "8.0")]
        let cumulative = try XCTUnwrap(PerformanceModel.direction(quarters, record: "q2", unit: "", polarity: "lower", cumulative: true))
        XCTAssertEqual([cumulative.direction, cumulative.from, cumulative.to], ["improving", "2008/09 Q2", "2009/10 Q2"])
        // The same figures read as a quarterly (not cumulative) measure compare with the quarter before.
        let plain = try XCTUnwrap(PerformanceModel.direction(quarters, record: "q2", unit: "", polarity: "lower", cumulative: false))
        XCTAssertEqual([plain.direction, plain.from, plain.to], ["worse", "2009/10 Q1", "2009/10 Q2"])
        // One actual, or a cumulative quarter without last year's: nothing to compare.
        XCTAssertNil(PerformanceModel.direction([obs("a", "actual", "2008/09", "65")], record: "a", unit: "", polarity: "higher", cumulative: false))
        XCTAssertNil(PerformanceModel.direction(Array(quarters.prefix(2)), record: "q2", unit: "", polarity: "lower", cumulative: true))
        // Another plan's copy of this record's value under another year is a contradiction, not a trend.
        let copy = [obs("a", "baseline", "2007/08", "38.4"), obs("b", "baseline", "2006/07", "38.4")]
        XCTAssertNil(PerformanceModel.direction(copy, record: "a", unit: "", polarity: "higher", cumulative: false))
    }

    func testFinancialPeriodsOrderAndStep() throws {
        let q4 = try XCTUnwrap(FinancialPeriod("2008/09 Q4")), year = try XCTUnwrap(FinancialPeriod("2008/09"))
        XCTAssertLessThan(q4, year)
        XCTAssertLessThan(try XCTUnwrap(FinancialPeriod("2008/09 Q3")), q4)
        XCTAssertEqual(try XCTUnwrap(FinancialPeriod("2009/10 Q1")).previous.label, "2008/09 Q4")
        XCTAssertEqual(q4.yearEarlier.label, "2007/08 Q4")
        XCTAssertNil(FinancialPeriod("2014-2020"))
        XCTAssertNil(FinancialPeriod("2008/10"))
    }

    /// A plan and a progress report; `year` is the year the report covers.
    func planAndReport(reportYear: String) -> [(name: String, data: Data)] {
        let text = """
        Riverton City Council

        Finance Departmental Plan 2008/09

        Ref\tDefinition\tOutturn 2007/08\tTarget 2008/09\tResponsible Officer
        LP 7\tPercentage of invoices paid on time\t90%\t95%\tJo Bright

        PLAN QUARTER 4 PROGRESS REPORT

        The report summarises progress over the fourth quarter of \(reportYear) on the performance indicators.

        - Red = do not expect to achieve action/target by milestone date
        - Amber = expecting to complete action/target by milestone date
        - Green = action/target now completed or met

        Two more performance indicators now show that targets have been met:

        - Percentage of invoices paid on time 96% against a target of 95%;
        """
        return [("riverton", Data(text.utf8))]
    }

    func testProgressReportAttachesToThatYearsRecordOnly() throws {
        let same = Ingester(reference: IngestTestSupport.reference).ingest(planAndReport(reportYear: "2008/09"))
        let ind = try XCTUnwrap(same.table("indicators")?.rows)
        XCTAssertEqual(ind.count, 1, "the report's row attaches to the plan's record")
        XCTAssertEqual([ind[0]["status"], ind[0]["status_source"], ind[0]["status_period"], ind[0]["status_line"]],
                       ["green", "reported", "2008/09 Q4", "18"])
        XCTAssertEqual(same.table("progress")?.rows.first?["record_id"], ind[0]["id"])
        // The report's actual and target are observations of the record for the report's period.
        let obs = try XCTUnwrap(same.table("observations")?.rows).filter { $0["period"] == "2008/09 Q4" }
        XCTAssertEqual(obs.map { "\($0["kind"] ?? "") \($0["value"] ?? "") \($0["line"] ?? "")" }.sorted(), ["actual 96 18", "target 95 18"])

        // A report about 2007/08 never gives the 2008/09 record its status: it becomes a record of its own,
        // under the same indicator key.
        let earlier = Ingester(reference: IngestTestSupport.reference).ingest(planAndReport(reportYear: "2007/08"))
        let rows = try XCTUnwrap(earlier.table("indicators")?.rows)
        XCTAssertEqual(rows.count, 2)
        XCTAssertEqual(rows[0]["status"], nil)
        XCTAssertEqual([rows[1]["status"], rows[1]["status_period"], rows[1]["plan"]],
                       ["green", "2007/08 Q4", "riverton-plan-quarter-4-progress-report-q4"])
        XCTAssertEqual(rows[0]["indicator_key"], "riverton:LP7")
        XCTAssertEqual(rows[1]["indicator_key"], "riverton:LP7")
    }

    func testOwnersAreReadAsPeople() {
        var dir = OwnerDirectory()
        dir.abbreviations = ["doc": ["TH": "Tracey Herrington", "KB": "Keith Bayley"]]
        dir.learn(["Danielle Swainston", "Sue Johnson", "Felicity Evans", "Ian Merritt", "Gill Jones"])
        func read(_ s: String) -> [String] { dir.read(s, document: "doc").persons }
        XCTAssertEqual(read("Danielle Swain ston"), ["Danielle Swainston"])
        XCTAssertEqual(read("lan Merritt"), ["Ian Merritt"])
        XCTAssertEqual(read("Cleveland Police."), ["Cleveland Police"])
        XCTAssertEqual(dir.read("Cleveland Police.", document: "doc").rule, "punctuation trimmed")
        XCTAssertEqual(read("Ali Wilson (HPCT)"), ["Ali Wilson"])
        XCTAssertEqual(read("PCT Danielle Swainston"), ["Danielle Swainston"])
        XCTAssertEqual(read("Sue Johnson Danielle Swainston"), ["Sue Johnson", "Danielle Swainston"])
        XCTAssertEqual(read("Gill Jones/Felicity"), ["Gill Jones", "Felicity Evans"])
        XCTAssertEqual(read("D. Swainston"), ["Danielle Swainston"])
        XCTAssertEqual(read("TH KB"), ["Tracey Herrington", "Keith Bayley"])
        // Initials without the document's key stay as printed; so do roles.
        XCTAssertEqual(dir.read("TH KB", document: "other").persons, ["TH KB"])
        XCTAssertEqual(read("Assistant Director (PA)"), ["Assistant Director (PA)"])
        XCTAssertEqual(OwnerDirectory.abbreviations(in: ["Abbreviations:", "KB – Keith Bayley", "TH – Tracey Herrington", "text"]),
                       ["KB": "Keith Bayley", "TH": "Tracey Herrington"])
        XCTAssertEqual(OwnerDirectory.abbreviations(in: ["KB – Keith Bayley"]), [:], "one line is not a key")
    }

    func testOwnerOverrideCorrectsAPerson() throws {
        let text = "Riverton City Council\n\nFinance Departmental Plan 2008/09\n\nRef\tAction\tResponsible Officer\tDue Date\nA1\tPay invoices\tJ Bright\tMarch 2009\n"
        let plain = Ingester().ingest([("r", Data(text.utf8))])
        let row = try XCTUnwrap(plain.table("owners")?.rows.first)
        XCTAssertEqual([row["owner_raw"], row["person"], row["rule"]], ["J Bright", "J Bright", "as printed"])
        let fixed = Ingester(overrides: [Override(id: row["id"] ?? "", column: "person", value: "Jo Bright", reason: "HR list", line: 2)])
            .ingest([("r", Data(text.utf8))])
        XCTAssertEqual(fixed.table("actions")?.rows.first?["owner"], "Jo Bright")
        XCTAssertEqual(fixed.table("actions")?.rows.first?["owner_raw"], "J Bright")
        XCTAssertEqual(fixed.table("owners")?.rows.first?["rule"], "override")
    }

    func testBundledPlansGetOneKeyAndContradictionsAreFlagged() throws {
        let r = try IngestTestSupport.seedResult.get()
        let ind = try XCTUnwrap(r.table("indicators")?.rows)
        // NI 117 is printed in three plans of the children's services bundle: one key, and the
        // outturn 8.9 labelled 2006/07 in one plan and 2007/08 in another is flagged on both.
        let ni117 = ind.filter { $0["code"] == "NI 117" && $0["document"] == "003_8ccf164a1c1c65b7" }
        XCTAssertGreaterThanOrEqual(ni117.count, 3)
        XCTAssertEqual(Set(ni117.map { $0["indicator_key"] }), ["hartlepool:NI 117"])
        let flagged = ni117.filter { ($0["warnings"] ?? "").contains("the same value 8.9 is labelled") }
        XCTAssertGreaterThanOrEqual(flagged.count, 2)
        XCTAssertTrue(flagged.contains { ($0["warnings"] ?? "").contains("labelled 2006/07 here and 2007/08") })
        // A code printed beside another indicator's title is keyed by the title's indicator.
        let misprint = try XCTUnwrap(ind.first { $0["line"] == "1428" && $0["document"] == "000_77e7ecec40f9059f" })
        XCTAssertEqual(misprint["indicator_key"], "hartlepool:NI 177")
        // Owners: one person however printed.
        let owners = try XCTUnwrap(r.table("owners")?.rows)
        XCTAssertEqual(owners.first { $0["owner_raw"] == "Danielle Swain ston" }?["person"], "Danielle Swainston")
        XCTAssertEqual(Set(owners.filter { $0["owner_raw"] == "TH KB" }.map { $0["person"] }), ["Tracey Herrington", "Keith Bayley"])
    }
}
