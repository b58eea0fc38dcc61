import XCTest
@testable import PlanQ

/// Error messages about hostile input stay readable and safe: a huge line is
/// shown as a window around the caret, and control characters quoted from data
/// are spelled out with the caret still under the right character.
final class HostileDiagnosticsTests: XCTestCase {
    func render(_ text: String) -> String {
        do {
            _ = try Parser.parse(SourceText(name: "<query>", text: text))
            return "no error"
        } catch let d as Diagnostic {
            return DiagnosticRenderer(color: false).render(d)
        } catch {
            return "\(error)"
        }
    }

    func testLongLineIsShownAsAWindowAroundTheCaret() {
        let out = render("t where " + String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000))
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines[0], "<query>:1:137: error: expression nested too deeply (more than 128 levels)")
        XCTAssertEqual(lines[1], "…" + String(repeating: "(", count: 200) + "…")
        XCTAssertEqual(lines[2], String(repeating: " ", count: 61) + "^")
        XCTAssertLessThan(out.count, 600)
    }

    func testShortLinesAreUnchanged() {
        XCTAssertEqual(render("t where (x"), """
        <query>:1:11: error: expected ')' after 'x', found end of input
        t where (x
                  ^
        help: to close the '(' at 1:9

        """)
    }

    func testControlCharactersInADataLineAreSpelledOut() throws {
        let bytes = Array("a,b\n1,\"\u{1B}[2Jx\"y\n".utf8)
        var message = ""
        do {
            _ = try CSVReader().read(bytes: bytes, name: "t.csv", tableName: "t")
        } catch let d as Diagnostic {
            message = DiagnosticRenderer(color: false).render(d)
        }
        XCTAssertFalse(message.contains("\u{1B}"), message)
        let lines = message.split(separator: "\n")
        XCTAssertEqual(lines[1], "1,\"\\x1B[2Jx\"y")
        // The caret sits under the `y` after the closing quote.
        XCTAssertEqual(lines[2], String(repeating: " ", count: 12) + "^")
    }
}
