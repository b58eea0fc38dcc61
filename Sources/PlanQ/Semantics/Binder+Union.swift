/// Binding of the forms that bring in another table or query: joined tables with
/// aliases, `semi join` / `anti join`, `union (query)`, `unnest`, and `in (query)`.
extension Binder {
    /// The table on the right of a join, its columns qualified by `alias` (or its
    /// name). An alias already naming a table of the query is an error. A table joined
    /// to itself without aliases still works, but its sides cannot be told apart by
    /// qualified names (a shared name is then ambiguous, with a hint to use `as`).
    mutating func bindJoinedTable(_ table: Identifier, _ alias: Identifier?, _ state: State) throws -> State {
        let right = try bindTable(table, alias: alias)
        if let alias, state.scope.columns.contains(where: { $0.qualifier?.lowercased() == alias.name.lowercased() }) {
            throw error("'\(alias.name)' already names a table in this query", alias.span,
                        help: "give the joined table a name of its own: join \(table.name) as \(table.name.prefix(1).lowercased())2 on ...")
        }
        return right
    }

    /// `semi join` keeps the left rows that have a match on the right, `anti join` those
    /// that have none (a row whose key is null has no match); the right's columns are
    /// not added, and a left row appears at most once.
    mutating func bindSemiJoin(_ table: Identifier, _ alias: Identifier?, _ keys: [JoinKey], _ anti: Bool,
                               _ state: inout State) throws {
        let right = try bindJoinedTable(table, alias, state)
        let (bound, _) = try bindJoinKeys(keys, table, right, state)
        state.plan = .semiJoin(state.plan, right.plan, keys: bound, anti: anti)
    }

    /// `union (query)`: the columns of both sides matched by name (case-insensitively);
    /// the left's come first in its order, then those only the right has. A column one
    /// side lacks is null on that side's rows.
    mutating func bindUnion(_ query: Query, _ span: SourceSpan, _ state: inout State) throws {
        let left = state.scope.visible
        let right = try bindQuery(query)
        let rcols = right.scope.columns
        var matched = Set<ColumnID>()
        var out: [(name: String, l: ScopeColumn?, r: ScopeColumn?)] = []
        for l in left {
            let r = rcols.first { $0.name.lowercased() == l.name.lowercased() && !matched.contains($0.id) }
            if let r { matched.insert(r.id) }
            out.append((l.name, l, r))
        }
        for r in rcols where !matched.contains(r.id) { out.append((r.name, nil, r)) }
        var lout: [(id: ColumnID, expr: BoundExpr)] = [], rout: [(id: ColumnID, expr: BoundExpr)] = []
        var cols: [ScopeColumn] = []
        for o in out {
            let lt = o.l?.type ?? .null, rt = o.r?.type ?? .null
            guard let t = Binder.unionType(lt, rt) else {
                throw error("union cannot combine column '\(o.name)': it is \(lt) in the left query and \(rt) in the right",
                            span, help: "convert one side in a let, or rename it with select ... as")
            }
            func side(_ c: ScopeColumn?) -> BoundExpr {
                guard let c else { return .constant(.null, t) }
                return cast(.column(c.id, c.type), to: t)
            }
            lout.append((newID(o.name), side(o.l)))
            rout.append((newID(o.name), side(o.r)))
            // Both sides keep a value's dictionary only when they read the same table column.
            let keep = o.l != nil && o.r != nil && o.l?.dictionary === o.r?.dictionary && lt == rt
            cols.append(ScopeColumn(id: newID(o.name), name: o.name, qualifier: nil, type: t,
                                    dictionary: keep ? o.l?.dictionary : nil))
        }
        state.plan = .union(.project(state.plan, outputs: lout), .project(right.plan, outputs: rout), outputs: cols.map(\.id))
        state.scope = Scope(columns: cols)
    }

    /// The type a column of a union has when its sides are `a` and `b`: the same, a
    /// common number, or text for text and enums of different types; nil otherwise.
    static func unionType(_ a: DataType, _ b: DataType) -> DataType? {
        if a == b { return a == .null ? .text : a }
        return TypeRules.unify(a, b)
    }

