/// One generated query over a ``DiffTable`` (optionally joined to a second one),
/// rendered as planq text and as the SQLite SQL that planq's documented rules
/// say must give the same rows.
struct DiffQuery {
    struct Aggregate {
        /// `count`, `count_distinct`, `sum`, `avg`, `min`, `max`.
        var function: String
        var argument: DiffExpr?
        /// The condition of `count_if`, `sum_if`, `avg_if`.
        var condition: DiffExpr? = nil
        /// `string_agg`'s separator.
        var separator: String? = nil

        var type: DiffType {
            switch function {
            case "count", "count_distinct", "count_if": return .int
            case "avg", "avg_if": return .double
            case "string_agg": return .text
            default: return argument?.type ?? .int
            }
        }
        var planq: String {
            let sep = separator.map { DiffExpr.planqLiteral(.text($0), .text) }
            return "\(function)(\([argument?.planq, condition?.planq, sep].compactMap { $0 }.joined(separator: ", ")))"
        }
        var sql: String { sql(onlyWhere: nil) }

        /// The aggregate's SQL, restricted to rows where `onlyWhere` holds (a pivot cell).
        func sql(onlyWhere cond: String?) -> String {
            // A conditional aggregate is its plain form over `CASE WHEN condition THEN x END`.
            let cond = [cond, condition?.sql].compactMap { $0 }.map { "(\($0))" }.joined(separator: " AND ")
                .nilIfEmpty
            if function == "count_if" { return "count(CASE WHEN \(cond ?? "1") THEN 1 END)" }
            func arg(_ e: String) -> String { cond.map { "CASE WHEN \($0) THEN \(e) END" } ?? e }
            guard let a0 = argument else { return cond.map { "count(CASE WHEN \($0) THEN 1 END)" } ?? "count(*)" }
            let a = DiffExpr.rawSQL(arg(a0.sql), a0.type)
            switch function {
            case "count_distinct": return "count(DISTINCT \(a.sql))"
            case "string_agg": return "group_concat(\(a.sql), \(DiffExpr.sqlLiteral(.text(separator ?? ","), .text)))"
            case "sum" where a.type == .int: return "pq_sum(\(a.sql))"
            case "sum_if" where a.type == .int: return "pq_sum(\(a.sql))"
            case "sum_if": return "sum(\(a.sql))"
            case "avg_if": return "avg(\(a.sql))"
            default: return "\(function)(\(a.sql))"
            }
        }
    }
    struct Join {
        var table: DiffTable; var left: Bool; var leftKey: String; var rightKey: String
        /// Computed keys (`on lower(a0) = upper(b0)`) in place of the plain columns.
        var leftExpr: DiffExpr? = nil
        var rightExpr: DiffExpr? = nil
        var planqOn: String { "\(leftExpr?.planq ?? leftKey) = \(rightExpr?.planq ?? rightKey)" }
        var sqlOn: String { "\(leftExpr?.sql ?? "\"\(leftKey)\"") = \(rightExpr?.sql ?? "\"\(rightKey)\"")" }
    }
    struct Top { var n: Int; var by: DiffExpr; var ascending: Bool; var per: DiffExpr? }
    struct SortKey { var expr: DiffExpr; var descending: Bool }

    var table: DiffTable
    var join: Join?
    /// A semi/anti join, `in (query)`, `union` or self-join (see ``DiffCombine``); such a
    /// query uses only `filter` and `select` besides.
    var combine: DiffCombine?
    var letBinding: DiffExpr?
    var filter: DiffExpr?
    // Row queries.
    var sort: [SortKey] = []
    var limit: Int?
    var top: Top?
    var select: [DiffExpr]?
    var distinct = false
    // Grouped queries (`grouped` with no keys means `aggregate ...` over the whole input).
    var grouped = false
    var keys: [DiffExpr] = []
    var aggregates: [Aggregate] = []
    /// `having vN op literal`.
    var having: DiffExpr?
    /// `pivot` on a RAG column: one output column per value (declared order) plus null.
    var pivot: DiffExpr?
    /// Sort of the grouped output, by output column position.
    var groupSort: [(position: Int, descending: Bool)] = []

