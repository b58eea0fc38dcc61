import XCTest
@testable import PlanQ

/// Rendered reports: numbers on the bundled plans checked against an independent
/// count of the CSV files, and every section on the fixture dataset.
final class ReportRenderTests: XCTestCase {
    typealias S = ReportTestSupport
    let md = MarkdownContentType()

    /// planq's RAG matrix cell in Markdown: `0`, or the count with its marker and word.
    func matrixCell(_ n: Int, _ status: RagStatus) -> String {
        n == 0 ? "0" : "\(status.emoji) \(n) \(status.label.lowercased())"
    }

    func testBundledRagSummaryMatchesAnIndependentCount() throws {
        let result = try S.run("scrutiny-pack", data: S.datasets)
        let doc = try ReportRenderer.render(result, format: .markdown)
        var counts: [String: [Int]] = [:]
        var order: [String] = []
        for row in try S.csvRows(S.datasets + "/indicators.csv") {
            let theme = (row["theme"] ?? "").isEmpty ? "(no theme)" : row["theme"] ?? ""
            if counts[theme] == nil { order.append(theme); counts[theme] = [0, 0, 0, 0] }
            let k = ["red": 0, "amber": 1, "green": 2][(row["status"] ?? "").lowercased()] ?? 3
            counts[theme]?[k] += 1
        }
        XCTAssertFalse(order.isEmpty)
        for theme in order {
            let c = counts[theme] ?? []
            let line = "| \(md.escapeText(theme)) | \(matrixCell(c[0], .red)) | \(matrixCell(c[1], .amber)) | "
                + "\(matrixCell(c[2], .green)) | \(matrixCell(c[3], .notStated)) | \(c.reduce(0, +)) | "
            XCTAssertTrue(doc.contains(line), "missing RAG row:\n\(line)")
        }
        let table = S.parts(result, "RAG summary by theme").first?.table
        XCTAssertEqual(table?.rowCount, order.count)
    }

    func testBundledExceptionListHasEveryRedIndicator() throws {
        let result = try S.run("scrutiny-pack", data: S.datasets)
        let doc = try ReportRenderer.render(result, format: .markdown)
        let red = try S.csvRows(S.datasets + "/indicators.csv").filter { $0["status"]?.lowercased() == "red" && $0["latest"] == "true" }
        let rows = S.strings(S.parts(result, "Exception list: red indicators").first)
        XCTAssertEqual(rows.count, red.count)
        for r in red {
            let target = Double(r["target"] ?? ""), actual = Double(r["actual"] ?? "")
            let gap = zip2(actual, target).map { Value.format((($0 - $1) * 100).rounded() / 100) } ?? ""
            let arrow = ["improving": "↑ improving", "worse": "↓ worse", "same": "→ same"][r["direction"] ?? ""] ?? ""
            let cells = [r["plan"], r["code"], r["title"], r["owner"], r["polarity"]].map { md.escapeText($0 ?? "") }
                + [target.map(Value.format) ?? "", actual.map(Value.format) ?? "", gap, "🔴 Red",
                   md.escapeText(r["status_period"] ?? ""), md.escapeText(r["status_source"] ?? ""), arrow,
                   md.escapeText("\(r["status_document"] ?? ""):\(r["status_line"] ?? "")")]
            let line = "| " + cells.joined(separator: " | ") + " |"
            XCTAssertTrue(doc.contains(line), "missing exception row:\n\(line)")
        }
    }

    /// The red statuses the bundled papers state, found by reading the seed documents (not
    /// planq's output): the one indicator the 2007/08 Q4 progress report names as red now, the
    /// four it says were red a year earlier, and the action it says was red in the report before. Each must be in the scrutiny pack, with its
    /// period and the paper and line that state it, and the current one in `indicators`.
    static let redsInThePapers: [(line: Int, words: String, period: String, current: Bool)] = [
        (2414, "qualification at level 4 or above", "2007/08 Q4", true),
        (2373, "not in education, employment or training", "2006/07 Q3", false),
        (2450, "reduction of young people not in education", "2006/07", false),
        (2452, "teenage pregnancies", "2006/07", false),
        (2454, "permanently excluded pupils offered full time education", "2006/07", false),
        (2391, "reduce under 18 conception rate", "2007/08 Q3", false),
    ]

