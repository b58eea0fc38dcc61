/// Binding of each clause kind.
extension Binder {
    mutating func bindClause(_ clause: Clause, _ state: inout State) throws {
        if case .filter(let e, true) = clause.kind, state.group != nil {
            try bindHaving(e, &state)
            return
        }
        if case .filter(let e, true) = clause.kind, containsAggregate(e) {
            throw error("'having' with an aggregate needs a group by before it", clause.span,
                        help: "group first (group by owner having \(text(e.span))), or aggregate the whole table (aggregate count() as n having n > 2)")
        }
        if case .pivot(let e) = clause.kind {
            try bindPivot(e, clause.span, &state)
            return
        }
        try finishGroup(&state)
        switch clause.kind {
        case .filter(let e, _):
            let pred = try bindPredicate(e, state.scope)
            state.plan = .filter(state.plan, pred)
        case .bind(let items):
            try bindLet(items, &state)
        case .groupBy(let keys, let aggs):
            try bindGroupBy(keys, aggs, clause.span, &state)
        case .pivot:
            break
        case .sort(let keys):
            var bound: [(expr: BoundExpr, descending: Bool)] = []
            for k in keys {
                let e = try bindExpr(k.expr, state.scope)
                bound.append((e, k.descending))
            }
            state.plan = .sort(state.plan, keys: bound)
        case .limit(let n):
            state.plan = .limit(state.plan, Int(clamping: n))
        case .top(let n, let by, let per):
            let key = try bindExpr(by.expr, state.scope)
            let perKeys = try per.map { try bindExpr($0, state.scope) }
            state.plan = .top(state.plan, n: Int(clamping: n), key: key, descending: by.descending, per: perKeys)
        case .select(let items):
            try bindSelect(items, &state)
        case .distinct:
            state.plan = .distinct(state.plan)
        case .join(let table, let alias, let keys, let left):
            try bindJoin(table, alias, keys, left, &state)
        case .semiJoin(let table, let alias, let keys, let anti):
            try bindSemiJoin(table, alias, keys, anti, &state)
        case .union(let q):
            try bindUnion(q, clause.span, &state)
        case .unnest(let e, let alias):
            try bindUnnest(e, alias, &state)
        }
    }

    /// A `where` predicate: must be boolean.
    mutating func bindPredicate(_ e: Expr, _ scope: Scope) throws -> BoundExpr {
        let b = try bindExpr(e, scope)
        guard b.type == .bool || b.type == .null else {
            throw error("a filter needs a true/false condition, but this is \(b.type)", e.span)
        }
        return b
    }

    /// The name a select/let/group item gets: its alias, its column name, or its text.
    func itemName(_ e: Expr, alias: Identifier?) -> String {
        if let a = alias { return a.name }
        if case .name(_, let id) = e.kind { return id.name }
        if case .call(let f, let args) = e.kind, args.isEmpty { return f.name.lowercased() }
        return text(e.span)
    }

    /// Carries what is known of a source column onto a column computed from a bare reference to it.
    func derived(_ e: BoundExpr, _ scope: Scope, id: ColumnID, name: String) -> ScopeColumn {
        if case .column(let src, _) = e, let c = scope.column(id: src) {
            return ScopeColumn(id: id, name: name, qualifier: c.qualifier, type: c.type, dictionary: c.dictionary, stats: c.stats)
        }
        return ScopeColumn(id: id, name: name, qualifier: nil, type: e.type)
    }

    mutating func bindLet(_ items: [(Identifier, Expr)], _ state: inout State) throws {
        var outputs = state.scope.columns.map { (id: $0.id, expr: BoundExpr.column($0.id, $0.type)) }
        var cols = state.scope.columns
        // IDs computed by the projection being built: an item that reads one of them
        // (`let d = ..., late = d > 30`) needs that projection to run first.
        var pending = Set<ColumnID>()
        // Window calls of the items so far, computed in one window node under the projection.
        var windows = PendingWindows(base: cols)
        for (name, e) in items {
            let b = try bindLetItem(e, cols, &state, &outputs, &pending, &windows)
            if !b.columns.isDisjoint(with: pending) {
                flushLet(&state, &outputs, &pending, &windows, cols)
            }
            let id = newID(name.name)
            pending.insert(id)
            let col = derived(b, Scope(columns: cols), id: id, name: name.name)
            // A let of an existing name replaces that column in place.
            if let i = cols.firstIndex(where: { !$0.hidden && $0.name.lowercased() == name.name.lowercased() }) {
                cols[i] = col
                outputs[i] = (id, b)
            } else {
                cols.append(col)
                outputs.append((id, b))
            }
        }
        state.plan = .project(windows.applied(to: state.plan), outputs: outputs)
        state.scope = Scope(columns: cols)
    }