    /// `unnest split(text, sep) [as name]`: one row per part of the text (a null text
    /// gives one row whose part is null; an empty text one empty part). Without `as`,
    /// the parts replace the column that was split.
    mutating func bindUnnest(_ e: Expr, _ alias: Identifier?, _ state: inout State) throws {
        guard case .call(let f, let args) = e.kind, f.name.lowercased() == "split" else {
            throw error("unnest needs split(text, separator), whose parts become rows", e.span,
                        help: "for example: actions unnest split(owner, \" and \") as person")
        }
        guard args.count == 2 else {
            throw error("split() takes a text and a separator; got \(args.count) argument\(args.count == 1 ? "" : "s")", e.span)
        }
        var source = try bindExpr(args[0], state.scope)
        guard source.type == .text || source.type.isCoded || source.type == .null else {
            throw error("split() needs text to split, but this is \(source.type)", args[0].span)
        }
        if source.type != .text { source = .cast(source, to: .text) }
        guard case .constant(.text(let sep), _) = try bindExpr(args[1], state.scope), !sep.isEmpty else {
            throw error("split()'s separator must be a non-empty quoted text", args[1].span)
        }
        let replaced: ScopeColumn?
        if alias == nil, case .name = args[0].kind { replaced = sourceColumn(try bindExpr(args[0], state.scope), state.scope) } else { replaced = nil }
        guard let name = alias?.name ?? replaced?.name else {
            throw error("name the parts with 'as'", e.span, help: "for example: unnest split(title, \",\") as part")
        }
        let id = newID(name)
        state.plan = .unnest(state.plan, UnnestSpec(source: source, separator: sep), id: id)
        let part = ScopeColumn(id: id, name: name, qualifier: nil, type: .text)
        var cols = state.scope.columns
        if let i = cols.firstIndex(where: { !$0.hidden && $0.name.lowercased() == name.lowercased() }) {
            cols[i] = part
            state.plan = .project(state.plan, outputs: cols.map { ($0.id, BoundExpr.column($0.id, $0.type)) })
        } else {
            cols.append(part)
        }
        state.scope = Scope(columns: cols)
    }

    /// `x [not] in (query)`: the query runs first (it cannot read the outer row) and its
    /// one column becomes the list of values. SQL's nulls: `x in (...)` is null, not
    /// false, when x matches nothing and the list holds a null; `x not in (...)` is
    /// then null too, so such rows are never kept. An empty list gives false for
    /// `in` and true for `not in`, whatever x is.
    mutating func bindInQuery(_ x: Expr, _ query: Query, negated: Bool, _ span: SourceSpan, _ scope: Scope) throws -> BoundExpr {
        var l = try bindExpr(x, scope)
        let sub = try bindQuery(query)
        guard sub.scope.columns.count == 1, let col = sub.scope.columns.first else {
            let names = sub.scope.columns.map(\.name).joined(separator: ", ")
            throw error("a query after 'in' must give one column; this one gives \(sub.scope.columns.count) (\(names))",
                        query.span, help: "end it with 'select COLUMN'")
        }
        var t = col.type
        if l.type.enumType != nil, t == .text { l = .cast(l, to: .text) }
        if t.enumType != nil, l.type == .text || (l.type.enumType != nil && l.type != t) {
            t = .text
            if l.type != .text { l = .cast(l, to: .text) }
        }
        guard let common = TypeRules.unify(l.type, t) else {
            throw error("cannot compare \(l.type) with the \(col.type) values of the query after 'in'", span)
        }
        if compilesSubqueries {
            // For SQL the query stays a query (run where the data is, e.g. under --engine).
            let values = LogicalPlan.project(sub.plan, outputs: [(col.id, cast(.column(col.id, col.type), to: common))])
            return .inQuery(cast(l, to: common), InSubquery(plan: values, column: col.id), negated: negated)
        }
        guard let runner else {
            throw error("a query after 'in' needs planq to run it first", query.span, help: "use planq to run it")
        }
        let distinct = LogicalPlan.distinct(.project(sub.plan, outputs: [(col.id, cast(.column(col.id, col.type), to: t))]))
        let (vectors, n) = try runner(distinct, names)
        guard n > 0, let v = vectors.first else { return .constant(.bool(negated), .bool) }
        var values: [Value] = []
        values.reserveCapacity(n)
        for i in 0..<n {
            var value = v.value(at: i)
            if common == .double, let d = value.asDouble { value = .double(d) }
            if case .enumeration(let e) = common, case .text(let s) = value, let c = e.code(of: s) { value = .int(Int64(c)) }
            values.append(value)
        }
        return .inList(cast(l, to: common), values, negated: negated)
    }

    /// Result column names, each used once: a name two columns share is written
    /// `table.column` for both (for a pivot's value columns, `pivoted.value`), and any
    /// still shared get `_2`, `_3`... Names differing only in case (`Delta`, `delta`)
    /// are different names, as they are to a JSON reader and to an exact-case lookup.
    static func resultNames(_ columns: [ScopeColumn]) -> [String] {
        var counts: [String: Int] = [:]
        for c in columns { counts[c.name, default: 0] += 1 }
        var names = columns.map { counts[$0.name, default: 0] > 1 ? $0.qualifiedName : $0.name }
        var used = Set<String>()
        for i in names.indices {
            let base = names[i]
            var n = 1
            while used.contains(names[i]) {
                n += 1
                names[i] = "\(base)_\(n)"
            }
            used.insert(names[i])
        }
        return names
    }
}
