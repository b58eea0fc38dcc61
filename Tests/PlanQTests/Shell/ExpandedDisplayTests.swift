import XCTest
@testable import PlanQ
@testable import PlanQShell

/// The expanded display (`.mode line`, `.expanded`), `.maxwidth`, and the rendering a pager gets.
final class ExpandedDisplayTests: XCTestCase {
    /// A table with an int column `n` and a text column `title`.
    func table(_ rows: [(Int64, String?)]) -> Table {
        let d = StringDictionary()
        var validity = ValidityMask(count: rows.count, allValid: true)
        for (i, r) in rows.enumerated() where r.1 == nil { validity.set(i, valid: false) }
        return Table(name: "t", columns: [
            Column(name: "n", vector: Vector(.int(ArraySlice(rows.map(\.0))))),
            Column(name: "title", vector: Vector(.text(ArraySlice(rows.map { d.intern($0.1 ?? "") }), d), validity: validity)),
        ])
    }

    func display(columns: Int = 40, rows: Int = 24, expanded: ExpandedMode) -> ResultDisplay {
        var d = ResultDisplay(rows: rows, columns: columns, terminal: true, color: false)
        d.expanded = expanded
        return d
    }

    func testRecordsWithRulesAndWrappedValues() {
        let t = table([(1, "Serious violent crime rate per thousand of the population"), (22, nil)])
        XCTAssertEqual(display(expanded: .on).render(t, format: .table), """
            -[ RECORD 1 ]-------------------------
            n     | 1
            title | Serious violent crime rate per
                  | thousand of the population
            -[ RECORD 2 ]-------------------------
            n     | 22
            title | null
            2 rows

            """)
    }

    func testWordLongerThanTheRoomIsCutMidWordAndLineBreaksStartNewLines() {
        XCTAssertEqual(ExpandedLayout.wrap("abcdefghijklmnop", width: 6), ["abcdef", "ghijkl", "mnop"])
        XCTAssertEqual(ExpandedLayout.wrap("one two\nthree", width: 20), ["one two", "three"])
        XCTAssertEqual(ExpandedLayout.wrap("aaaa bbbb cccc", width: 9), ["aaaa bbbb", "cccc"])
        XCTAssertEqual(ExpandedLayout.wrap("", width: 5), [""])
        XCTAssertEqual(ExpandedLayout.wrap("no width given stays one line", width: nil), ["no width given stays one line"])
    }

    func testAutoExpandsOnlyWhenARowIsWiderThanTheScreen() {
        let narrow = table([(1, "short")])
        let wide = table([(1, String(repeating: "x", count: 78))])
        XCTAssertFalse(display(columns: 80, expanded: .auto).showsExpanded(narrow))
        XCTAssertTrue(display(columns: 80, expanded: .auto).showsExpanded(wide))
        XCTAssertTrue(display(columns: 80, expanded: .auto).render(wide, format: .table).hasPrefix("-[ RECORD 1 ]"))
        XCTAssertTrue(display(columns: 80, expanded: .off).render(wide, format: .table).hasPrefix(" n | title"))
        // Only table mode is expanded.
        XCTAssertEqual(display(columns: 80, expanded: .on).render(narrow, format: .csv), "n,title\n1,short\n")
    }

    func testFilesGetExpandedRecordsWhole() {
        var d = ResultDisplay(rows: 24, columns: 20, terminal: false, color: false)
        d.expanded = .on
        let long = String(repeating: "word ", count: 10).trimmingCharacters(in: .whitespaces)
        XCTAssertEqual(d.render(table([(1, long)]), format: .table), "-[ RECORD 1 ]" + String(repeating: "-", count: 44) + "\nn     | 1\ntitle | \(long)\n1 row\n")
    }

    func testControlCharactersEscapedAndRAGColouredWhenExpanded() {
        let e = EnumType(name: "rag", values: ["red", "amber", "green"])
        let t = Table(name: "t", columns: [
            Column(name: "status", vector: Vector(.enumeration(ArraySlice([0, 2]), e))),
            Column(name: "note", vector: table([(1, "a\u{1B}[2Jb"), (2, "ok")]).columns[1].vector),
        ])
        var d = display(expanded: .on)
        d.color = true
        let out = d.render(t, format: .table)
        XCTAssertTrue(out.contains("status | \u{1B}[31mred\u{1B}[0m\n"), out)
        XCTAssertTrue(out.contains("status | \u{1B}[32mgreen\u{1B}[0m\n"), out)
        XCTAssertTrue(out.contains("note   | a\\x1B[2Jb\n"), out)
    }

    func testMaxWidthCutsTheWidestColumnWithAnEllipsis() {
        var d = display(columns: 80, expanded: .off)
        d.cellLimit = 10
        XCTAssertEqual(d.render(table([(1, "Serious violent crime")]), format: .table), """
             n | title
            ---+------------
             1 | Serious v…
            1 row

            """)
    }

    func testPagingKeepsEveryRowAndTheFullWidth() {
        let rows = (1...100).map { (Int64($0), "a title of some length number \($0)") }
        var d = display(columns: 20, rows: 10, expanded: .off)
        d.paging = true
        let out = d.render(table(rows), format: .table).split(separator: "\n").map(String.init)
        XCTAssertEqual(out.count, 103)
        XCTAssertEqual(out[2], "   1 | a title of some length number 1")
        XCTAssertEqual(out.last, "100 rows")
        d.paging = false
        XCTAssertTrue(d.render(table(rows), format: .table).contains("… 100 rows, 5 shown"))
    }

    func testPagingStopsAtTheRowLimitWithAMarker() {
        let n = ResultDisplay.pagedRowLimit + 5
        let t = Table(name: "t", columns: [Column(name: "n", vector: Vector(.int(ArraySlice((0..<n).map(Int64.init)))))])
        var d = display(columns: 80, rows: 24, expanded: .off)
        d.paging = true
        let lines = d.render(t, format: .table).split(separator: "\n")
        XCTAssertEqual(lines.count, 2 + ResultDisplay.pagedRowLimit + 1)
        XCTAssertEqual(lines.last, "… 100,005 rows, 100,000 shown; .output or .once to see all")
    }

    func testWidestLineIgnoresColourAndCountsWideCharacters() {
        XCTAssertEqual(Terminal.widestLine("ab\n\u{1B}[31mred\u{1B}[0m!\n"), 4)
        XCTAssertEqual(Terminal.widestLine("Café"), 4)
    }

    func testPagerCommandFromTheEnvironment() {
        XCTAssertEqual(Pager.command([:]), "less -SRFX")
        XCTAssertEqual(Pager.command(["PAGER": "more"]), "more")
        XCTAssertEqual(Pager.command(["PAGER": "more", "PLANQ_PAGER": "less -S"]), "less -S")
        XCTAssertNil(Pager.command(["PLANQ_PAGER": " "]), "an empty setting turns paging off")
        XCTAssertEqual(Pager.program(of: "sh -c x", path: "/nonexistent:/bin"), "/bin/sh")
        XCTAssertNil(Pager.program(of: "no-such-pager-anywhere -R", path: "/bin:/usr/bin"))
        XCTAssertNil(Pager.program(of: "/nonexistent/less"))
    }
}
