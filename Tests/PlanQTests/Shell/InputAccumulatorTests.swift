import XCTest
@testable import PlanQShell

/// When typed lines run, and when the shell asks for more.
final class InputAccumulatorTests: XCTestCase {
    /// Feeds lines one by one and returns every decision.
    func decisions(_ lines: [String]) -> [InputAccumulator.Decision] {
        var a = InputAccumulator()
        return lines.map { a.add($0) }
    }

    func testCompleteSingleLineRunsAtOnce() {
        XCTAssertEqual(decisions(["indicators group by theme"]), [.run("indicators group by theme")])
        XCTAssertEqual(decisions(["risks"]), [.run("risks")])
        XCTAssertEqual(decisions(["risks where status = red;"]), [.run("risks where status = red;")])
    }

    func testBlankLineAtPromptIsEmpty() {
        XCTAssertEqual(decisions(["", "   "]), [.empty, .empty])
    }

    func testTrailingClauseKeywordsContinue() {
        for line in ["risks where", "risks group by", "risks group", "indicators sort by", "risks join",
                     "explain", "risks select", "risks let", "risks top"] {
            XCTAssertEqual(decisions([line]), [.needMore], line)
        }
    }

    func testTrailingOperatorsAndConnectivesContinue() {
        for line in ["risks where status =", "risks where status = red and", "risks where a > 1 or",
                     "risks let x = 1 +", "risks select id,", "risks where not", "risks where x in",
                     "risks where title starts with"] {
            XCTAssertEqual(decisions([line]), [.needMore], line)
        }
    }

    func testParserRunningOutOfInputContinues() {
        // No trailing keyword rule covers these; the parser's error is at the end of input.
        for line in ["risks top 3", "risks where status between 1", "risks where title starts"] {
            XCTAssertEqual(decisions([line]), [.needMore], line)
        }
    }

    func testOpenParenthesisAndQuoteContinue() {
        XCTAssertEqual(decisions(["risks where status in (red,"]), [.needMore])
        XCTAssertEqual(decisions(["risks where status in (red"]), [.needMore])
        XCTAssertEqual(decisions(["risks where theme = \"Community"]), [.needMore])
        XCTAssertEqual(decisions(["risks where theme = 'it''s"]), [.needMore])
        XCTAssertEqual(decisions(["risks select `Lead"]), [.needMore])
    }

    func testSemicolonInsideStringDoesNotEndInput() {
        XCTAssertEqual(decisions(["risks where risk = \"a;", "b\";"]), [.needMore, .run("risks where risk = \"a;\nb\";")])
    }

    func testMultiLineRunsOnSemicolon() {
        XCTAssertEqual(decisions(["risks where", "status = red", "group by theme;"]),
                       [.needMore, .needMore, .run("risks where\nstatus = red\ngroup by theme;")])
    }

    func testMultiLineRunsOnEmptyLine() {
        // `status = red` completes the statement, but in multi-line input only `;` or a blank line runs it.
        XCTAssertEqual(decisions(["risks where", "status = red", ""]),
                       [.needMore, .needMore, .run("risks where\nstatus = red")])
    }

    func testBrokenSingleLineRunsSoTheErrorShows() {
        XCTAssertEqual(decisions(["risks wher status = red"]), [.run("risks wher status = red")])
        XCTAssertEqual(decisions(["risks where status = red ~"]), [.run("risks where status = red ~")])
    }

    func testMetaCommandsRunAlone() {
        XCTAssertEqual(decisions([".mode csv"]), [.run(".mode csv")])
        XCTAssertEqual(decisions(["  .tables"]), [.run("  .tables")])
    }

    func testRecalledMultiLineStatementRunsAtOnce() {
        // History recalls a whole statement as one line holding line breaks.
        XCTAssertEqual(decisions(["risks where\nstatus = red"]), [.run("risks where\nstatus = red")])
    }

    func testResetDropsPendingInput() {
        var a = InputAccumulator()
        XCTAssertEqual(a.add("risks where"), .needMore)
        XCTAssertFalse(a.isEmpty)
        a.reset()
        XCTAssertTrue(a.isEmpty)
        XCTAssertEqual(a.add("risks"), .run("risks"))
    }

    func testCommentAtEndDoesNotHideSemicolon() {
        XCTAssertEqual(decisions(["risks where", "status = red; -- the reds"]),
                       [.needMore, .run("risks where\nstatus = red; -- the reds")])
    }
}
