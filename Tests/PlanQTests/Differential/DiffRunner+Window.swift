import Foundation
import GRDB
@testable import PlanQ

/// Judging window queries (``DiffWindowQuery``) against SQLite.
extension DiffRunner {
    func judge(_ w: DiffWindowQuery) -> (Verdict, Outcome, Outcome) {
        let p = runPlanq(text: w.planq)
        let s = runSQLite(sql: w.sql, types: w.outputTypes)
        return (Self.compare(w, p, s, runner: self), p, s)
    }

    func runPlanq(text: String) -> Outcome {
        do {
            let results = try engine.run(SourceText(name: "<diff>", text: text))
            guard let t = results.last?.table else { return .error("no result") }
            return .rows((0..<t.rowCount).map { r in t.columns.indices.map { DiffCell(planq: t.value(row: r, column: $0)) } })
        } catch {
            return .error("\(error)")
        }
    }

    func runSQLite(sql: String, types: [DiffType]) -> Outcome {
        do {
            let rows = try db.read { db in try Row.fetchAll(db, sql: sql) }
            return .rows(rows.map { row in row.databaseValues.enumerated().map { i, v in DiffCell(sqlite: v, i < types.count ? types[i] : .int) } })
        } catch {
            return .error("\(error)")
        }
    }

    static func compare(_ w: DiffWindowQuery, _ p: Outcome, _ s: Outcome, runner: DiffRunner) -> Verdict {
        // SQLite's sum() fails as soon as a running total leaves 64 bits; planq's only
        // when a value it returns does not fit. Accept SQLite-only overflow there.
        let intSums = w.windows.contains { $0.function == "sum" && $0.type == .int }
            || w.base.aggregates.contains { $0.function == "sum" && $0.type == .int }
        switch (p, s) {
        case (.error(let a), .error(let b)):
            if isOverflow(a) && isOverflow(b) { return .bothOverflow }
            return .mismatch("both failed: planq: \(a)\nsqlite: \(b)")
        case (.error(let a), .rows):
            if isOverflow(a) && runner.someRowOverflows(w.base) { return .planqOnlyOverflow }
            return .mismatch("planq failed, SQLite did not: \(a)")
        case (.rows, .error(let b)):
            if isOverflow(b) && intSums { return .windowSumOverflow }
            return .mismatch("SQLite failed, planq did not: \(b)")
        case (.rows(let a), .rows(let b)):
            var scale = w.base.table.largestDouble
            if w.windows.contains(where: { $0.function == "avg" || $0.function == "sum" }) {
                scale = max(scale, w.base.table.largestInt)
            }
            let tolerance = 1e-13 * scale * Double(max(w.base.table.rows.count, 1))
            return sameRows(a, b, ordered: false, absolute: tolerance)
        }
    }
}
