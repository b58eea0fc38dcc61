@testable import PlanQ

/// Random window queries over a ``DiffTable`` (see ``DiffWindowQuery``): one to
/// three windows per query, each a ranking, offset or aggregate function with
/// zero to two partition keys and zero to two sort keys, over the table's rows or
/// over the groups of a `group by`, after an optional filter.
///
/// Functions whose value depends on the order among rows that tie on the sort
/// keys (`row_number`, `lag`, `lead`, `first`, `last`) always get every column as
/// further sort keys: rows that still tie are identical, so any order among them
/// gives the same multiset of result rows.
struct DiffWindowGenerator {
    var rows: DiffQueryGenerator

    init(random: SeededRandom) {
        rows = DiffQueryGenerator(random: random)
    }

    static let rankings = ["row_number", "rank", "dense_rank"]
    static let offsets = ["lag", "lead", "first", "last"]
    static let aggregates = ["sum", "avg", "count", "min", "max"]

    mutating func query(_ t: DiffTable) -> DiffWindowQuery {
        // Prime the row generator's text values for bare words in filters.
        _ = rows.query(t, joinWith: nil)
        var base = DiffQuery(table: t)
        var cols = t.columns.map { DiffExpr.column($0.name, $0.type) }
        if rows.random.chance(0.7) { base.filter = rows.predicate(cols, depth: rows.random.int(0...2)) }
        if rows.random.chance(0.25) {
            // Windows over groups: `share of the total` and friends.
            base.grouped = true
            let keyable = cols.filter { $0.type != .double }
            let k = keyable.isEmpty ? cols[0] : rows.random.pick(keyable)
            base.keys = [k]
            if rows.random.chance(0.4), let k2 = keyable.filter({ $0.sql != k.sql }).randomElement(using: &rows.random) {
                base.keys.append(k2)
            }
            base.aggregates = [DiffQuery.Aggregate(function: "count", argument: nil)]
            if let n = cols.filter(\.type.isNumeric).randomElement(using: &rows.random) {
                base.aggregates.append(DiffQuery.Aggregate(function: rows.random.pick(["sum", "min", "max"]), argument: n))
            }
            cols = base.keys.enumerated().map { DiffExpr.column("k\($0)", $1.type) }
                + base.aggregates.enumerated().map { DiffExpr.column("v\($0)", $1.type) }
        }
        let windows = (0..<rows.random.int(1...3)).map { _ in window(cols) }
        return DiffWindowQuery(base: base, columns: cols, windows: windows)
    }

    mutating func window(_ cols: [DiffExpr]) -> DiffWindowQuery.Window {
        let kind = rows.random.int(0...2)
        let function = rows.random.pick(kind == 0 ? Self.rankings : kind == 1 ? Self.offsets : Self.aggregates)
        var w = DiffWindowQuery.Window(function: function, argument: nil, offset: nil, partition: [], sort: [])
        let ordered = cols.filter(\.type.isOrdered)
        let numeric = cols.filter(\.type.isNumeric)
        switch function {
        case "lag", "lead", "first", "last":
            w.argument = rows.random.pick(cols)
            if function == "lag" || function == "lead", rows.random.chance(0.5) { w.offset = rows.random.int(0...3) }
        case "sum", "avg":
            if let n = numeric.randomElement(using: &rows.random) {
                w.argument = rows.random.chance(0.2) ? (rows.numeric(cols, depth: 1) ?? n) : n
            } else {
                w.function = "count"
            }
        case "min", "max":
            if let o = ordered.randomElement(using: &rows.random) { w.argument = o } else { w.function = "count" }
        case "count":
            if rows.random.chance(0.6) { w.argument = rows.random.pick(cols) }
        default:
            break
        }
        let keyable = cols.filter { $0.type != .double || rows.random.chance(0.3) }
        for _ in 0..<rows.random.pick([0, 1, 1, 1, 2]) {
            if let k = keyable.randomElement(using: &rows.random), !w.partition.contains(where: { $0.sql == k.sql }) {
                w.partition.append(k)
            }
        }
        // Rankings need an order to mean anything; aggregates are whole-partition without one.
        let sortCount = w.orderSensitive || kind == 0 ? rows.random.pick([1, 1, 2]) : rows.random.pick([0, 0, 1, 2])
        for _ in 0..<sortCount {
            if let k = ordered.randomElement(using: &rows.random) {
                w.sort.append(DiffQuery.SortKey(expr: rows.random.chance(0.1) ? (rows.numeric(cols, depth: 1) ?? k) : k,
                                                descending: rows.random.chance(0.4)))
            }
        }
        if w.orderSensitive {
            w.sort += cols.map { DiffQuery.SortKey(expr: $0, descending: false) }
        }
        return w
    }
}
