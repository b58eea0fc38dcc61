import Foundation
import XCTest
@testable import PlanQ

/// Every statement of every `Grammar/examples/*.pq` file either returns rows on the
/// bundled plans or says why it returns none, in a comment just above it containing
/// "no rows" (e.g. `-- No rows on the bundled plans: no risk is rated red and likely.`).
final class GrammarExamplesRowsTests: XCTestCase {
    func testEveryExampleReturnsRowsOrSaysWhyNot() throws {
        let root = BundledPlanTests.root
        let catalog = try DataDirectory.load(root.appendingPathComponent("datasets").path)
        let dir = root.appendingPathComponent("Grammar/examples")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".pq") }.sorted()
        XCTAssertGreaterThanOrEqual(files.count, 12)
        var statements = 0
        for f in files {
            let text = try String(contentsOf: dir.appendingPathComponent(f), encoding: .utf8)
            let source = SourceText(name: f, text: text)
            let script = try Parser.parse(source)
            // Each file gets its own catalog: names it defines must not leak into the next.
            let results = try Engine(catalog: catalog.copy(), today: BundledPlanTests.today).run(source)
            XCTAssertEqual(results.count, script.statements.count, f)
            let lines = text.components(separatedBy: "\n")
            for (statement, result) in zip(script.statements, results) {
                statements += 1
                if result.defined != nil || result.explain != nil || result.table.rowCount > 0 { continue }
                let (line, _) = DiagnosticRenderer.position(of: statement.span.start, in: source)
                // The comment lines directly above the statement.
                var i = line - 2
                var comment = ""
                while i >= 0, lines[i].trimmingCharacters(in: .whitespaces).hasPrefix("--") {
                    comment += lines[i].lowercased()
                    i -= 1
                }
                XCTAssertTrue(comment.contains("no rows"),
                              "\(f):\(line): returns no rows on the bundled plans and no comment above it says why")
            }
        }
        XCTAssertGreaterThan(statements, 20)
    }
}
