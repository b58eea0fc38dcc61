import Foundation
import GRDB
@testable import PlanQ

/// Runs one ``DiffQuery`` on planq and on SQLite and judges the two outcomes.
struct DiffRunner {
    enum Outcome {
        case rows([[DiffCell]])
        case error(String)
    }

    enum Verdict: Equatable {
        case agree
        /// Both raised integer overflow (or planq did, and some row in scope overflows).
        case bothOverflow
        case planqOnlyOverflow
        /// SQLite overflowed computing a `let` that nothing uses (planq prunes it).
        case unusedLetOverflow
        /// SQLite's running integer `sum() over (...)` overflowed on the way to totals that fit
        /// (planq's window sums are exact and fail only when a value it returns does not fit).
        case windowSumOverflow
        case mismatch(String)
    }

    let db: DatabaseQueue
    let engine: Engine

    /// An SQLite database with the tables loaded and planq's arithmetic rules as functions.
    init(tables: [DiffTable]) throws {
        db = try DatabaseQueue()
        try db.write { db in
            Self.registerFunctions(db)
            for t in tables { try t.load(into: db) }
        }
        let catalog = Catalog()
        for t in tables { catalog.add(t.planqTable()) }
        engine = Engine(catalog: catalog, today: CivilDate(year: 2009, month: 6, day: 30).days)
    }

    struct Overflow: Error, CustomStringConvertible { var description: String { "integer overflow" } }

    /// planq's documented arithmetic as SQL functions: integer `+ - *`, `//`, `abs`
    /// raise on overflow; `/` divides as doubles; a zero divisor gives null.
    static func registerFunctions(_ db: Database) {
        func ints(_ name: String, _ f: @escaping (Int64, Int64) throws -> Int64?) {
            db.add(function: DatabaseFunction(name, argumentCount: 2, pure: true) { v in
                guard let a = Int64.fromDatabaseValue(v[0]), let b = Int64.fromDatabaseValue(v[1]) else { return nil }
                return try f(a, b)
            })
        }
        func check(_ r: (Int64, Bool)) throws -> Int64 { if r.1 { throw Overflow() }; return r.0 }
        ints("pq_add") { try check($0.addingReportingOverflow($1)) }
        ints("pq_sub") { try check($0.subtractingReportingOverflow($1)) }
        ints("pq_mul") { try check($0.multipliedReportingOverflow(by: $1)) }
        ints("pq_idiv") { a, b in
            if b == 0 { return nil }
            return try check(a.dividedReportingOverflow(by: b))
        }
        ints("pq_mod") { a, b in b == 0 ? nil : b == -1 ? 0 : a % b }
        db.add(function: DatabaseFunction("pq_abs", argumentCount: 1, pure: true) { v in
            guard let a = Int64.fromDatabaseValue(v[0]) else { return nil }
            if a == Int64.min { throw Overflow() }
            return Swift.abs(a)
        })
        // planq's text functions (Swift's Unicode case mapping; trim takes whitespace and newlines).
        for (name, f) in [("pq_lower", { (s: String) in s.lowercased() }), ("pq_upper", { $0.uppercased() }),
                          ("pq_trim", { $0.trimmingCharacters(in: .whitespacesAndNewlines) })] {
            db.add(function: DatabaseFunction(name, argumentCount: 1, pure: true) { v in
                String.fromDatabaseValue(v[0]).map(f)
            })
        }
        db.add(function: DatabaseFunction("pq_sum", argumentCount: 1, pure: true, aggregate: ExactIntSum.self))
        // Months added with the day clamped to the new month's length (planq's rule; SQLite's
        // date(d, '+1 months') overflows into the next month instead).
        db.add(function: DatabaseFunction("pq_add_months", argumentCount: 2, pure: true) { v in
            guard let s = String.fromDatabaseValue(v[0]), let n = Int.fromDatabaseValue(v[1]) else { return nil }
            let parts = s.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 3 else { return nil }
            let total = parts[0] * 12 + (parts[1] - 1) + n
            let y = total / 12, m = total % 12 + 1
            let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
            let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
            return String(format: "%04d-%02d-%02d", y, m, min(parts[2], days))
        })
        db.add(function: DatabaseFunction("pq_div", argumentCount: 2, pure: true) { v in
            guard let a = Double.fromDatabaseValue(v[0]), let b = Double.fromDatabaseValue(v[1]), b != 0 else { return nil }
            return a / b
        })
        db.add(function: DatabaseFunction("pq_fmod", argumentCount: 2, pure: true) { v in
            guard let a = Double.fromDatabaseValue(v[0]), let b = Double.fromDatabaseValue(v[1]), b != 0 else { return nil }
            return a.truncatingRemainder(dividingBy: b)
        })
    }

