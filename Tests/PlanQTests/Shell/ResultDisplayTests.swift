import XCTest
@testable import PlanQ
@testable import PlanQShell

/// Fitting results to a terminal: row and column truncation markers, escaping, colour.
final class ResultDisplayTests: XCTestCase {
    /// A table of `rows` rows and `columns` int columns named c1, c2, ...
    func wide(rows: Int, columns: Int) -> Table {
        Table(name: "t", columns: (1...columns).map { c in
            Column(name: "c\(c)", vector: Vector(.int(ArraySlice((0..<rows).map { Int64($0 * c) }))))
        })
    }

    func text(_ values: [String], name: String = "v") -> Table {
        let d = StringDictionary()
        return Table(name: "t", columns: [Column(name: name, vector: Vector(.text(ArraySlice(values.map { d.intern($0) }), d)))])
    }

    func testFitsWithoutMarker() {
        let out = ResultDisplay(rows: 24, columns: 80, terminal: true, color: false).render(wide(rows: 3, columns: 3), format: .table)
        XCTAssertEqual(out, """
             c1 | c2 | c3
            ----+----+----
              0 |  0 |  0
              1 |  2 |  3
              2 |  4 |  6
            3 rows

            """)
    }

    func testLongResultShowsFirstRowsAndMarker() {
        let out = ResultDisplay(rows: 20, columns: 80, terminal: true, color: false).render(wide(rows: 1234, columns: 2), format: .table)
        let lines = out.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 2 + 13 + 1)
        XCTAssertEqual(lines.last, "… 1,234 rows, 13 shown; .mode csv or .output to see all")
        XCTAssertEqual(lines[14], " 12 | 24")
    }

    func testWideResultHidesColumnsAndSaysWhich() {
        let out = ResultDisplay(rows: 24, columns: 60, terminal: true, color: false).render(wide(rows: 2, columns: 15), format: .table)
        let lines = out.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.allSatisfy { $0.count <= 60 }, out)
        XCTAssertTrue(lines[0].hasSuffix(" …"), out)
        // The marker does not fit 60 columns in one line, so the advice goes on the next.
        XCTAssertEqual(Array(lines.suffix(3)), ["… 2 rows; 15 columns, 11 shown;", "  .mode csv or .output to see all",
                                                "hidden columns: c12, c13, c14, c15"], out)
    }

    func testNotATerminalGetsEverything() {
        let t = wide(rows: 100, columns: 15)
        let out = ResultDisplay(rows: 10, columns: 40, terminal: false, color: false).render(t, format: .table)
        XCTAssertEqual(out, ResultWriter.render(t, format: .table))
        XCTAssertTrue(out.hasSuffix("100 rows\n"))
    }

    func testControlCharactersAreEscapedOnTheTerminal() {
        let t = text(["ok", "bad\u{1B}[2Jx", "bell\u{07}", "flip\u{202E}"], name: "n\u{1B}")
        for format in ResultFormat.allCases {
            let out = ResultDisplay(rows: 24, columns: 80, terminal: true, color: false).render(t, format: format)
            XCTAssertFalse(out.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E }, "\(format): \(out)")
            XCTAssertTrue(out.contains("x1B[2Jx"), "\(format): \(out)")
        }
        // A file gets the data as it is.
        let file = ResultDisplay(rows: 24, columns: 80, terminal: false, color: false).render(t, format: .csv)
        XCTAssertTrue(file.contains("bad\u{1B}[2Jx"))
    }

    func testRAGValuesColouredOnlyWithColour() {
        let rag = EnumType.rag
        let t = Table(name: "t", columns: [
            Column(name: "id", vector: Vector(.int([1, 2, 3]))),
            Column(name: "status", vector: Vector(.enumeration([0, 1, 2], rag))),
        ])
        let coloured = ResultDisplay(rows: 24, columns: 80, terminal: true, color: true).render(t, format: .table)
        XCTAssertTrue(coloured.contains("\u{1B}[31mred\u{1B}[0m"), coloured)
        XCTAssertTrue(coloured.contains("\u{1B}[33mamber\u{1B}[0m"), coloured)
        XCTAssertTrue(coloured.contains("\u{1B}[32mgreen\u{1B}[0m"), coloured)
        let plain = ResultDisplay(rows: 24, columns: 80, terminal: true, color: false).render(t, format: .table)
        XCTAssertFalse(plain.contains("\u{1B}"))
    }
}