    func testEveryRedStatusThePapersStateIsInTheScrutinyPack() throws {
        let seed = S.root.deletingLastPathComponent().appendingPathComponent("shared/seeds/003_8ccf164a1c1c65b7.txt")
        let lines = try String(contentsOf: seed, encoding: .utf8).components(separatedBy: "\n")
        let result = try S.run("scrutiny-pack", data: S.datasets)
        let current = S.strings(S.parts(result, "Exception list: red indicators").first)
        let history = S.strings(S.parts(result, "Red in the status history").first)
        for red in Self.redsInThePapers {
            // The statement is in the paper, and says red.
            // The statement names the indicator on its line and says red there or just above it.
            let text = lines[red.line - 1].lowercased()
            let near = lines[max(0, red.line - 3)..<red.line].joined(separator: " ").lowercased()
            XCTAssertTrue(text.contains(red.words.lowercased()) && near.contains(" red"), "003:\(red.line) no longer states \(red.words)")
            let inHistory = history.filter { row in row.contains { $0.lowercased().contains(red.words.lowercased()) } }
            XCTAssertTrue(inHistory.contains { $0.contains(red.period) && $0.contains("003_8ccf164a1c1c65b7") && $0.contains(String(red.line)) },
                          "red '\(red.words)' (\(red.period), 003:\(red.line)) missing from the status history section: \(inHistory)")
            let inCurrent = current.contains { row in row.contains { $0.lowercased().contains(red.words.lowercased()) } }
            XCTAssertEqual(inCurrent, red.current, "\(red.words) in the exception list of current reds")
        }
        // `indicators where status = red` returns the current one with its period and source.
        let catalog = try DataDirectory.load(S.datasets)
        let r = try XCTUnwrap(try Engine(catalog: catalog, today: nil).run(SourceText(name: "<q>", text:
            "indicators where status = red select title, actual, target, status_period, status_source, status_document, status_line")).last).table
        XCTAssertEqual(r.rowCount, 1)
        XCTAssertTrue(r.value(row: 0, column: 0).description.contains("level 4 or above"))
        XCTAssertEqual((1..<7).map { r.value(row: 0, column: $0).description }, ["62", "69", "2007/08 Q4", "reported", "003_8ccf164a1c1c65b7", "2414"])
    }

    func zip2(_ a: Double?, _ b: Double?) -> (Double, Double)? {
        guard let a, let b else { return nil }
        return (a, b)
    }

    func testStatedTalliesDegradeWhenTheTableIsAbsent() throws {
        let result = try S.run("scrutiny-pack", data: S.datasets)
        let stated = S.parts(result, "Stated tallies beside planq's counts").last
        if try DataDirectory.load(S.datasets).table("status_counts") == nil {
            XCTAssertNil(stated?.table)
            XCTAssertEqual(stated?.skipped, "This dataset has no status_counts table, so this part is not shown.")
            let html = try ReportRenderer.render(result, format: .html)
            XCTAssertTrue(html.contains("<p class=\"skipped\">This dataset has no status_counts table"), html)
        } else {
            XCTAssertNotNil(stated?.table)
        }
        let fixture = try S.run("scrutiny-pack", data: S.fixture)
        let own = S.strings(S.parts(fixture, "Stated tallies beside planq's counts").last)
        XCTAssertEqual(own.map { Array($0.prefix(8)) },
                       [["fixture-city-2008-09", "2008/09 Q4", "indicators", "3", "2", "4", "", "9"],
                        ["fixture-city-2008-09", "2008/09 Q4", "actions", "2", "1", "1", "1", "5"],
                        ["fixture-county-2008-11", "2008/09", "indicators", "1", "1", "1", "", "3"]])
        let doc = try ReportRenderer.render(fixture, format: .markdown)
        XCTAssertTrue(doc.contains("| fixture-city-2008-09 | 2008/09 Q4 | actions | 🔴 2 red | 🟠 1 amber | 🟢 1 green | 1 | 5 | fixture-city.txt:301 |"), doc)
    }

    func testFixtureScrutinyPackEverySection() throws {
        let r = try S.run("scrutiny-pack", data: S.fixture)
        XCTAssertEqual(S.strings(S.parts(r, "RAG summary by theme").first),
                       [["Community Safety", "2", "2", "2", "1"], ["Health", "1", "1", "1", "0"], ["Economy", "1", "0", "1", "1"]])
        XCTAssertEqual(S.strings(S.parts(r, "Stated tallies beside planq's counts").first),
                       [["fixture-city-2008-09", "3", "2", "3", "1"], ["fixture-county-2008-11", "1", "1", "1", "1"]])
        XCTAssertEqual(S.strings(S.parts(r, "How statuses were decided").first),
                       [["stated", "3", "3", "3", "0"], ["derived", "1", "0", "1", "0"], ["", "0", "0", "0", "2"]])
        let exceptions = S.strings(S.parts(r, "Exception list: red indicators").first)
        XCTAssertEqual(exceptions.map { [$0[1], $0[3], $0[7]] },
                       [["NI 15", "Ann Lee", "4"], ["NI 151", "Ann Lee", "-2.7"], ["NI 39", "Cat Moss", "-9"], ["NI 17", "Bob Ray", "4"]])
        let overdue = S.strings(S.parts(r, "Actions overdue as of the report date").first)
        XCTAssertEqual(overdue.map { [$0[0], $0[1], $0[6]] },
                       [["fixture-city-2008-09", "1.1", "90"], ["fixture-city-2008-09", "1.2", "59"],
                        ["fixture-city-2008-09", "2.1", "31"], ["fixture-county-2008-11", "1.1", "30"],
                        ["fixture-county-2008-11", "2.2", "16"]])
        let risks = S.strings(S.parts(r, "Risks rated high or red").first)
        XCTAssertEqual(risks.map { $0[2] }, ["CCTV funding withdrawn", "Employer partners pull out",
                                             "Partners withdraw from the ASB protocol", "Leisure centre closes",
                                             "Clinic staff cannot be recruited", "Recession reduces new businesses"])
        let owners = S.parts(r, "Owners with most red items").map(S.strings)
        XCTAssertEqual(owners, [[["Ann Lee", "2"], ["Bob Ray", "1"], ["Cat Moss", "1"]],
                                [["Ann Lee", "2"], ["Dan Wu", "1"], ["Fay Gill", "1"]],
                                [["Ann Lee", "2"], ["Bob Ray", "1"], ["Fay Gill", "1"]]])
    }

