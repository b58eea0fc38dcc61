import XCTest
@testable import PlanQ
@testable import PlanQShell

/// Colouring input from the lexer, and painting it over readline's display.
final class SyntaxHighlighterTests: XCTestCase {
    let h = SyntaxHighlighter(enumWords: ["red", "amber"])

    func esc(_ sgr: String) -> String { "\u{1B}[\(sgr)m" }
    let off = "\u{1B}[0m"

    func testKeywordsStringsNumbersEnumWordsAndComments() {
        XCTAssertEqual(h.colored("risks where status = red and x > 2.5 -- note"),
                       "risks \(esc("1;34"))where\(off) status = \(esc("35"))red\(off) \(esc("1;34"))and\(off) x > \(esc("36"))2.5\(off) \(esc("2"))-- note\(off)")
        XCTAssertEqual(h.colored("t where a = \"x -- y\" or b is null"),
                       "t \(esc("1;34"))where\(off) a = \(esc("32"))\"x -- y\"\(off) \(esc("1;34"))or\(off) b \(esc("1;34"))is\(off) \(esc("36"))null\(off)")
    }

    func testOpenStringRunsToTheEndInTheErrorColour() {
        XCTAssertEqual(h.colored("t where a = \"Com and b"), "t \(esc("1;34"))where\(off) a = \(esc("31"))\"Com and b\(off)")
        // A bad escape makes the string an error too.
        XCTAssertEqual(h.colored("t where a = 'x\\q' and"), "t \(esc("1;34"))where\(off) a = \(esc("31"))'x\\q' and\(off)")
    }

    func testABadCharacterIsMarkedAndLexingGoesOn() {
        XCTAssertEqual(h.colored("t where a ! 1 and"), "t \(esc("1;34"))where\(off) a \(esc("31"))!\(off) \(esc("36"))1\(off) \(esc("1;34"))and\(off)")
    }

    func testEarlierLinesGiveContext() {
        // Line 1 opened a string: line 2 is inside it until the quote.
        XCTAssertEqual(h.colored("Safety\" and", pending: "t where theme = \"Community"),
                       "\(esc("32"))Safety\"\(off) \(esc("1;34"))and\(off)")
        XCTAssertEqual(h.styles(line: "é = red").count, "é = red".utf8.count)
    }

    func testPainterRewritesInPlaceAndPutsTheCursorBack() throws {
        let line = "where x"
        let styles = h.styles(line: line)
        let p = LinePainter(columns: 80, promptWidth: 7)
        let out = try XCTUnwrap(p.paint(line, styles: styles, cursor: (0, 9), screenRows: 24))
        XCTAssertEqual(out, "\r\u{1B}[7C\(off)\(esc("1;34"))where\(off) x\(off)\r\u{1B}[9C")
    }

    func testPainterFollowsWrappedRowsAndWideCharacters() throws {
        setlocale(LC_CTYPE, "C.UTF-8")
        let p = LinePainter(columns: 10, promptWidth: 7)
        // 日 takes two columns: at column 9 it does not fit and moves to the next row.
        let (cells, end) = p.layout("ab日本c")
        XCTAssertEqual(cells.map(\.row), [0, 0, 1, 1, 1])
        XCTAssertEqual(cells.map(\.column), [7, 8, 0, 2, 4])
        XCTAssertTrue(end == (1, 5))
        let out = try XCTUnwrap(p.paint("ab日本c", styles: h.styles(line: "ab日本c"), cursor: (1, 5), screenRows: 24))
        XCTAssertEqual(out, "\r\u{1B}[1A\u{1B}[7Cab\r\n日本c\u{1B}[0m\r\u{1B}[5C")
        // Controls (drawn by readline as ^X) and lines taller than the screen are left alone.
        XCTAssertNil(p.paint("a\tb", styles: h.styles(line: "a\tb"), cursor: (0, 9), screenRows: 24))
        XCTAssertNil(p.paint(String(repeating: "x", count: 50), styles: [], cursor: (0, 0), screenRows: 4))
        XCTAssertEqual(LinePainter.visibleWidth("\u{01}\u{1B}[1m\u{02}db> \u{1B}[0m"), 4)
    }
}