    /// planq's integer `sum`: exact, an error only when the total does not fit in 64
    /// bits (SQLite's own `sum` fails as soon as a running total overflows).
    struct ExactIntSum: DatabaseAggregate {
        var sum: Int64 = 0, wraps: Int64 = 0, any = false

        mutating func step(_ values: [DatabaseValue]) throws {
            guard let x = Int64.fromDatabaseValue(values[0]) else { return }
            let (r, o) = sum.addingReportingOverflow(x)
            if o { wraps += x > 0 ? 1 : -1 }
            sum = r
            any = true
        }

        func finalize() throws -> (any DatabaseValueConvertible)? {
            if wraps != 0 { throw Overflow() }
            return any ? sum : nil
        }
    }

    func runPlanq(_ q: DiffQuery) -> Outcome {
        do {
            let results = try engine.run(SourceText(name: "<diff>", text: q.planq))
            guard let t = results.last?.table else { return .error("no result") }
            return .rows((0..<t.rowCount).map { r in t.columns.indices.map { DiffCell(planq: t.value(row: r, column: $0)) } })
        } catch {
            return .error("\(error)")
        }
    }

    func runSQLite(_ q: DiffQuery) -> Outcome {
        let types = q.outputTypes
        do {
            let rows = try db.read { db in try Row.fetchAll(db, sql: q.sql) }
            return .rows(rows.map { row in row.databaseValues.enumerated().map { i, v in DiffCell(sqlite: v, i < types.count ? types[i] : .int) } })
        } catch {
            return .error("\(error)")
        }
    }

    func judge(_ q: DiffQuery) -> (Verdict, Outcome, Outcome) {
        let p = runPlanq(q), s = runSQLite(q)
        return (Self.compare(q, p, s, runner: self), p, s)
    }

    static func isOverflow(_ message: String) -> Bool { message.lowercased().contains("overflow") }

    static func compare(_ q: DiffQuery, _ p: Outcome, _ s: Outcome, runner: DiffRunner) -> Verdict {
        switch (p, s) {
        case (.error(let a), .error(let b)):
            if isOverflow(a) && isOverflow(b) { return .bothOverflow }
            return .mismatch("both failed: planq: \(a)\nsqlite: \(b)")
        case (.error(let a), .rows):
            // planq evaluates whole batches, so it may meet an overflowing row that
            // SQLite's row-at-a-time evaluation short-circuits past: accept when such a row exists.
            if isOverflow(a) && runner.someRowOverflows(q) { return .planqOnlyOverflow }
            return .mismatch("planq failed, SQLite did not: \(a)")
        case (.rows(let a), .error(let b)):
            // planq prunes a `let` nothing uses, so it never computes (or overflows on) it.
            if isOverflow(b), q.letBinding != nil {
                var bare = q
                bare.letBinding = nil
                if case .rows(let r) = runner.runSQLite(bare), sameRows(a, r, ordered: q.ordered, absolute: 0) == .agree {
                    return .unusedLetOverflow
                }
            }
            return .mismatch("SQLite failed, planq did not: \(b)")
        case (.rows(let a), .rows(let b)):
            // Sums of doubles differ in their last bits with the order of addition (SQLite adds
            // plainly, planq compensates); so do averages of huge integers (summed as doubles).
            var scale = max(q.table.largestDouble, q.join?.table.largestDouble ?? 0)
            if q.aggregates.contains(where: { $0.function == "avg" || ($0.function == "sum" && $0.type == .double) }) {
                scale = max(scale, q.table.largestInt, q.join?.table.largestInt ?? 0)
            }
            let tolerance = 1e-13 * scale * Double(max(q.table.rows.count, 1))
            return sameRows(a, b, ordered: q.ordered, absolute: tolerance)
        }
    }

