import Foundation
import XCTest
@testable import PlanQ

/// A report section whose query returns no rows says why, and a text parameter
/// that no row holds is an error naming the parameter, with a did-you-mean.
final class ReportEmptyResultTests: XCTestCase {
    typealias S = ReportTestSupport

    /// A one-section report over the explain fixture (status stated for no Community Safety indicator).
    func runReport(_ body: String, params: [(name: String, value: String)] = []) throws -> ReportResult {
        let def = try ReportParser.parse(SourceText(name: "t.pqr", text: body))
        let data = S.root.appendingPathComponent("Tests/Fixtures/explain").path
        return try ReportRunner(definition: def, catalog: try DataDirectory.load(data), dataSource: data).run(params)
    }

    static let report = """
        title: Red indicators in $theme
        param theme: text = "Community Safety"
        section: Red
        query:
          indicators where theme = $theme and status = red select code, title

        """

    func testEmptySectionSaysWhyInMarkdownAndHTML() throws {
        let result = try runReport(Self.report)
        let why = try XCTUnwrap(result.sections.first?.parts.first?.emptyResult)
        XCTAssertEqual(why.message, #"0 rows: 3 indicators have theme = "Community Safety"; status is null in all 3, so none has status = red"#)
        let md = try ReportRenderer.render(result, format: .markdown)
        XCTAssertTrue(md.contains(#"_No rows: 3 indicators have theme = "Community Safety"; status is null in all 3, so none has status = red._"#), md)
        XCTAssertFalse(md.contains("| code |"), "an empty result is explained, not drawn as an empty table")
        let html = try ReportRenderer.render(result, format: .html)
        XCTAssertTrue(html.contains("<p class=\"skipped\">No rows: 3 indicators have theme = &quot;Community Safety&quot;; status is null in all 3, so none has status = red.</p>"), html)
    }

    func testParameterValueNoRowHoldsIsAnErrorNamingIt() throws {
        XCTAssertThrowsError(try runReport(Self.report, params: [("theme", "community safety")])) { error in
            let d = error as? Diagnostic
            XCTAssertEqual(d?.severity, .error)
            let text = d.map { DiagnosticRenderer(color: false).render($0) } ?? "\(error)"
            XCTAssertTrue(text.hasPrefix(#"t.pqr:5:28: error: in section 'Red': parameter 'theme': no theme is "community safety"; did you mean "Community Safety"?"#), text)
            XCTAssertTrue(text.contains("  indicators where theme = $theme and status = red select code, title\n                           ^~~~~~\n"), text)
        }
    }

    func testLiteralInTheReportTextIsAWarningNotAnError() throws {
        let result = try runReport("""
            title: t
            section: S
            query:
              indicators where owner = "Brian Neal"

            """)
        XCTAssertEqual(result.warnings.count, 1)
        let text = result.warnings.map { DiagnosticRenderer(color: false).render($0) }.joined()
        XCTAssertTrue(text.hasPrefix(#"t.pqr:4:28: warning: in section 'S': no owner is "Brian Neal"; did you mean "Brian Neale"?"#), text)
    }
}
