/// A generated window query: `t [where F] [group by ... aggregate ...] let w0 = f(...) over (...), ...`,
/// rendered as planq and as the SQLite SQL that planq's documented window rules
/// must agree with (compared as a multiset of rows: planq keeps input order, SQL
/// gives none).
///
/// The rules spelled out on the SQL side: null sort keys last in both directions
/// (`NULLS LAST`); `first`/`last` cover the whole partition (`ROWS BETWEEN UNBOUNDED
/// PRECEDING AND UNBOUNDED FOLLOWING`); aggregates over a sorted window use SQL's
/// default frame (running to the end of the current row's peers), as SQLite does.
struct DiffWindowQuery {
    struct Window {
        /// planq's function name (`row_number`, `lag`, `sum`, ...).
        var function: String
        var argument: DiffExpr?
        /// `lag`/`lead`'s row count when written.
        var offset: Int?
        var partition: [DiffExpr]
        var sort: [DiffQuery.SortKey]

        /// Functions whose value depends on the order of rows that tie on the sort keys.
        var orderSensitive: Bool { ["row_number", "lag", "lead", "first", "last"].contains(function) }

        var type: DiffType {
            switch function {
            case "row_number", "rank", "dense_rank", "count": return .int
            case "avg": return .double
            default: return argument?.type ?? .int
            }
        }

        var planq: String {
            var args = argument?.planq ?? ""
            if let k = offset { args += ", \(k)" }
            var over: [String] = []
            if !partition.isEmpty { over.append("per " + partition.map(\.planq).joined(separator: ", ")) }
            if !sort.isEmpty {
                over.append("sort by " + sort.map { "\($0.expr.planq)\($0.descending ? " desc" : "")" }.joined(separator: ", "))
            }
            return "\(function)(\(args)) over (\(over.joined(separator: " ")))"
        }

        var sql: String {
            var args = argument?.sql ?? (function == "count" ? "*" : "")
            if let k = offset { args += ", \(k)" }
            let name = ["first": "first_value", "last": "last_value"][function] ?? function
            var over: [String] = []
            if !partition.isEmpty { over.append("PARTITION BY " + partition.map(\.sql).joined(separator: ", ")) }
            if !sort.isEmpty {
                over.append("ORDER BY " + sort.map { "\($0.expr.sql)\($0.descending ? " DESC" : "") NULLS LAST" }.joined(separator: ", "))
            }
            if function == "first" || function == "last" {
                over.append("ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING")
            }
            return "\(name)(\(args)) OVER (\(over.joined(separator: " ")))"
        }
    }

    /// The table, filter and (optionally) grouping, reused for overflow probes.
    var base: DiffQuery
    /// The columns the windows see (the table's, or the grouping's `k0..`, `v0..`).
    var columns: [DiffExpr]
    var windows: [Window]

    var outputTypes: [DiffType] { columns.map(\.type) + windows.map(\.type) }

    var planq: String {
        var s = base.table.name
        if let f = base.filter { s += " where \(f.planq)" }
        if base.grouped {
            let keys = base.keys.enumerated().map { "\($1.planq) as k\($0)" }.joined(separator: ", ")
            let aggs = base.aggregates.enumerated().map { "\($1.planq) as v\($0)" }.joined(separator: ", ")
            s += " group by \(keys) aggregate \(aggs)"
        }
        return s + " let " + windows.enumerated().map { "w\($0) = \($1.planq)" }.joined(separator: ", ")
    }

    var sql: String {
        let wherePart = base.filter.map { " WHERE \($0.sql)" } ?? ""
        var from = "\"\(base.table.name)\"\(wherePart)"
        if base.grouped {
            let cols = base.keys.enumerated().map { "\($1.sql) AS k\($0)" } + base.aggregates.enumerated().map { "\($1.sql) AS v\($0)" }
            from = "(SELECT \(cols.joined(separator: ", ")) FROM \(from) GROUP BY \(base.keys.map(\.sql).joined(separator: ", ")))"
        }
        let outs = columns.map(\.sql) + windows.map(\.sql)
        return "SELECT \(outs.joined(separator: ", ")) FROM \(from)"
    }
}
