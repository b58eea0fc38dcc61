import Foundation
import XCTest
@testable import PlanQ

/// The HTML reader: tables with spans, merged two-row headers, lists, headings, icons and colours,
/// what it never reads, and hostile pages.
final class HTMLDocumentReaderTests: XCTestCase {
    func read(_ html: String) throws -> Document {
        try HTMLDocumentReader().read(Data(html.utf8), name: "page")
    }

    func testSpanningPeriodHeaderIsMergedAndSpansExpanded() throws {
        let doc = try read("""
        <table>
        <tr><th rowspan="2">Indicator</th><th colspan="3">2008/09</th><th rowspan="2">Lead</th></tr>
        <tr><th>Value</th><th>Target</th><th>Status</th></tr>
        <tr><td>NI 16 Crime</td><td>16.2</td><td>15</td><td><img src="r.png" alt="Red"></td><td rowspan="2">Jo Smith</td></tr>
        <tr><td>NI 20 Assault</td><td colspan="2">No data</td><td style="background-color: #00B050"></td></tr>
        </table>
        """)
        XCTAssertEqual(doc.lines, [
            "Indicator\t2008/09 Value\t2008/09 Target\t2008/09 Status\tLead",
            "NI 16 Crime\t16.2\t15\tRed\tJo Smith",
            "NI 20 Assault\tNo data\t\tGreen\tJo Smith",
        ])
        XCTAssertEqual(doc.origins.map(\.line), [2, 4, 5])
    }

    func testListsHeadingsParagraphsAndEntities() throws {
        let doc = try read("""
        <h2>Theme: Safer &amp; Stronger</h2>
        <p>First line<br>second&nbsp;line</p>
        <ul><li>One<ul><li>Inner</li></ul></li><li><p>Two</p></li></ul>
        """)
        XCTAssertEqual(doc.lines, ["Theme: Safer & Stronger", "First line", "second line", "\u{2022} One", "  \u{2022} Inner", "\u{2022} Two"])
        // The recognisers see bullets as list items.
        let blocks = DocumentReader().read(doc.lines)
        guard blocks.count > 3, case .text(_, let item) = blocks[3] else { return XCTFail("\(blocks)") }
        XCTAssertEqual(item, "- One")
    }

    func testScriptsStylesNoscriptAndCommentsAreNeverRead() throws {
        let doc = try read("""
        <html><head><title>T</title><style>p { color: red }</style><script>var x = "<p>NI 999</p>";</script></head>
        <body><!-- NI 998 --><noscript>NI 997</noscript><p>Kept</p><script>document.write("NI 996")</script></body></html>
        """)
        XCTAssertEqual(doc.lines, ["Kept"])
    }

    func testFullWidthRowsAndCaptions() throws {
        let doc = try read("""
        <table><caption>Table 1</caption>
        <tr><td colspan="3">Quarter 3 report</td></tr>
        <tr><th>Indicator</th><th>Target</th><th>Actual</th></tr>
        <tr><td colspan="3">Theme: Housing</td></tr>
        <tr><td>NI 154 Homes</td><td>350</td><td>296</td></tr>
        </table>
        """)
        XCTAssertEqual(doc.lines, ["Table 1", "Quarter 3 report", "Indicator\tTarget\tActual", "Theme: Housing\t\t", "NI 154 Homes\t350\t296"])
    }

    func testLayoutTableIsReadAsFlow() throws {
        let doc = try read("""
        <table><tr><td><p>Left</p><table><tr><th>Action</th><th>Lead</th></tr><tr><td>A1</td><td>X</td></tr></table></td>
        <td><table><tr><th>Action</th><th>Lead</th></tr><tr><td>A2</td><td>Y</td></tr></table></td></tr></table>
        """)
        XCTAssertEqual(doc.lines, ["Left", "Action\tLead", "A1\tX", "Action\tLead", "A2\tY"])
    }

    func testDeepNestingIsRefusedNotACrash() throws {
        let html = "<html><body>" + String(repeating: "<div>", count: 10_000) + "<p>x</p>" + String(repeating: "</div>", count: 10_000)
        XCTAssertThrowsError(try read(html)) { e in
            XCTAssertTrue((e as? DecodeFailure)?.message.contains("nested over 256 deep") == true, "\(e)")
        }
        // Nesting within the parser's limit is walked without recursion.
        let ok = try read(String(repeating: "<span>", count: 200) + "deep" + String(repeating: "</span>", count: 200))
        XCTAssertEqual(ok.lines, ["deep"])
    }

    func testHugeSpansAreClamped() throws {
        let doc = try read("<table><tr><td colspan=\"99999\" rowspan=\"99999\">a</td><td>b</td></tr><tr><td>c</td></tr></table>")
        XCTAssertEqual(doc.lines.count, 2)
        XCTAssertEqual(doc.lines[0].split(separator: "\t", omittingEmptySubsequences: false).count, HTMLTable.maxColspan + 1)
    }

    func testEmptyAndBinaryPagesAreRefused() {
        XCTAssertThrowsError(try read("<html><body>  </body></html>"))
        XCTAssertThrowsError(try HTMLDocumentReader().read(Data([0x3C, 0x00, 0xFF, 0x01]), name: "g"))
    }

    func testStatusColours() {
        XCTAssertEqual(HTMLText.status(ofColour: "#ffc000"), "Amber")
        XCTAssertEqual(HTMLText.status(ofColour: "rag-red"), "Red")
        XCTAssertEqual(HTMLText.status(ofColour: "green"), "Green")
        XCTAssertNil(HTMLText.status(ofColour: "#123456"))
        XCTAssertNil(HTMLText.status(ofColour: "credit"))
    }
}
