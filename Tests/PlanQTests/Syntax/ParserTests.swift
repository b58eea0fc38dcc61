import XCTest
@testable import PlanQ

/// Parser tests: the tree (as ASTPrinter text) for each construct, precedence,
/// spans, and every error message with its rendered position and caret.
final class SyntaxParserTests: XCTestCase {
    private func src(_ text: String) -> SourceText { SourceText(name: "<query>", text: text) }

    /// The printed tree of a script.
    private func ast(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            return ASTPrinter.print(try Parser.parse(src(text)))
        } catch {
            XCTFail("unexpected error: \(error)", file: file, line: line)
            return ""
        }
    }

    /// The printed tree of one expression.
    private func expr(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            return ASTPrinter.print(try Parser.parseExpression(src(text)))
        } catch {
            XCTFail("unexpected error: \(error)", file: file, line: line)
            return ""
        }
    }

    /// The rendered diagnostic for text that must fail to parse.
    private func error(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            let script = try Parser.parse(src(text))
            XCTFail("expected an error, got \(ASTPrinter.print(script))", file: file, line: line)
            return ""
        } catch let d as Diagnostic {
            XCTAssertNotNil(d.source, "diagnostic must carry its source", file: file, line: line)
            return DiagnosticRenderer(color: false).render(d)
        } catch {
            XCTFail("not a Diagnostic: \(error)", file: file, line: line)
            return ""
        }
    }

    // MARK: - The five canonical queries

    func testCanonicalQueries() {
        XCTAssertEqual(ast(#"indicators where theme = "Community Safety" and status = red group by owner"#),
                       #"(query indicators (where (and (= theme "Community Safety") (= status red))) (group-by (owner)))"#)
        XCTAssertEqual(ast("indicators where status in (red, amber) group by theme, owner aggregate count() as n, avg(target) sort by n desc limit 5"),
                       "(query indicators (where (in status (red amber))) (group-by (theme owner) (aggregate (as (count) n) (avg target))) (sort-by (desc n)) (limit 5))")
        XCTAssertEqual(ast(#"actions where due < date "2009-04-01" and status != green let overdue_days = days_between(due, today) select ref, action, owner, overdue_days"#),
                       "(query actions (where (and (< due #2009-04-01) (!= status green))) (let (overdue_days (days_between due today))) (select ref action owner overdue_days))")
        XCTAssertEqual(ast("risks group by theme pivot status"),
                       "(query risks (group-by (theme)) (pivot status))")
        XCTAssertEqual(ast("indicators join outcomes on plan, outcome_no select indicators.theme, code, title, outcomes.owner"),
                       "(query indicators (join outcomes (on plan outcome_no)) (select indicators.theme code title outcomes.owner))")
    }

    // MARK: - Scripts and statements

    func testEmptyInputIsAnEmptyScript() throws {
        XCTAssertEqual(try Parser.parse(src("")).statements.count, 0)
        XCTAssertEqual(try Parser.parse(src("  -- only a comment\n ;; ")).statements.count, 0)
    }

    func testStatementsAndExplain() {
        XCTAssertEqual(ast("risks; explain actions limit 3;"),
                       "(query risks)\n(explain (query actions (limit 3)))")
        XCTAssertEqual(ast("EXPLAIN Risks Where Status = Red"),
                       "(explain (query Risks (where (= Status Red))))")
        XCTAssertEqual(ast("plans -- every plan\n; outcomes"), "(query plans)\n(query outcomes)")
    }

    // MARK: - Clauses

    func testWhereAfterGroupByIsHaving() {
        XCTAssertEqual(ast("actions group by owner aggregate count() as n where n > 3 having n < 10 where status = red"),
                       "(query actions (group-by (owner) (aggregate (as (count) n))) (having (> n 3)) (having (< n 10)) (having (= status red)))")
        XCTAssertEqual(ast("actions having n > 1"), "(query actions (having (> n 1)))")
        XCTAssertEqual(ast("actions aggregate count() as n where n > 0"),
                       "(query actions (group-by () (aggregate (as (count) n))) (having (> n 0)))")
    }

    func testLetGroupSortTopSelectDistinct() {
        XCTAssertEqual(ast("actions let a = 1, b = a + 1"), "(query actions (let (a 1) (b (+ a 1))))")
        XCTAssertEqual(ast("indicators group by theme as t, status"), "(query indicators (group-by ((as theme t) status)))")
        XCTAssertEqual(ast("risks order by impact desc, likelihood asc, ref"),
                       "(query risks (sort-by (desc impact) (asc likelihood) (asc ref)))")
        XCTAssertEqual(ast("indicators top 3 by actual"), "(query indicators (top 3 (desc actual)))")
        XCTAssertEqual(ast("indicators top 1 by actual asc per theme, plan"),
                       "(query indicators (top 1 (asc actual) (per theme plan)))")
        XCTAssertEqual(ast("indicators top 2 by actual desc per theme"),
                       "(query indicators (top 2 (desc actual) (per theme)))")
        XCTAssertEqual(ast("actions select owner as `Lead officer`, ref distinct limit 0"),
                       "(query actions (select (as owner `Lead officer`) ref) (distinct) (limit 0))")
    }

    func testJoins() {
        XCTAssertEqual(ast("actions left join outcomes on actions.plan = outcomes.plan, outcome_no"),
                       "(query actions (left-join outcomes (on (= actions.plan outcomes.plan) outcome_no)))")
        XCTAssertEqual(ast("actions join `plans` on plan"), "(query actions (join `plans` (on plan)))")
    }

    func testKeywordsAreCaseInsensitiveAndBackticksEscapeThem() {
        XCTAssertEqual(ast("Indicators WHERE Status IN (Red) GROUP BY `order`, `Lead officer`"),
                       "(query Indicators (where (in Status (Red))) (group-by (`order` `Lead officer`)))")
    }

    // MARK: - Expressions and precedence

    func testPrecedence() {
        XCTAssertEqual(expr("a or b and c"), "(or a (and b c))")
        XCTAssertEqual(expr("a and b or c"), "(or (and a b) c)")
        XCTAssertEqual(expr("not a = b and c"), "(and (not (= a b)) c)")
        XCTAssertEqual(expr("not not a"), "(not (not a))")
        XCTAssertEqual(expr("a + b * c - d"), "(- (+ a (* b c)) d)")
        XCTAssertEqual(expr("a - b - c"), "(- (- a b) c)")
        XCTAssertEqual(expr("a / b // c % d"), "(% (// (/ a b) c) d)")
        XCTAssertEqual(expr("(a + b) * c"), "(* (+ a b) c)")
        XCTAssertEqual(expr("a + 1 = b * 2"), "(= (+ a 1) (* b 2))")
        XCTAssertEqual(expr("-a * b"), "(* (- a) b)")
        XCTAssertEqual(expr("- (a)"), "(- a)")
        XCTAssertEqual(expr("a - -1"), "(- a -1)")
    }

    func testComparisonOperatorsAndAliases() {
        XCTAssertEqual(expr("a = 1"), "(= a 1)")
        XCTAssertEqual(expr("a == 1"), "(= a 1)")
        XCTAssertEqual(expr("a != 1"), "(!= a 1)")
        XCTAssertEqual(expr("a <> 1"), "(!= a 1)")
        XCTAssertEqual(expr("a < 1 or a <= 1 or a > 1 or a >= 1"), "(or (or (or (< a 1) (<= a 1)) (> a 1)) (>= a 1))")
    }

    func testPredicates() {
        XCTAssertEqual(expr("status not in (red, amber)"), "(not-in status (red amber))")
        XCTAssertEqual(expr("x between 1 and 5 and y"), "(and (between x 1 5) y)")
        XCTAssertEqual(expr("x not between a + 1 and b * 2"), "(not-between x (+ a 1) (* b 2))")
        XCTAssertEqual(expr("owner is null or due is not null"), "(or (is-null owner) (is-not-null due))")
        XCTAssertEqual(expr(#"title contains "crime""#), #"(contains title "crime")"#)
        XCTAssertEqual(expr(#"title not contains "crime""#), #"(not-contains title "crime")"#)
        XCTAssertEqual(expr(#"code starts with "CS" and code ends with "1""#), #"(and (starts-with code "CS") (ends-with code "1"))"#)
        XCTAssertEqual(expr(#"code not starts with "CS""#), #"(not-starts-with code "CS")"#)
        XCTAssertEqual(expr(#"ref Not Ends With "x""#), #"(not-ends-with ref "x")"#)
        XCTAssertEqual(expr(#"title like "%safe%" or title not like "a_""#), #"(or (like title "%safe%") (not-like title "a_"))"#)
        XCTAssertEqual(expr(#"code matches "^CS[0-9]+$""#), #"(matches code "^CS[0-9]+$")"#)
        XCTAssertEqual(expr(#"ref not matches "x" "#), #"(not-matches ref "x")"#)
        XCTAssertEqual(expr("not x in (1)"), "(not (in x (1)))")
    }

    func testLiterals() {
        XCTAssertEqual(expr("42"), "42")
        XCTAssertEqual(expr("-5"), "-5")
        XCTAssertEqual(expr("9223372036854775807"), "9223372036854775807")
        XCTAssertEqual(expr("-9223372036854775808"), "-9223372036854775808")
        XCTAssertEqual(expr("1.5"), "1.5")
        XCTAssertEqual(expr("2.5e3"), "2500.0")
        XCTAssertEqual(expr("1E-2"), "0.01")
        XCTAssertEqual(expr(#""it""s""#), #""it\"s""#)
        XCTAssertEqual(expr("'it''s'"), #""it's""#)
        XCTAssertEqual(expr(#""a\\b\"c\'d\ne\tf""#), #""a\\b\"c'd\ne\tf""#)
        XCTAssertEqual(expr("true or false or null"), "(or (or true false) null)")
        XCTAssertEqual(expr("TRUE"), "true")
        XCTAssertEqual(expr(#"date "2009-03-31""#), "#2009-03-31")
        XCTAssertEqual(expr(#"DATE '2008-02-29'"#), "#2008-02-29")
    }

    func testDateLiteralValueIsDaysSinceEpoch() throws {
        let e = try Parser.parseExpression(src(#"date "1970-01-02""#))
        guard case .literal(.date(let days)) = e.kind else { return XCTFail("not a date literal") }
        XCTAssertEqual(days, 1)
    }

    func testContextualWords() {
        XCTAssertEqual(expr("date"), "date")
        XCTAssertEqual(expr("date + 1"), "(+ date 1)")
        XCTAssertEqual(expr("today"), "today")
        XCTAssertEqual(expr("today()"), "(today)")
        XCTAssertEqual(expr("starts + ends + with"), "(+ (+ starts ends) with)")
        XCTAssertEqual(expr("month(due) = 3"), "(= (month due) 3)")
        XCTAssertEqual(ast("actions select date, month, days"), "(query actions (select date month days))")
    }

    func testIntervals() {
        XCTAssertEqual(expr("due + 3 months"), "(+ due (months 3))")
        XCTAssertEqual(expr("today - 30 days"), "(- today (days 30))")
        XCTAssertEqual(expr("due < today + 1 month"), "(< due (+ today (months 1)))")
        XCTAssertEqual(expr("due - 1 DAY"), "(- due (days 1))")
        XCTAssertEqual(expr("-2 months"), "(months -2)")
        XCTAssertEqual(expr("(a + 1) days * 2"), "(* (days (+ a 1)) 2)")
    }

    func testNamesAndCalls() {
        XCTAssertEqual(expr("indicators.theme"), "indicators.theme")
        XCTAssertEqual(expr("`my table`.`Lead officer`"), "`my table`.`Lead officer`")
        XCTAssertEqual(expr("count()"), "(count)")
        XCTAssertEqual(expr("round(avg(actual - target), 2)"), "(round (avg (- actual target)) 2)")
        XCTAssertEqual(expr("`odd name`(x)"), "(`odd name` x)")
    }

    func testNonAsciiNames() {
        XCTAssertEqual(expr("café = 'naïve'"), #"(= café "naïve")"#)
    }

    // MARK: - Spans

    func testSpansCoverSourceText() throws {
        let text = #"indicators where (a + 1) * b >= 2 and name in ("x") select f(x) as y; explain risks"#
        let script = try Parser.parse(src(text))
        let bytes = Array(text.utf8)
        func slice(_ s: SourceSpan) -> String { String(decoding: bytes[s.start..<s.end], as: UTF8.self) }
        XCTAssertEqual(script.statements.count, 2)
        guard case .query(let q) = script.statements[0].kind else { return XCTFail() }
        XCTAssertEqual(slice(script.statements[0].span), #"indicators where (a + 1) * b >= 2 and name in ("x") select f(x) as y"#)
        XCTAssertEqual(slice(q.table.span), "indicators")
        XCTAssertEqual(slice(q.clauses[0].span), #"where (a + 1) * b >= 2 and name in ("x")"#)
        XCTAssertEqual(slice(q.clauses[1].span), "select f(x) as y")
        guard case .filter(let e, _) = q.clauses[0].kind, case .binary(.and, let l, let r) = e.kind,
              case .binary(.ge, let mul, _) = l.kind, case .binary(.mul, let paren, _) = mul.kind else { return XCTFail() }
        XCTAssertEqual(slice(l.span), "(a + 1) * b >= 2")
        XCTAssertEqual(slice(mul.span), "(a + 1) * b")
        XCTAssertEqual(slice(paren.span), "(a + 1)")
        XCTAssertEqual(slice(r.span), #"name in ("x")"#)
        XCTAssertEqual(slice(script.statements[1].span), "explain risks")
    }

    func testSpansAreUTF8ByteOffsets() throws {
        let e = try Parser.parseExpression(src("'é' = x"))
        guard case .binary(_, let l, let r) = e.kind else { return XCTFail() }
        XCTAssertEqual(l.span, SourceSpan(0, 4))
        XCTAssertEqual(r.span, SourceSpan(7, 8))
        let neg = try Parser.parseExpression(src("- 12 days"))
        XCTAssertEqual(neg.span, SourceSpan(0, 9))
    }

    // MARK: - Errors, rendered with position and caret

    func testMissingExpressionAtEndOfInput() {
        XCTAssertEqual(error("indicators where "), """
            <query>:1:18: error: expected an expression after 'where', found end of input
            indicators where\u{20}
                             ^

            """)
        XCTAssertEqual(error("indicators\n  where status = red\n  group by"), """
            <query>:3:11: error: expected an expression after 'by', found end of input
              group by
                      ^

            """)
    }

    func testMisspelledClauseKeyword() {
        XCTAssertEqual(error("indicators wher status = red"), """
            <query>:1:12: error: unknown clause 'wher'; did you mean 'where'?
            indicators wher status = red
                       ^~~~

            """)
        XCTAssertEqual(error("indicators selct theme"), """
            <query>:1:12: error: unknown clause 'selct'; did you mean 'select'?
            indicators selct theme
                       ^~~~~

            """)
        XCTAssertEqual(error("indicators where status = red amber"), """
            <query>:1:31: error: unknown clause 'amber'
            indicators where status = red amber
                                          ^~~~~
            help: if 'red amber' is one value, quote it: status = "red amber"

            """)
        XCTAssertEqual(error("indicators where a = 1 )"), """
            <query>:1:24: error: expected a clause or ';', found ')'
            indicators where a = 1 )
                                   ^

            """)
    }

    func testLexicalErrorsComeThroughParse() {
        XCTAssertEqual(error(#"indicators where title = "abc"#), """
            <query>:1:26: error: unterminated string literal
            indicators where title = "abc
                                     ^
            help: close the string with "

            """)
        XCTAssertEqual(error("indicators where a # 1"), """
            <query>:1:20: error: unexpected character '#'
            indicators where a # 1
                               ^

            """)
    }

    func testMissingCloseParen() {
        XCTAssertEqual(error("indicators where status in (red, amber"), """
            <query>:1:39: error: expected ',' or ')' after 'amber', found end of input
            indicators where status in (red, amber
                                                  ^
            help: to close the '(' at 1:28

            """)
        XCTAssertEqual(error("indicators where (a + b select a"), """
            <query>:1:25: error: expected ')' after 'b', found 'select'
            indicators where (a + b select a
                                    ^~~~~~
            help: to close the '(' at 1:18

            """)
    }

    func testClauseShapeErrors() {
        XCTAssertEqual(error("indicators group owner"), """
            <query>:1:18: error: expected 'by' after 'group', found 'owner'
            indicators group owner
                             ^~~~~

            """)
        XCTAssertEqual(error("indicators sort owner"), """
            <query>:1:17: error: expected 'by' after 'sort', found 'owner'
            indicators sort owner
                            ^~~~~

            """)
        XCTAssertEqual(error("indicators limit x"), """
            <query>:1:18: error: expected a non-negative integer after 'limit', found 'x'
            indicators limit x
                             ^

            """)
        XCTAssertEqual(error("indicators limit -1"), """
            <query>:1:18: error: expected a non-negative integer after 'limit', found '-'
            indicators limit -1
                             ^

            """)
        XCTAssertEqual(error("indicators top 5 status"), """
            <query>:1:18: error: expected 'by' after 'top 5', found 'status'
            indicators top 5 status
                             ^~~~~~

            """)
        XCTAssertEqual(error("indicators join outcomes plan"), """
            <query>:1:26: error: expected 'on' after 'outcomes', found 'plan'
            indicators join outcomes plan
                                     ^~~~

            """)
        XCTAssertEqual(error("indicators left outcomes on plan"), """
            <query>:1:17: error: expected 'join' after 'left', found 'outcomes'
            indicators left outcomes on plan
                            ^~~~~~~~

            """)
        XCTAssertEqual(error("indicators let x 1"), """
            <query>:1:18: error: expected '=' after 'x', found '1'
            indicators let x 1
                             ^

            """)
        XCTAssertEqual(error("indicators select a,"), """
            <query>:1:21: error: expected an expression after ',', found end of input
            indicators select a,
                                ^

            """)
        XCTAssertEqual(error("indicators select a as"), """
            <query>:1:23: error: expected a name after 'as', found end of input
            indicators select a as
                                  ^

            """)
    }

    func testIntegerLiteralTooLarge() {
        XCTAssertEqual(error("indicators limit 99999999999999999999"), """
            <query>:1:18: error: integer literal too large
            indicators limit 99999999999999999999
                             ^~~~~~~~~~~~~~~~~~~~

            """)
        XCTAssertEqual(error("indicators where actual > 9223372036854775808"), """
            <query>:1:27: error: integer literal too large
            indicators where actual > 9223372036854775808
                                      ^~~~~~~~~~~~~~~~~~~

            """)
        XCTAssertEqual(error("indicators where actual > -9223372036854775809"), """
            <query>:1:28: error: integer literal too large
            indicators where actual > -9223372036854775809
                                       ^~~~~~~~~~~~~~~~~~~

            """)
    }

    func testBadDateLiteral() {
        XCTAssertEqual(error(#"actions where due < date "2009-02-30""#), """
            <query>:1:26: error: invalid date literal "2009-02-30": not a real date in the form YYYY-MM-DD
            actions where due < date "2009-02-30"
                                     ^~~~~~~~~~~~

            """)
        XCTAssertTrue(error(#"actions where due < date "31/03/2009""#).contains("invalid date literal"))
    }

    func testExpressionErrors() {
        XCTAssertEqual(error("indicators where a = b = c"), """
            <query>:1:24: error: comparisons cannot be chained; found '=' after a comparison
            indicators where a = b = c
                                   ^
            help: combine comparisons with 'and', or add parentheses

            """)
        XCTAssertEqual(error("indicators where a between 1 5"), """
            <query>:1:30: error: expected 'and' between the bounds of 'between', found '5'
            indicators where a between 1 5
                                         ^

            """)
        XCTAssertEqual(error("indicators where a is not 5"), """
            <query>:1:27: error: expected 'null' after 'not', found '5'
            indicators where a is not 5
                                      ^

            """)
        XCTAssertEqual(error("indicators where a not b"), """
            <query>:1:24: error: expected 'in', 'between', 'contains', 'starts with', 'ends with', 'like' or 'matches' after 'not', found 'b'
            indicators where a not b
                                   ^

            """)
        XCTAssertEqual(error(#"indicators where a starts "x""#), """
            <query>:1:27: error: expected 'with' after 'starts', found "x"
            indicators where a starts "x"
                                      ^~~

            """)
        XCTAssertEqual(error("indicators where a = not b"), """
            <query>:1:22: error: expected an expression after '=', found 'not'
            indicators where a = not b
                                 ^~~
            help: write '(not ...)' to negate an operand

            """)
        XCTAssertTrue(error("indicators where a in ()").contains("expected an expression after '(', found ')'"))
    }

    func testReservedWordsNeedBackticks() {
        XCTAssertEqual(error("indicators select order"), """
            <query>:1:19: error: expected an expression after 'select', found 'order'
            indicators select order
                              ^~~~~
            help: 'order' is a reserved word; write `order` to use it as a name

            """)
        XCTAssertEqual(error("where x"), """
            <query>:1:1: error: expected a table name, found 'where'
            where x
            ^~~~~
            help: 'where' is a reserved word; write `where` to use it as a name

            """)
        XCTAssertTrue(error("explain explain risks").contains("1:9: error: expected a table name after 'explain', found 'explain'"))
    }

    func testErrorInSecondStatementPointsIntoIt() {
        XCTAssertEqual(error("risks;\nactions top 3"), """
            <query>:2:14: error: expected 'by' after 'top 3', found end of input
            actions top 3
                         ^

            """)
    }

    func testParseExpressionRejectsTrailingTokens() {
        XCTAssertThrowsError(try Parser.parseExpression(src("a b"))) { e in
            XCTAssertEqual((e as? Diagnostic)?.message, "unexpected 'b' after the expression")
            XCTAssertEqual((e as? Diagnostic)?.span, SourceSpan(2, 3))
        }
    }
}
