import XCTest
@testable import PlanQ

/// The report file parser: structure of a good file, and the exact message, position
/// and caret of each kind of mistake.
final class ReportParserTests: XCTestCase {
    func parse(_ text: String) throws -> ReportDefinition {
        try ReportParser.parse(SourceText(name: "r.pqr", text: text))
    }

    func error(_ text: String) -> String {
        renderedError { try self.parse(text) }
    }

    let good = """
    # a comment
    title: Pack for $theme
    rag-rule: Statuses as stated.
    param theme: text = "Community \\"Safety\\""
    param as_of: date = 2009-03-31
    param tolerance: number = 5

    section: First
    text: One sentence,
    text: continued.
    show: rag-matrix
    query:
        indicators where theme = $theme
        group by theme pivot status

    section: Second
    requires: status_counts(plan, status), plans
    query: stated
        status_counts
    query: counted
        indicators -- $theme in a comment stays
    """

    func testParsesTitleParametersAndSections() throws {
        let r = try parse(good)
        XCTAssertEqual(r.title, "Pack for $theme")
        XCTAssertEqual(r.ragRule, "Statuses as stated.")
        XCTAssertEqual(r.parameters.map(\.name), ["theme", "as_of", "tolerance"])
        XCTAssertEqual(r.parameters[0].defaultValue, .text("Community \"Safety\""))
        XCTAssertEqual(r.parameters[1].defaultValue, .date(CivilDate(year: 2009, month: 3, day: 31)))
        XCTAssertEqual(r.parameters[2].defaultValue, .number(5))
        XCTAssertEqual(r.sections.map(\.heading), ["First", "Second"])
        XCTAssertEqual(r.sections[0].commentary, "One sentence, continued.")
        XCTAssertEqual(r.sections[0].display, .ragMatrix)
        XCTAssertEqual(r.sections[0].queries.count, 1)
        XCTAssertEqual(r.sections[0].queries[0].text, "    indicators where theme = $theme\n    group by theme pivot status")
        XCTAssertEqual(r.sections[1].display, .table)
        XCTAssertEqual(r.sections[1].queries.map(\.caption), ["stated", "counted"])
        XCTAssertEqual(r.sections[1].queries[0].requires,
                       [ReportRequirement(table: "status_counts", columns: ["plan", "status"]),
                        ReportRequirement(table: "plans", columns: [])])
        XCTAssertEqual(r.sections[1].queries[1].requires, [], "requires: applies to the next query only")
    }

    func testQueryOffsetPointsIntoTheFile() throws {
        let r = try parse(good)
        let q = r.sections[0].queries[0]
        let bytes = Array(good.utf8)
        XCTAssertEqual(String(decoding: bytes[q.offset..<(q.offset + q.text.utf8.count)], as: UTF8.self), q.text)
    }

    func testUnknownDirectiveSuggests() {
        XCTAssertEqual(error("titel: x\n"), """
        r.pqr:1:1: error: unknown directive 'titel'
        titel: x
        ^~~~~
        help: did you mean 'title:'?

        """)
    }

    func testUnknownDisplaySuggests() {
        XCTAssertEqual(error("title: t\nsection: s\nshow: bar-chrt\nquery:\n  plans\n"), """
        r.pqr:3:7: error: unknown display 'bar-chrt'
        show: bar-chrt
              ^~~~~~~~
        help: did you mean 'bar-chart'?

        """)
    }

    func testUnknownParameterInQuery() {
        XCTAssertEqual(error("title: t\nparam theme: text = \"x\"\nsection: s\nquery:\n  indicators where theme = $them\n"), """
        r.pqr:5:28: error: unknown parameter '$them'
          indicators where theme = $them
                                   ^~~~~
        help: did you mean '$theme'?

        """)
    }

    func testBadParameterDefault() {
        XCTAssertEqual(error("title: t\nparam as_of: date = 2009-02-30\n"), """
        r.pqr:2:21: error: '2009-02-30' is not a date
        param as_of: date = 2009-02-30
                            ^~~~~~~~~~
        help: write dates as YYYY-MM-DD

        """)
        XCTAssertTrue(error("title: t\nparam n: numbr = 1\n").hasPrefix("r.pqr:2:10: error: unknown parameter kind 'numbr'"))
        XCTAssertTrue(error("title: t\nparam a: text = \"x\"\nparam a: text = \"y\"\n")
            .hasPrefix("r.pqr:3:7: error: parameter 'a' is declared twice (first on line 2)"))
        XCTAssertTrue(error("title: t\nparam a: text = \"x\n").hasPrefix("r.pqr:2:17: error: unterminated string"))
    }

    func testStructuralMistakes() {
        XCTAssertTrue(error("section: s\nquery:\n  plans\n").hasPrefix("r.pqr:1:1: error: the report has no 'title:' line"))
        XCTAssertTrue(error("title: t\n").hasPrefix("r.pqr:1:1: error: the report has no sections"))
        XCTAssertTrue(error("title: t\ntext: x\n").hasPrefix("r.pqr:2:1: error: 'text:' belongs to a section"))
        XCTAssertTrue(error("title: t\nsection: a\nsection: b\nquery:\n  plans\n")
            .hasPrefix("r.pqr:2:1: error: section 'a' has no query"))
        XCTAssertTrue(error("title: t\nsection: a\nquery:\n\nsection: b\n")
            .hasPrefix("r.pqr:3:1: error: 'query:' needs a planq query on the indented lines below it"))
        XCTAssertTrue(error("title: t\n  plans\n").hasPrefix("r.pqr:2:1: error: an indented line belongs under a 'query:' line"))
        XCTAssertTrue(error("title t\n").hasPrefix("r.pqr:1:6: error: expected ':' after 'title'"))
        XCTAssertTrue(error("title: t\nsection: a\nrequires: x(a b)\nquery:\n  plans\n")
            .hasPrefix("r.pqr:3:15: error: expected ',' or ')'"))
    }

    func testSubstitutionQuotesTextAndMapsPositionsBack() {
        let q = "indicators where theme = $theme and title = \"$theme\" and due < $as_of"
        let sub = ParameterSubstitution(q, offset: 100, values: ["theme": .text("a\"b\\c"),
                                                                  "as_of": .date(CivilDate(year: 2009, month: 3, day: 31))])
        XCTAssertEqual(sub.text, #"indicators where theme = "a\"b\\c" and title = "$theme" and due < date "2009-03-31""#)
        // "and" after the first literal maps to its place in the written query.
        let out = Array(sub.text.utf8), andAt = 35
        XCTAssertEqual(String(decoding: out[andAt..<(andAt + 3)], as: UTF8.self), "and")
        XCTAssertEqual(sub.fileOffset(andAt), 100 + 32)
        // A position inside a substituted literal points at its $name.
        XCTAssertEqual(sub.fileSpan(SourceSpan(27, 29)), SourceSpan(100 + 25, 100 + 31))
    }
}