    mutating func bindSelect(_ items: [NamedExpr], _ state: inout State) throws {
        var outputs: [(id: ColumnID, expr: BoundExpr)] = []
        var cols: [ScopeColumn] = []
        var seen: [String: SourceSpan] = [:]
        for item in items {
            let b = try bindExpr(item.expr, state.scope)
            let name = itemName(item.expr, alias: item.alias)
            if seen[name.lowercased()] != nil {
                throw error("duplicate column name '\(name)' in select", item.alias?.span ?? item.expr.span,
                            help: "rename one with 'as'")
            }
            seen[name.lowercased()] = item.expr.span
            let id = newID(name)
            cols.append(derived(b, state.scope, id: id, name: name))
            outputs.append((id, b))
        }
        state.plan = .project(state.plan, outputs: outputs)
        state.scope = Scope(columns: cols)
    }

    mutating func bindJoin(_ table: Identifier, _ alias: Identifier?, _ keys: [JoinKey], _ leftOuter: Bool,
                           _ state: inout State) throws {
        let right = try bindJoinedTable(table, alias, state)
        let (bound, merged) = try bindJoinKeys(keys, table, right, state)
        state.plan = .join(state.plan, right.plan, keys: bound, leftOuter: leftOuter)
        var cols = state.scope.columns
        for var c in right.scope.columns {
            if merged.contains(c.id) {
                c.hidden = true
                c.mergedKey = true
            }
            cols.append(c)
        }
        state.scope = Scope(columns: cols)
    }

    /// The keys of a join: each `a = b` bound with `a` on the left and `b` on the right
    /// (or the other way round), and the right-side columns merged into a key of the
    /// same name (`on theme`), which the result shows once.
    mutating func bindJoinKeys(_ keys: [JoinKey], _ table: Identifier, _ right: State, _ state: State) throws
        -> (keys: [(left: BoundExpr, right: BoundExpr)], merged: Set<ColumnID>) {
        var bound: [(left: BoundExpr, right: BoundExpr)] = []
        var merged = Set<ColumnID>()
        for k in keys {
            let l: BoundExpr, r: BoundExpr
            if let re = k.right {
                // `on a = b`: a from the left, b from the right; accept them written the other way round.
                if let pair = try? (bindExpr(k.left, state.scope), bindExpr(re, right.scope)) {
                    (l, r) = pair
                } else if let pair = try? (bindExpr(re, state.scope), bindExpr(k.left, right.scope)) {
                    (l, r) = pair
                } else {
                    _ = try bindExpr(k.left, state.scope)
                    _ = try bindExpr(re, right.scope)
                    throw error("cannot bind join key", k.left.span)
                }
            } else {
                guard case .name(nil, let id) = k.left.kind else {
                    throw error("a join key without '=' must be a column name found in both tables", k.left.span)
                }
                let ls = state.scope.lookup(id.name, qualifier: nil), rs = right.scope.lookup(id.name, qualifier: nil)
                guard let lc = ls.first, let rc = rs.first else {
                    let side = ls.isEmpty ? "the left side" : "'\(table.name)'"
                    throw error("join key '\(id.name)' is not a column of \(side)", id.span)
                }
                l = .column(lc.id, lc.type)
                r = .column(rc.id, rc.type)
                merged.insert(rc.id)
            }
            guard let t = TypeRules.unify(l.type, r.type) else {
                throw error("join key types differ: \(l.type) and \(r.type)", k.left.span)
            }
            bound.append((cast(l, to: t), cast(r, to: t)))
        }
        return (bound, merged)
    }

    /// `x` converted to `t` when their types differ (int → double, enum → text).
    func cast(_ x: BoundExpr, to t: DataType) -> BoundExpr {
        x.type == t || x.type == .null && t == .null ? x : .cast(x, to: t)
    }
}