    func testOverdueFollowsTheAsOfParameter() throws {
        let r = try S.run("scrutiny-pack", data: S.fixture, [("as_of", "2009-02-01")])
        let overdue = S.strings(S.parts(r, "Actions overdue as of the report date").first)
        XCTAssertEqual(overdue.map { [$0[1], $0[6]] }, [["1.1", "32"], ["1.2", "1"]])
        XCTAssertEqual(r.asOf.description, "2009-02-01")
    }

    func testFixtureThemeProfileAndPlanSummary() throws {
        let t = try S.run("theme-profile", data: S.fixture, [("theme", "Health")])
        XCTAssertEqual(t.title, "Theme profile: Health")
        XCTAssertEqual(S.strings(S.parts(t, "Outcomes").first).map { $0[2] }, ["Healthier lives", "Active communities"])
        XCTAssertEqual(S.strings(S.parts(t, "Indicators").first).map { $0[2] }, ["NI 120", "NI 39", "NI 40"])
        XCTAssertEqual(S.strings(S.parts(t, "Risks").first).map { $0[4] }, ["red", "amber"])
        let p = try S.run("plan-summary", data: S.fixture)
        XCTAssertEqual(S.parts(p, "Counts per plan").map(S.strings),
                       [[["fixture-city-2008-09", "3"], ["fixture-county-2008-11", "3"]],
                        [["fixture-city-2008-09", "9"], ["fixture-county-2008-11", "4"]],
                        [["fixture-city-2008-09", "5"], ["fixture-county-2008-11", "4"]],
                        [["fixture-city-2008-09", "5"], ["fixture-county-2008-11", "3"]]])
        XCTAssertEqual(S.strings(S.parts(p, "Plans").first).count, 3)
    }

    func testHTMLEscapesDataAndIsSelfContained() throws {
        let html = try ReportRenderer.render(try S.run("scrutiny-pack", data: S.fixture), format: .html)
        XCTAssertTrue(html.contains("<td class=\"\">&lt;script&gt;alert(1)&lt;/script&gt;</td>"), "script title not escaped as text")
        XCTAssertFalse(html.lowercased().contains("<script"), "a <script> element reached the document")
        let profile = try ReportRenderer.render(try S.run("theme-profile", data: S.fixture), format: .html)
        XCTAssertTrue(profile.contains(">Dealing with local concerns | &quot;pipes&quot;</td>"))
        XCTAssertFalse(html.contains("src="), "the document must not load anything")
        XCTAssertFalse(html.contains("href=\"http"))
        for needle in ["@page { size: A4", "break-inside: avoid", "<nav aria-label=\"Contents\">", "<a href=\"#section-3\">",
                       "<td class=\" rag rag-red\">Red</td>", "<svg xmlns=", "As of</dt><dd>2009-03-31",
                       "<td class=\"source\">fixture-city.txt:130</td>", "RAG rule:</strong> Statuses are used as the data gives them"] {
            XCTAssertTrue(html.contains(needle), "missing \(needle)")
        }
    }

    func testMarkdownEscapesDataForGitHub() throws {
        let doc = try ReportRenderer.render(try S.run("scrutiny-pack", data: S.fixture), format: .markdown)
        XCTAssertTrue(doc.contains("| &lt;script&gt;alert(1)&lt;/script&gt; |"))
        let profile = try ReportRenderer.render(try S.run("theme-profile", data: S.fixture), format: .markdown)
        XCTAssertTrue(profile.contains("| Dealing with local concerns \\| \"pipes\" |"))
        XCTAssertTrue(doc.contains("1. [RAG summary by theme](#1-rag-summary-by-theme)"))
        XCTAssertTrue(doc.contains("| Ann Lee | 2 | ██████████████████████████████ |"))
    }

    func testQueryErrorNamesFileSectionAndPosition() throws {
        let text = "title: t\nparam p: text = \"x\"\nsection: Fine\nquery:\n  plans\nsection: Broken one\nquery:\n  indicators where plan = $p and statu = red\n"
        let def = try ReportParser.parse(SourceText(name: "bad.pqr", text: text))
        let runner = ReportRunner(definition: def, catalog: try DataDirectory.load(S.fixture), dataSource: S.fixture)
        XCTAssertEqual(renderedError { try runner.run() }, """
        bad.pqr:8:34: error: in section 'Broken one': unknown column 'statu'; did you mean 'status'?
          indicators where plan = $p and statu = red
                                         ^~~~~

        """)
        XCTAssertTrue(renderedError { try runner.run([("q", "1")]) }.hasPrefix("bad.pqr: error: the report has no parameter 'q'"))
    }
}