    /// Every column the query can see, in planq's order (left table, right table, `let`).
    var visibleColumns: [DiffExpr] {
        var cols = table.columns.map { DiffExpr.column($0.name, $0.type) }
        if let j = join { cols += j.table.columns.map { DiffExpr.column($0.name, $0.type) } }
        if let l = letBinding { cols.append(.column("z", l.type)) }
        return cols
    }

    /// Whether any part of the query computes text (`coalesce`, `lower`, `upper`, `trim` on text).
    var computedText: Bool {
        var exprs: [DiffExpr] = [letBinding, filter, top?.by, top?.per, pivot].compactMap { $0 }
        exprs += keys + (select ?? []) + sort.map(\.expr) + aggregates.compactMap(\.argument)
        exprs += [join?.leftExpr, join?.rightExpr].compactMap { $0 }
        return exprs.contains(where: \.hasComputedText)
    }

    /// Output expressions (for grouped queries, the keys then one column per aggregate).
    var outputTypes: [DiffType] {
        if let c = combine { return c.outputTypes(self) }
        if grouped {
            if pivot != nil, let a = aggregates.first { return keys.map(\.type) + Array(repeating: a.type, count: 4) }
            return keys.map(\.type) + aggregates.map(\.type)
        }
        return (select ?? visibleColumns).map(\.type)
    }

    /// Whether the engines must agree on row order, not just on the multiset of rows.
    var ordered: Bool {
        if combine != nil { return false }
        // An average or double sum rounds differently in the two engines, so near-equal
        // values may sort either way: such a grouped result is compared as a multiset.
        if grouped { return !groupSort.isEmpty && !groupSort.contains { roundsDifferently($0.position) } }
        return join == nil && (!sort.isEmpty || limit != nil || (top != nil && top?.per == nil))
    }

    var planq: String {
        if let c = combine { return c.planq(self) }
        var s = table.name
        if let j = join { s += " \(j.left ? "left " : "")join \(j.table.name) on \(j.planqOn)" }
        if let l = letBinding { s += " let z = \(l.planq)" }
        if let f = filter { s += " where \(f.planq)" }
        if grouped {
            let aggs = aggregates.enumerated().map { "\($1.planq) as v\($0)" }.joined(separator: ", ")
            let keyList = keys.enumerated().map { "\($1.planq) as k\($0)" }.joined(separator: ", ")
            s += keys.isEmpty ? " aggregate \(aggs)" : " group by \(keyList) aggregate \(aggs)"
            if let p = pivot { s += " pivot \(p.planq)" }
            if let h = having { s += " having \(h.planq)" }
            if !groupSort.isEmpty {
                s += " sort by " + groupSort.map { "\(outputName($0.position))\($0.descending ? " desc" : "")" }.joined(separator: ", ")
            }
            if let n = limit { s += " limit \(n)" }
            return s
        }
        if !sort.isEmpty { s += " sort by " + sort.map { "\($0.expr.planq)\($0.descending ? " desc" : "")" }.joined(separator: ", ") }
        if let n = limit { s += " limit \(n)" }
        if let t = top {
            s += " top \(t.n) by \(t.by.planq)\(t.ascending ? " asc" : "")"
            if let p = t.per { s += " per \(p.planq)" }
        }
        if let sel = select { s += " select " + sel.enumerated().map { "\($1.planq) as o\($0)" }.joined(separator: ", ") }
        if distinct { s += " distinct" }
        return s
    }

    /// Whether output `position` is an aggregate whose last bits depend on summation order.
    func roundsDifferently(_ position: Int) -> Bool {
        guard position >= keys.count, position - keys.count < aggregates.count else { return false }
        let a = aggregates[position - keys.count]
        return a.type == .double && ["avg", "sum", "avg_if", "sum_if"].contains(a.function)
    }

