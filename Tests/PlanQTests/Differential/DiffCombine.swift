/// The differential forms that combine two tables beyond a plain join: `semi join`,
/// `anti join`, `x [not] in (query)`, `union (query)` and self-joins through aliases,
/// each with the SQL that planq's documented rules say gives the same rows.
enum DiffCombine {
    /// `t [where F] semi|anti join u on a0 = b0 [select ...]` ≡ `WHERE [F AND] [NOT] EXISTS (...)`.
    case semi(anti: Bool, u: DiffTable)
    /// `t where [F and] a0 [not] in (u [where P] select b0)` ≡ SQL's `[NOT] IN (SELECT ...)`.
    case inQuery(negated: Bool, u: DiffTable, inner: DiffExpr?)
    /// `t select ... union (u select ...) [group by o0 aggregate count() as c]` ≡ `UNION ALL`;
    /// `outputs[i]` names t's and u's column for output `o<i>` (nil: that side lacks it).
    case union(u: DiffTable, outputs: [(t: String?, u: String?, type: DiffType)], grouped: Bool)
    /// `t as x [left] join t as y on x.a0 = y.a0 select x.<l> as o0, y.<r> as o1`.
    case selfJoin(left: Bool, l: DiffTable.ColumnSpec, r: DiffTable.ColumnSpec)

    /// The coverage key of the form.
    var coverageKey: String {
        switch self {
        case .semi(let anti, _): return anti ? "anti join" : "semi join"
        case .inQuery(let negated, _, _): return negated ? "not in (query)" : "in (query)"
        case .union(_, _, let grouped): return grouped ? "union then group" : "union"
        case .selfJoin(let left, _, _): return left ? "self left join" : "self-join"
        }
    }

    /// The types of the result's columns.
    func outputTypes(_ q: DiffQuery) -> [DiffType] {
        switch self {
        case .semi, .inQuery: return (q.select ?? q.table.columns.map { DiffExpr.column($0.name, $0.type) }).map(\.type)
        case .union(_, let outs, let grouped): return grouped ? [outs[0].type, .int] : outs.map(\.type)
        case .selfJoin(_, let l, let r): return [l.type, r.type]
        }
    }

    func planq(_ q: DiffQuery) -> String {
        let t = q.table, key = t.columns[0].name
        let selectPart = q.select.map { " select " + $0.enumerated().map { "\($1.planq) as o\($0)" }.joined(separator: ", ") } ?? ""
        switch self {
        case .semi(let anti, let u):
            let wherePart = q.filter.map { " where \($0.planq)" } ?? ""
            return "\(t.name)\(wherePart) \(anti ? "anti" : "semi") join \(u.name) on \(key) = \(u.columns[0].name)\(selectPart)"
        case .inQuery(let negated, let u, let inner):
            let sub = "\(u.name)\(inner.map { " where \($0.planq)" } ?? "") select \(u.columns[0].name)"
            let test = "\(key) \(negated ? "not in" : "in") (\(sub))"
            return "\(t.name) where \(q.filter.map { "(\($0.planq)) and " } ?? "")\(test)\(selectPart)"
        case .union(let u, let outs, let grouped):
            func side(_ name: String, _ cols: [String?]) -> String {
                let items = cols.enumerated().compactMap { i, c in c.map { "\($0) as o\(i)" } }
                return "\(name) select \(items.joined(separator: ", "))"
            }
            var s = side(t.name, outs.map(\.t)) + " union (" + side(u.name, outs.map(\.u)) + ")"
            if grouped { s += " group by o0 aggregate count() as c" }
            return s
        case .selfJoin(let left, let l, let r):
            return "\(t.name) as x \(left ? "left " : "")join \(t.name) as y on x.\(key) = y.\(key) select x.\(l.name) as o0, y.\(r.name) as o1"
        }
    }

    func sql(_ q: DiffQuery) -> String {
        let t = q.table, key = "\"\(t.columns[0].name)\""
        let outs = (q.select ?? t.columns.map { DiffExpr.column($0.name, $0.type) }).map(\.sql).joined(separator: ", ")
        switch self {
        case .semi(let anti, let u):
            let exists = "\(anti ? "NOT " : "")EXISTS (SELECT 1 FROM \"\(u.name)\" WHERE \"\(u.name)\".\"\(u.columns[0].name)\" = \"\(t.name)\".\(key))"
            return "SELECT \(outs) FROM \"\(t.name)\" WHERE \(q.filter.map { "(\($0.sql)) AND " } ?? "")\(exists)"
        case .inQuery(let negated, let u, let inner):
            let sub = "SELECT \"\(u.columns[0].name)\" FROM \"\(u.name)\"\(inner.map { " WHERE \($0.sql)" } ?? "")"
            return "SELECT \(outs) FROM \"\(t.name)\" WHERE \(q.filter.map { "(\($0.sql)) AND " } ?? "")\(key) \(negated ? "NOT IN" : "IN") (\(sub))"
        case .union(let u, let cols, let grouped):
            func side(_ name: String, _ names: [String?]) -> String {
                let items = names.enumerated().map { i, n in "\(n.map { "\"\($0)\"" } ?? "NULL") AS o\(i)" }
                return "SELECT \(items.joined(separator: ", ")) FROM \"\(name)\""
            }
            let all = side(t.name, cols.map(\.t)) + " UNION ALL " + side(u.name, cols.map(\.u))
            return grouped ? "SELECT o0, count(*) FROM (\(all)) GROUP BY o0" : all
        case .selfJoin(let left, let l, let r):
            return "SELECT x.\"\(l.name)\", y.\"\(r.name)\" FROM \"\(t.name)\" AS x \(left ? "LEFT " : "")JOIN \"\(t.name)\" AS y ON x.\(key) = y.\(key)"
        }
    }
}
