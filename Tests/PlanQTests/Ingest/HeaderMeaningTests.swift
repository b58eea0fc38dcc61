import XCTest
@testable import PlanQ

/// Header roles by meaning (issue 14, class 1): head nouns outside brackets, periods, position and
/// the values in the cells; and the `--report` line that lists them.
final class HeaderMeaningTests: XCTestCase {
    func role(_ text: String) -> HeaderRole? { HeaderMapper.column(text)?.role }

    func testHeadNounDecidesOverModifiersAndBrackets() {
        XCTAssertEqual(role("Measure (** = stretch target)"), .measure)
        XCTAssertEqual(role("Indicator (* = designated LAA target)"), .measure)
        XCTAssertEqual(role("Target Owner"), .owner)
        XCTAssertEqual(role("Milestone date"), .due)
        XCTAssertEqual(role("Due"), .due)
        XCTAssertEqual(role("Lead Officer and Organisation"), .owner)
        XCTAssertEqual(role("Responsible Team and Partner"), .owner)
        XCTAssertEqual(role("Current Rating (Impact-Likelihood)"), .rating)
        XCTAssertEqual(role("Residual Rating (I x L)"), .rating)
        XCTAssertEqual(role("Description of indicator"), .measure)
        XCTAssertEqual(role("Performance Indicator"), .measure)
        XCTAssertEqual(role("Team"), .owner)
        XCTAssertEqual(role("Notes"), .comment)
        XCTAssertEqual(role("Commentary"), .comment)
        XCTAssertEqual(role("Polarity"), .polarity)
        XCTAssertEqual(role("Pol"), .polarity)
        // The one body that leads is the owner; a list of partners is not.
        XCTAssertEqual(role("Lead partner"), .owner)
        XCTAssertEqual(role("Key partners"), .partners)
        XCTAssertEqual(role("Partners"), .partners)
    }

    func testValueColumnsAndTheirPeriods() {
        XCTAssertEqual(role("Current"), .actual)
        XCTAssertEqual(role("Value"), .actual)
        XCTAssertEqual(role("Year to date"), .actual)
        XCTAssertEqual(role("Q2"), .quarterActual)
        XCTAssertEqual(role("Quarter 4"), .quarterActual)
        XCTAssertEqual(role("Q2 Actual"), .actual)
        XCTAssertEqual(role("Quarter 3 Target"), .quarterTarget)
        let q = HeaderMapper.column("Quarter 1 2011/12")
        XCTAssertEqual(q?.role, .actual)
        XCTAssertEqual(q?.period, "2011/12 Q1")
        let p = HeaderMapper.column("Performance 2010/11")
        XCTAssertEqual(p?.role, .actual)
        XCTAssertEqual(p?.period, "2010/11")
        XCTAssertEqual(role("Final Target 2013/14"), .endTarget)
    }

    func testCuratedPhrasesStillWin() {
        XCTAssertEqual(role("Improvement Target"), .measure)
        XCTAssertEqual(role("Associated risks"), .links)
        XCTAssertEqual(role("Date of review"), .review)
        XCTAssertEqual(role("Q2 last year (year to date)"), .baseline)
        XCTAssertEqual(role("Risk Owner"), .owner)
    }

    func testHeaderRowsOfOtherWordingsAreRecognised() {
        let cols = HeaderMapper.header(["Description of indicator", "Target Owner", "Q1", "Q2", "Q3", "Q4", "Year to date", "Target", "Status", "Commentary"])
        XCTAssertEqual(cols?.map { $0?.role }, [.measure, .owner, .quarterActual, .quarterActual, .quarterActual, .quarterActual, .actual, .target, .status, .comment])
        XCTAssertNotNil(HeaderMapper.header(["Indicator", "Polarity", "Value", "Target", "Status", "Team", "Notes"]))
        XCTAssertNil(HeaderMapper.header(["Number of visits", "12", "15"]))
    }

    func table(_ header: [String], _ rows: [[String]]) -> DocumentTable {
        var t = DocumentTable(line: 1, headerCells: header, columns: header.map { HeaderMapper.column($0) })
        t.rows = rows.enumerated().map { SourceRow(line: $0.offset + 2, cells: $0.element) }
        return t
    }

    func testAnEarlierYearBeforeTheTargetIsTheBaseline() {
        let t = table(["Indicator", "Performance 2010/11", "Target 2011/12"], [["Visits", "10", "12"]])
        XCTAssertTrue(DocumentIngest.isEarlierYearBeforeTarget(t, column: 1, planPeriod: "2011/12 Q2"))
        // In a paper of that earlier year it is the year's actual; an outturn stays the actual.
        XCTAssertFalse(DocumentIngest.isEarlierYearBeforeTarget(t, column: 1, planPeriod: "2010/11"))
        let u = table(["Indicator", "Outturn 2010/11", "Target 2011/12"], [["Visits", "10", "12"]])
        XCTAssertFalse(DocumentIngest.isEarlierYearBeforeTarget(u, column: 1, planPeriod: "2011/12"))
    }

    func testCellsThatReadAsStatusesMakeAStatusColumn() {
        let rows = [["A1", "Open a depot", "Done"], ["A2", "Hire staff", "Late"], ["A3", "Buy vans", "Done"], ["A4", "Train crews", "On schedule"]]
        let t = HeaderClassifier.refine(table(["Ref", "Action", "Progress"], rows))
        XCTAssertEqual(t.columns[2]?.role, .status)
        // Sentences stay comments.
        let prose = rows.map { [$0[0], $0[1], "Work began in May and the contractor expects to finish by the end of the year."] }
        XCTAssertEqual(HeaderClassifier.refine(table(["Ref", "Action", "Progress"], prose)).columns[2]?.role, .comment)
    }

    func testAnUnnamedColumnOfDatesIsTheDueDate() {
        var t = table(["Ref", "Action", ""], [["1", "Open a depot", "Sept 2011"], ["2", "Hire staff", "Q3 2011/12"], ["3", "Buy vans", "31/01/2012"]])
        t.columns[2] = nil
        XCTAssertEqual(HeaderClassifier.refine(t).columns[2]?.role, .due)
    }

    func testValueProfile() {
        let t = table(["A", "B"], [["Jane Smith", "12%"], ["Tom Pryce", "£1,200"], ["Finance Team", "7"]])
        let names = ColumnValueProfile(rows: t.rows, column: 0)
        XCTAssertEqual(names.names, 3)   // "Finance Team" reads as a name too: a signal, not a decision
        let values = ColumnValueProfile(rows: t.rows, column: 1)
        XCTAssertEqual(values.numbers, 3)
        XCTAssertEqual(values.percentages, 1)
        XCTAssertEqual(values.money, 1)
    }

    func testReportListsRolesAndWordsNotUnderstood() {
        var t = table(["Ref", "Indicator", "Flux capacitor", "Target 2011/12"], [])
        t.columns[2] = nil
        let line = HeaderClassifier.describe(t)
        XCTAssertEqual(line, "  line 1: header roles: Ref → ref; Indicator → measure; Target 2011/12 → target (2011/12); not understood: 'Flux capacitor'")
    }
}
