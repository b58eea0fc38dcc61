import Foundation
import XCTest
@testable import PlanQ

/// Spaced tables with rule lines: the rule is column evidence, never a row; header lines become
/// one header row; wrapped cells stay in their columns. Every input here is written for the test.
final class SpacedTableLayoutRuledTests: XCTestCase {
    /// A full-width dashed rule (no gaps): columns come from the rows' gutters, not the header's,
    /// numbers are right-aligned, a title wraps under its column, an owner wraps under its own.
    func testFullWidthRuleWithWrappedCellsAndRightAlignedNumbers() {
        let lines = [
            "Ref    Measure                        Baseline    Target   Owner",
            "-----------------------------------------------------------------",
            "AB1    Share of streets swept on         61.5%       70%   Ann Lee",
            "       schedule",
            "AB2    Bins emptied                      1,204     1,500   Depot",
            "                                                           Manager",
        ]
        XCTAssertEqual(SpacedTableLayout.rewrite(lines), [
            "Ref\tMeasure\tBaseline\tTarget\tOwner",
            "",
            "AB1\tShare of streets swept on\t61.5%\t70%\tAnn Lee",
            "\tschedule",
            "AB2\tBins emptied\t1,204\t1,500\tDepot",
            "\t\t\t\tManager",
        ])
    }

    /// A rule with gaps marks the columns even where the rows leave a gutter only one space wide.
    func testRuleGapsAreColumns() {
        let lines = [
            "Code Title                 Due",
            "==== ===================== ==========",
            "X1.1 Open the new depot    Mar 2010",
            "X1.2 Close the old depot   Q4 2009/10",
        ]
        XCTAssertEqual(SpacedTableLayout.rewrite(lines), [
            "Code\tTitle\tDue",
            "",
            "X1.1\tOpen the new depot\tMar 2010",
            "X1.2\tClose the old depot\tQ4 2009/10",
        ])
    }

    /// A boxed table: `+---+` rules above, under and below the header, `|` walls between cells.
    func testBoxedTable() {
        let lines = [
            "+------+--------------+--------+",
            "| Ref  | Action       | Status |",
            "+======+==============+========+",
            "| A1   | Hire staff   | Green  |",
            "| A2   | Buy two vans | Red    |",
            "+------+--------------+--------+",
        ]
        XCTAssertEqual(SpacedTableLayout.rewrite(lines), [
            "",
            "Ref\tAction\tStatus",
            "",
            "A1\tHire staff\tGreen",
            "A2\tBuy two vans\tRed",
            "",
        ])
    }

    /// A label over two columns (framed by dashes) goes before each label it spans; a header label
    /// wrapped onto a second line is joined to its first line.
    func testTwoLineHeaderAndSpanningLabel() {
        let lines = [
            "                     2008/09   --- Quarter 1 ---",
            "Indicator            Value     Value    Target    Lead",
            "                                                  Officer",
            "__________________________________________________________",
            "Permits issued       40        12       10        Kim Ray",
            "Licences renewed     88        20       25        Lee Fox",
        ]
        XCTAssertEqual(SpacedTableLayout.rewrite(lines), [
            "Indicator\t2008/09 Value\tQuarter 1 Value\tQuarter 1 Target\tLead Officer",
            "",
            "",
            "",
            "Permits issued\t40\t12\t10\tKim Ray",
            "Licences renewed\t88\t20\t25\tLee Fox",
        ])
    }

    /// Two tables one after another, split by a heading and blank lines, each with its own columns;
    /// the heading, the prose and an underlined heading are left as they are.
    func testTwoTablesInARow() {
        let lines = [
            "Risks",
            "-----",
            "",
            "Ref  Risk                     Rating",
            "-------------------------------------",
            "R1   Grant is cut             High",
            "R2   Staff leave              Low",
            "",
            "Section 2: Actions",
            "",
            "No.   Action            Due          Lead",
            "--------------------------------------------",
            "1     Build the hub     June 2010    Jo Kaye",
            "2     Open the hub      Sept 2010    Jo Kaye",
            "",
            "The council  will report again in March.",
        ]
        let out = SpacedTableLayout.rewrite(lines)
        XCTAssertEqual(Array(out[0...2]), ["Risks", "-----", ""])
        XCTAssertEqual(Array(out[3...6]), ["Ref\tRisk\tRating", "", "R1\tGrant is cut\tHigh", "R2\tStaff leave\tLow"])
        XCTAssertEqual(out[8], "Section 2: Actions")
        XCTAssertEqual(Array(out[10...13]), ["No.\tAction\tDue\tLead", "", "1\tBuild the hub\tJune 2010\tJo Kaye", "2\tOpen the hub\tSept 2010\tJo Kaye"])
        XCTAssertEqual(out[15], "The council  will report again in March.")
    }

    /// A line whose only text is in the first column starts a record when it opens with a code,
    /// and continues the title above otherwise.
    func testWrappedTitleVersusNewRecord() {
        let lines = [
            "Indicator                         Target    Owner",
            "=================================================",
            "NI 8 Adult participation in        23%      Sue Hay",
            "sport and active recreation",
            "NI 9 Use of public libraries",
            "NI 10 Visits to museums            51%      Sue Hay",
        ]
        XCTAssertEqual(SpacedTableLayout.rewrite(lines), [
            "Indicator\tTarget\tOwner",
            "",
            "NI 8 Adult participation in sport and active recreation\t23%\tSue Hay",
            "",
            "NI 9 Use of public libraries\t",
            "NI 10 Visits to museums\t51%\tSue Hay",
        ])
    }

    func testRuleLines() {
        XCTAssertTrue(SpacedTableLayout.isRule("  ------------"))
        XCTAssertTrue(SpacedTableLayout.isRule("====  ======  ==="))
        XCTAssertTrue(SpacedTableLayout.isRule("+----+-----+"))
        XCTAssertTrue(SpacedTableLayout.isRule("───┼─────"))
        XCTAssertTrue(SpacedTableLayout.isRule("______"))
        XCTAssertFalse(SpacedTableLayout.isRule("---- Quarter 2 ----"))
        XCTAssertFalse(SpacedTableLayout.isRule("- -"))
        XCTAssertFalse(SpacedTableLayout.isRule("----\t----"))
        XCTAssertEqual(SpacedTableLayout.ruleCuts("====  ======  ==="), [4..<6, 12..<14])
        XCTAssertEqual(SpacedTableLayout.ruleCuts("+----+-----+"), [5..<6])
        XCTAssertEqual(SpacedTableLayout.ruleCuts("-----------"), [])
    }
}
