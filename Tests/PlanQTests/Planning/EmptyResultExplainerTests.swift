import Foundation
import XCTest
@testable import PlanQ

/// The engine side of "say why a result is empty": every shipped example and the
/// headline query either return rows or explain themselves; the explanation never
/// changes the result; its work is bounded.
final class EmptyResultExplainerTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let datasets = root.appendingPathComponent("datasets").path
    static let fixture = root.appendingPathComponent("Tests/Fixtures/explain").path

    static let headline = #"indicators where theme = "Community Safety" and status = red group by owner"#

    func engine(_ dir: String) throws -> Engine {
        Engine(catalog: try DataDirectory.load(dir), today: CivilDate.parse("2009-06-30")?.days)
    }

    /// Every statement of every `Grammar/examples/*.pq` on the bundled plans: rows, a
    /// plan (explain) or an explanation that names a step. Whether a statement is empty
    /// depends on what `datasets/` holds, which changes as ingest improves; this does not.
    func testEveryShippedExampleReturnsRowsOrExplains() throws {
        let e = try engine(Self.datasets)
        let dir = Self.root.appendingPathComponent("Grammar/examples")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".pq") }.sorted()
        XCTAssertFalse(files.isEmpty)
        var statements = 0, empty = 0
        for f in files {
            let source = SourceText(name: f, text: try String(contentsOfFile: dir.appendingPathComponent(f).path, encoding: .utf8))
            for (i, r) in try e.run(source).enumerated() {
                statements += 1
                if r.explain != nil || r.table.rowCount > 0 { continue }
                empty += 1
                let why = try XCTUnwrap(r.emptyResult, "\(f) statement \(i + 1) returned no rows and no explanation")
                XCTAssertTrue(why.message.hasPrefix("0 rows: "), why.message)
                XCTAssertFalse(why.step.isEmpty, why.message)
            }
        }
        XCTAssertGreaterThan(statements, 30)
        print("examples: \(statements) statements, \(empty) empty, each explained")
    }

    /// The headline query on the bundled plans: rows, or an explanation naming a step of the query.
    func testHeadlineQueryOnBundledPlans() throws {
        let r = try XCTUnwrap(try engine(Self.datasets).run(SourceText(name: "<query>", text: Self.headline)).last)
        guard r.table.rowCount == 0 else { return }
        let why = try XCTUnwrap(r.emptyResult)
        XCTAssertTrue(why.step == #"where theme = "Community Safety""# || why.step == "where status = red", why.step)
        XCTAssertTrue(why.message.contains(why.step.dropFirst("where ".count)), why.message)
    }

    /// The explanation is computed after the result and from a fresh plan: the result
    /// (columns, rows) is the same with it on and off, and nothing is computed when off.
    func testExplanationNeverChangesTheResult() throws {
        let e = try engine(Self.fixture)
        for q in [Self.headline, "indicators join outcomes on plan, outcome_no", "indicators where actual > 100 sort by actual"] {
            e.explainsEmptyResults = true
            let on = try XCTUnwrap(try e.run(SourceText(name: "<query>", text: q)).last)
            e.explainsEmptyResults = false
            let off = try XCTUnwrap(try e.run(SourceText(name: "<query>", text: q)).last)
            XCTAssertNotNil(on.emptyResult, q)
            XCTAssertNil(off.emptyResult, q)
            XCTAssertEqual(on.table.columns.map(\.name), off.table.columns.map(\.name))
            XCTAssertEqual(on.table.rows, off.table.rows)
        }
        // A result with rows is never explained.
        e.explainsEmptyResults = true
        let rows = try XCTUnwrap(try e.run(SourceText(name: "<query>", text: "indicators where status = red")).last)
        XCTAssertEqual(rows.table.rowCount, 1)
        XCTAssertNil(rows.emptyResult)
    }

    /// Past its row budget the explainer gives up instead of re-running big tables.
    func testRowBudgetBoundsTheWork() throws {
        let catalog = try DataDirectory.load(Self.fixture)
        var binder = Binder(catalog: catalog, source: SourceText(name: "<query>", text: Self.headline), today: 0)
        let script = try Parser.parse(SourceText(name: "<query>", text: Self.headline))
        guard case .query(let q) = script.statements[0].kind else { return XCTFail("not a query") }
        let bound = try binder.bind(q)
        let ctx = ExecutionContext(today: 0)
        // Two re-runs of the 5-row table: the first conjunct, then the second.
        let full = EmptyResultExplainer(context: ctx, names: bound.names)
        XCTAssertNotNil(full.explain(bound.plan))
        XCTAssertEqual(full.rowsSpent, 5 * 3, "two counts and one profile of the 5-row table")
        let starved = EmptyResultExplainer(context: ctx, names: bound.names, rowBudget: 9)
        XCTAssertNil(starved.explain(bound.plan))
        XCTAssertLessThanOrEqual(starved.rowsSpent, 9)
    }

    /// Warnings only for quoted values a text column never holds: not for values it
    /// holds, not for bare words (those are errors), not for the empty string.
    func testLiteralWarningsOnlyWhereTheValueIsMissing() throws {
        let e = try engine(Self.fixture)
        func warnings(_ q: String) throws -> [String] {
            try XCTUnwrap(try e.run(SourceText(name: "<query>", text: q)).last).warnings.map(\.message)
        }
        XCTAssertEqual(try warnings(#"indicators where theme = "Community Safety""#), [])
        XCTAssertEqual(try warnings(#"indicators where theme = """#), [])
        XCTAssertEqual(try warnings(#"indicators where title contains "crime""#), [], "text matching takes patterns, not values")
        XCTAssertEqual(try warnings(#"indicators where "community safety" = theme"#),
                       [#"no theme is "community safety"; did you mean "Community Safety"?"#])
        XCTAssertEqual(try warnings(#"indicators where owner not in ("Sally Forth", "Sally Forht")"#),
                       [#"no owner is "Sally Forht"; did you mean "Sally Forth"?"#])
        XCTAssertEqual(try warnings(#"indicators where theme = "Jobs and the Economy" and owner = "D. Martin""#),
                       [#"no owner is "D. Martin""#])
        XCTAssertThrowsError(try e.run(SourceText(name: "<query>", text: "indicators where status = rde")))
    }
}
