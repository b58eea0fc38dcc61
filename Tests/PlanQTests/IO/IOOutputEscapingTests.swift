import XCTest
import Foundation
@testable import PlanQ

/// Text from data cells is escaped in every output format: no control sequence
/// reaches a terminal, no `|` splits a Markdown cell, no `<script>` runs in HTML,
/// and JSON stays valid and safe inside a `<script>` block.
final class IOOutputEscapingTests: XCTestCase {
    static let script = "<script>alert(1)</script>"
    static let ansi = "\u{1B}[31mRED\u{1B}[0m\u{1B}]0;owned\u{7}"
    static let pipe = "a|b"
    static let lines = "one\ntwo\rthree"
    static let bidi = "abc\u{202E}fed"

    func hostile() -> Table {
        let d = StringDictionary()
        let values = [Self.script, Self.ansi, Self.pipe, Self.lines, Self.bidi]
        let codes = ContiguousArray(values.map { d.intern($0) })
        let v = Vector(.text(codes[...], d), validity: ValidityMask(count: values.count, allValid: true))
        let n = Vector(.int(ContiguousArray(values.indices.map { Int64($0) })[...]), validity: ValidityMask(count: values.count, allValid: true))
        return Table(name: "t", columns: [Column(name: "n", vector: n), Column(name: "cell|<b>", vector: v)])
    }

    /// No byte of the output is ESC, BEL, CR or another control (newline ends lines only).
    func assertNoControls(_ out: String, _ format: ResultFormat, file: StaticString = #filePath, line: UInt = #line) {
        for ch in out.unicodeScalars where ch != "\n" {
            XCTAssertFalse(TerminalText.needsEscape(ch), "\(format): raw U+\(String(ch.value, radix: 16)) in output", file: file, line: line)
        }
    }

    func testTableSpellsOutControlCharacters() {
        let out = ResultWriter.render(hostile(), format: .table)
        assertNoControls(out, .table)
        XCTAssertTrue(out.contains("\\x1B[31mRED\\x1B[0m\\x1B]0;owned\\x07"), out)
        XCTAssertTrue(out.contains("one\\ntwo\\rthree"), out)
        XCTAssertTrue(out.contains("abc\\u{202E}fed"), out)
        // Each of the five rows is one line: header, rule, 5 rows, footer.
        XCTAssertEqual(out.split(separator: "\n").count, 8, out)
    }

    func testMarkdownEscapesPipesNewlinesAndHTML() {
        let out = ResultWriter.render(hostile(), format: .markdown)
        assertNoControls(out, .markdown)
        XCTAssertTrue(out.hasPrefix("| n | cell\\|&lt;b&gt; |\n"), out)
        XCTAssertTrue(out.contains("| 0 | &lt;script&gt;alert(1)&lt;/script&gt; |"), out)
        XCTAssertTrue(out.contains("| 2 | a\\|b |"), out)
        XCTAssertTrue(out.contains("| 3 | one<br>two\\rthree |"), out)
        XCTAssertFalse(out.contains("<script>"), out)
        // Every row line has exactly the 3 unescaped pipes of a two-column table.
        for l in out.split(separator: "\n") {
            let unescaped = l.indices.filter { l[$0] == "|" && ($0 == l.startIndex || l[l.index(before: $0)] != "\\") }
            XCTAssertEqual(unescaped.count, 3, String(l))
        }
    }

    func testHTMLEscapesMarkupAndControls() {
        let out = ResultWriter.render(hostile(), format: .html)
        assertNoControls(out, .html)
        XCTAssertTrue(out.contains("<th>cell|&lt;b&gt;</th>"), out)
        XCTAssertTrue(out.contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>"), out)
        XCTAssertTrue(out.contains("<td>\\x1B[31mRED\\x1B[0m\\x1B]0;owned\\x07</td>"), out)
        XCTAssertFalse(out.contains("<script>"), out)
        XCTAssertEqual(ResultWriter.htmlEscape("a\"b'c&d"), "a&quot;b&#39;c&amp;d")
    }

    func testJSONEscapesAndStaysValid() throws {
        for format in [ResultFormat.json, .jsonl] {
            let out = ResultWriter.render(hostile(), format: format)
            assertNoControls(out, format)
            XCTAssertTrue(out.contains(#""\u001b[31mRED\u001b[0m\u001b]0;owned\u0007""#), out)
            XCTAssertTrue(out.contains(#""<script>alert(1)<\/script>""#), out)
            XCTAssertTrue(out.contains(#""abc\u202efed""#), out)
            XCTAssertFalse(out.contains("</script>"), out)
            // Round trip: the parsed strings are the original cell values.
            let lines = format == .json ? [out] : out.split(separator: "\n").map(String.init)
            var cells: [String] = []
            for l in lines {
                let obj = try JSONSerialization.jsonObject(with: Data(l.utf8))
                let rows = try (obj as? [[String: Any]]) ?? [XCTUnwrap(obj as? [String: Any])]
                cells += rows.compactMap { $0["cell|<b>"] as? String }
            }
            XCTAssertEqual(cells, [Self.script, Self.ansi, Self.pipe, Self.lines, Self.bidi], "\(format)")
        }
    }

    /// CSV and TSV are data formats: values round-trip exactly (a CSV file may
    /// hold an ESC); TSV spells out its own separators.
    func testDelimitedFormatsKeepValues() throws {
        let csv = ResultWriter.render(hostile(), format: .csv)
        let back = try CSVReader().read(bytes: Array(csv.utf8), name: "out.csv", tableName: "out")
        XCTAssertEqual(back.rows.map { $0[1] }, [Self.script, Self.ansi, Self.pipe, Self.lines, Self.bidi].map { .text($0) })
        let tsv = ResultWriter.render(hostile(), format: .tsv)
        XCTAssertTrue(tsv.contains("3\tone\\ntwo\\rthree\n"), tsv)
    }
}