    func outputName(_ position: Int) -> String {
        position < keys.count ? "k\(position)" : "v\(position - keys.count)"
    }

    /// The FROM source. A join is materialised first so SQLite cannot push the
    /// `where` below it (planq filters joined rows only, so only they can overflow);
    /// an OFFSET stops both flattening and predicate push-down.
    var sqlFrom: String {
        var from = "\"\(table.name)\""
        if let j = join {
            let cols = (["\"\(table.name)\".rid AS rid"] + visibleColumns.map(\.sql)).joined(separator: ", ")
            from = "(SELECT \(cols) FROM \(from) \(j.left ? "LEFT " : "")JOIN \"\(j.table.name)\" ON \(j.sqlOn) LIMIT -1 OFFSET 0)"
        }
        if let l = letBinding { from = "(SELECT *, \(l.sql) AS \"z\" FROM \(from))" }
        return from
    }

    var sql: String {
        if let c = combine { return c.sql(self) }
        let from = sqlFrom
        let rid = "rid"
        let wherePart = filter.map { " WHERE \($0.sql)" } ?? ""
        if grouped {
            var cols = keys.map(\.sql) + aggregates.enumerated().map { "\($1.sql) AS v\($0)" }
            if let p = pivot, let a = aggregates.first {
                cols = keys.map(\.sql) + (0..<3).map { a.sql(onlyWhere: "\(p.sql) = \($0)") } + [a.sql(onlyWhere: "\(p.sql) IS NULL")]
            }
            // string_agg joins in row order: SQLite's group_concat keeps the order of an ordered
            // subquery (an aggregate over it is never flattened), so feed it the rows by rid.
            let inRowOrder = aggregates.contains { $0.function == "string_agg" }
            var s = inRowOrder ? "SELECT \(cols.joined(separator: ", ")) FROM (SELECT * FROM \(from)\(wherePart) ORDER BY rid)"
                               : "SELECT \(cols.joined(separator: ", ")) FROM \(from)\(wherePart)"
            if !keys.isEmpty { s += " GROUP BY " + keys.map(\.sql).joined(separator: ", ") }
            if let h = having { s += " HAVING \(h.sql)" }
            if !groupSort.isEmpty {
                s += " ORDER BY " + groupSort.map { "\($0.position + 1)\($0.descending ? " DESC" : "") NULLS LAST" }.joined(separator: ", ")
            }
            if let n = limit { s += " LIMIT \(n)" }
            return s
        }
        let outs = (select ?? visibleColumns).map(\.sql).joined(separator: ", ")
        let dist = distinct ? "DISTINCT " : ""
        if let t = top {
            let order = "\(t.by.sql)\(t.ascending ? "" : " DESC") NULLS LAST, \(rid)"
            if let p = t.per {
                let inner = "SELECT *, row_number() OVER (PARTITION BY \(p.sql) ORDER BY \(order)) AS rn FROM \(from)\(wherePart)"
                return "SELECT \(dist)\(outs) FROM (\(inner)) WHERE rn <= \(t.n)"
            }
            // planq computes `select` on the n rows kept; SQLite would compute it on every row
            // before sorting (and could overflow on one planq never sees), so cut first.
            return "SELECT \(dist)\(outs) FROM (SELECT * FROM \(from)\(wherePart) ORDER BY \(order) LIMIT \(t.n)) ORDER BY \(order)"
        }
        guard !sort.isEmpty || limit != nil else { return "SELECT \(dist)\(outs) FROM \(from)\(wherePart)" }
        let order = (sort.map { "\($0.expr.sql)\($0.descending ? " DESC" : "") NULLS LAST" } + [rid]).joined(separator: ", ")
        guard let n = limit else { return "SELECT \(dist)\(outs) FROM \(from)\(wherePart) ORDER BY \(order)" }
        return "SELECT \(dist)\(outs) FROM (SELECT * FROM \(from)\(wherePart) ORDER BY \(order) LIMIT \(n)) ORDER BY \(order)"
    }
}

extension String {
    /// nil for the empty string.
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
