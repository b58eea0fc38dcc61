import XCTest
@testable import PlanQ

/// Every `Grammar/examples/*.pq` file must parse; the folder is the grammar's living documentation.
final class SyntaxGrammarExamplesTests: XCTestCase {
    /// The repository root, found from this file's path (Tests/PlanQTests/Syntax/<file>).
    private var repoRoot: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    private func exampleFiles() throws -> [URL] {
        let dir = repoRoot.appendingPathComponent("Grammar/examples")
        return try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "pq" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    func testEveryExampleParses() throws {
        let files = try exampleFiles()
        XCTAssertGreaterThanOrEqual(files.count, 12, "Grammar/examples should hold at least 12 .pq files")
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            let source = SourceText(name: "Grammar/examples/\(file.lastPathComponent)", text: text)
            do {
                let script = try Parser.parse(source)
                XCTAssertFalse(script.statements.isEmpty, "\(file.lastPathComponent) has no statements")
            } catch let d as Diagnostic {
                XCTFail(DiagnosticRenderer(color: false).render(d))
            }
        }
    }

    /// Examples must query the sample tables, so they stay runnable against the bundled data.
    func testExamplesUseOnlyKnownTables() throws {
        let sample: Set<String> = ["plans", "outcomes", "indicators", "actions", "risks", "national_indicators"]
        for file in try exampleFiles() {
            let script = try Parser.parse(SourceText(name: file.lastPathComponent,
                                                     text: try String(contentsOf: file, encoding: .utf8)))
            // A file may also query the results it names (`table red = ...`).
            var tables = sample
            for statement in script.statements {
                switch statement.kind {
                case .query(let q), .explain(let q), .explainAnalyze(let q):
                    XCTAssertTrue(tables.contains(q.table.name.lowercased()),
                                  "\(file.lastPathComponent): unknown table \(q.table.name)")
                case .define(let name, let q):
                    XCTAssertTrue(tables.contains(q.table.name.lowercased()),
                                  "\(file.lastPathComponent): unknown table \(q.table.name)")
                    tables.insert(name.name.lowercased())
                }
            }
        }
    }

    /// The five queries the grammar was designed around are present verbatim.
    func testCanonicalQueriesArePresent() throws {
        let all = try exampleFiles().map { try String(contentsOf: $0, encoding: .utf8) }.joined(separator: "\n")
        for q in [
            #"indicators where theme = "Community Safety" and status = red group by owner"#,
            "indicators where status in (red, amber) group by theme, owner aggregate count() as n, avg(target) sort by n desc limit 5",
            #"actions where due < date "2009-04-01" and status != green let overdue_days = days_between(due, today) select ref, action, owner, overdue_days"#,
            "risks group by theme pivot status",
            "indicators join outcomes on plan, outcome_no select indicators.theme, code, title, outcomes.owner",
        ] {
            XCTAssertTrue(all.contains(q), "missing example: \(q)")
        }
    }
}