    /// Whether evaluating the query's arithmetic or integer sums over every row overflows.
    func someRowOverflows(_ q: DiffQuery) -> Bool {
        var exprs: [DiffExpr] = []
        func collect(_ e: DiffExpr) {
            switch e {
            case .arith(_, let a, let b): exprs.append(e); collect(a); collect(b)
            case .abs(let a): exprs.append(e); collect(a)
            case .compare(_, let a, let b), .and(let a, let b), .or(let a, let b), .coalesce(let a, let b): collect(a); collect(b)
            case .textFunction(_, let a): collect(a)
            case .not(let a), .isNull(let a, _), .textMatch(_, let a, _, _): collect(a)
            case .inList(let a, _, _), .between(let a, _, _, _): collect(a)
            default: break
            }
        }
        [q.letBinding, q.filter, q.top?.by].compactMap { $0 }.forEach(collect)
        (q.select ?? []).forEach(collect)
        q.sort.forEach { collect($0.expr) }
        q.aggregates.compactMap(\.argument).forEach(collect)
        let from = q.sqlFrom
        var probes = exprs.map { "SELECT \($0.sql) FROM \(from)" }
        // planq totals every group before `sort`/`limit` choose some; SQLite may finish only those it emits.
        let wherePart = q.filter.map { " WHERE \($0.sql)" } ?? ""
        let groupPart = q.keys.isEmpty ? "" : " GROUP BY " + q.keys.map(\.sql).joined(separator: ", ")
        for a in q.aggregates where (a.function == "sum" || a.function == "sum_if") && a.type == .int {
            probes.append("SELECT \(a.sql) FROM \(from)\(wherePart)\(groupPart)")
        }
        for sql in probes {
            do { _ = try db.read { db in try Row.fetchAll(db, sql: sql) } } catch {
                if Self.isOverflow("\(error)") { return true }
            }
        }
        return false
    }

    static func sameRows(_ a: [[DiffCell]], _ b: [[DiffCell]], ordered: Bool, absolute: Double) -> Verdict {
        if a.count != b.count { return .mismatch("row counts differ: planq \(a.count), SQLite \(b.count)") }
        func rowMatch(_ x: [DiffCell], _ y: [DiffCell]) -> Bool {
            x.count == y.count && zip(x, y).allSatisfy { $0.matches($1, absolute: absolute) }
        }
        if ordered {
            for (i, (x, y)) in zip(a, b).enumerated() where !rowMatch(x, y) {
                return .mismatch("row \(i) differs: planq \(x), SQLite \(y)")
            }
            return .agree
        }
        func key(_ r: [DiffCell]) -> String { r.map(\.sortKey).joined(separator: "\u{1}") }
        // Keys computed once per row (formatting them inside the comparator made big joins crawl).
        func sortedByKey(_ rows: [[DiffCell]]) -> [[DiffCell]] {
            rows.map { (key($0), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
        }
        let sa = sortedByKey(a), sb = sortedByKey(b)
        if zip(sa, sb).allSatisfy(rowMatch) { return .agree }
        // Rounded keys can order near-equal numbers differently: fall back to matching row by
        // row, within buckets of rows that agree exactly on their non-double cells.
        func exactKey(_ r: [DiffCell]) -> String {
            r.map { if case .double = $0 { return "d" } else { return $0.sortKey } }.joined(separator: "\u{1}")
        }
        var buckets: [String: [[DiffCell]]] = [:]
        for y in sb { buckets[exactKey(y), default: []].append(y) }
        for x in sa {
            let k = exactKey(x)
            guard let j = buckets[k]?.firstIndex(where: { rowMatch(x, $0) }) else {
                return .mismatch("planq row \(x) has no match in SQLite's rows")
            }
            buckets[k]?.remove(at: j)
        }
        return .agree
    }
}
