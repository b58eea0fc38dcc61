/// Compiling each plan node into a ``SQLRelation``.
extension SQLCompiler {
    /// The relation of `plan`, computing only the columns in `needed` (planq prunes
    /// what nothing reads, so an unused `let` is never evaluated there either).
    mutating func relation(_ plan: LogicalPlan, needed: Set<ColumnID>) throws -> SQLRelation {
        switch plan {
        case .scan(let table, let cols):
            var columns: [ColumnID: SQLRelation.Column] = [:]
            for (index, id) in cols {
                let c = table.columns[index]
                columns[id] = .init(sql: dialect.quote(c.name), ref: c.name, type: c.type)
            }
            let name = tableSteps[table.name.lowercased()] ?? table.name
            var rel = SQLRelation(from: dialect.quote(name), source: name, columns: columns)
            if let r = options.rowOrderColumn {
                rel.order = [.init(sql: dialect.quote(r), descending: false, ref: r)]
            }
            return rel

        case .filter(let input, let predicate):
            var rel = try relation(input, needed: needed.union(predicate.columns))
            // Conjuncts each get their own line.
            for c in splitConjuncts(predicate) { rel.filters.append(try conjunct(c, rel.columns)) }
            return rel

        case .project(let input, let allOutputs):
            let outputs = allOutputs.filter { needed.contains($0.id) }
            let childNeeded = outputs.reduce(into: Set<ColumnID>()) { $0.formUnion($1.expr.columns) }
            var rel = try relation(input, needed: childNeeded)
            // Computed columns built on computed columns are written out first, so a chain
            // of lets never repeats an expression inside the next one.
            let reads = outputs.reduce(into: Set<ColumnID>()) { s, o in
                if case .column = o.expr { return }
                o.expr.collectColumns(into: &s)
            }
            if reads.contains(where: { rel.columns[$0]?.ref == nil }) {
                rel = try materialize(rel, outputs: input.outputs.filter(childNeeded.contains), base: "computed")
            }
            var columns: [ColumnID: SQLRelation.Column] = [:]
            for (id, e) in outputs {
                if case .column(let src, _) = e, let c = rel.columns[src] {
                    columns[id] = c
                } else {
                    columns[id] = .init(sql: try expr(e, rel.columns).sql, ref: nil, type: e.type)
                }
            }
            rel.columns = columns
            return rel

        case .aggregate(let input, let keys, let aggregates):
            return try aggregate(input, keys: keys, aggregates: aggregates)

        case .pivot(let input, let spec):
            return try pivot(input, spec: spec)

        case .sort(let input, let keys):
            var rel = try relation(input, needed: keys.reduce(into: needed) { $0.formUnion($1.expr.columns) })
            var terms: [SQLRelation.OrderTerm] = []
            // A constant key orders nothing (and `ORDER BY 1` would name a column).
            for k in keys where !k.expr.isConstant {
                terms.append(try orderTerm(k.expr, descending: k.descending, rel.columns))
            }
            rel.order = terms + rel.order
            return rel

        case .limit(let input, let n):
            let rel = try relation(input, needed: needed)
            return try materialize(rel, outputs: input.outputs.filter(needed.contains), base: "limited", limit: n)

        case .top(let input, let n, let key, let descending, let per):
            return try top(input, n: n, key: key, descending: descending, per: per, needed: needed)

        case .distinct(let input):
            return try distinct(input)

        case .join(let left, let right, let keys, let leftOuter):
            return try join(left, right, keys: keys, leftOuter: leftOuter, needed: needed)

        case .window(let input, let calls):
            return try window(input, calls: calls, needed: needed)
        case .semiJoin(let left, let right, let keys, let anti):
            return try semiJoin(left, right, keys: keys, anti: anti, needed: needed)
        case .union(let left, let right, let outputs):
            return try union(left, right, outputs: outputs)
        case .unnest(let input, let spec, let id):
            return try unnest(input, spec, id: id, needed: needed)
        }
    }

    /// One line of a `WHERE`: an `or` is parenthesised, as the lines are joined by `AND`.
    func conjunct(_ e: BoundExpr, _ cols: [ColumnID: SQLRelation.Column]) throws -> String {
        // `where null` keeps nothing; Spark wants a boolean-typed null there.
        if e.type == .null { return "CAST(NULL AS BOOLEAN)" }
        let x = try expr(e, cols)
        if case .or = e { return "(\(x.sql))" }
        return x.sql
    }

    /// The conjuncts of an `and` tree (one filter line each).
    func splitConjuncts(_ e: BoundExpr) -> [BoundExpr] {
        if case .and(let a, let b) = e { return splitConjuncts(a) + splitConjuncts(b) }
        return [e]
    }

    /// An ordering term for a sort key: enums by ordinal, text by code point, nulls last.
    func orderTerm(_ e: BoundExpr, descending: Bool, _ cols: [ColumnID: SQLRelation.Column]) throws -> SQLRelation.OrderTerm {
        let x = try expr(e, cols)
        if let en = e.type.enumType {
            return .init(sql: ordinal(x, en), descending: descending, ref: nil)
        }
        if e.type == .text && dialect == .postgres {
            return .init(sql: "\(x.sql) COLLATE \"C\"", descending: descending, ref: nil)
        }
        var ref: String?
        if case .column(let id, _) = e { ref = cols[id]?.ref }
        return .init(sql: x.sql, descending: descending, ref: ref)
    }

    /// Writes `rel` out as a `WITH` step holding `outputs` (and its order as hidden
    /// columns), and returns a plain relation reading that step.
    mutating func materialize(_ rel: SQLRelation, outputs: [ColumnID], base: String, limit: Int? = nil,
                              extra: [SQLSelect.Item] = []) throws -> SQLRelation {
        var namer = ColumnNamer()
        var items: [SQLSelect.Item] = []
        var columns: [ColumnID: SQLRelation.Column] = [:]
        var seen: [ColumnID: String] = [:]
        for id in outputs {
            guard let c = rel.columns[id] else { throw SQLUnsupported.internalError("column #\(id) is missing") }
            if let prior = seen[id] {
                columns[id] = .init(sql: dialect.quote(prior), ref: prior, type: c.type)
                continue
            }
            let name = namer.unique(names[id] ?? "c\(id)")
            items.append(.init(sql: c.sql, alias: name))
            columns[id] = .init(sql: dialect.quote(name), ref: name, type: c.type)
            seen[id] = name
        }
        for e in extra { items.append(e); _ = namer.unique(e.alias ?? "") }
        // The order travels as hidden columns: one ordinal when it has several terms.
        var order: [SQLRelation.OrderTerm] = []
        if rel.order.count == 1, let t = rel.order.first {
            let name = namer.unique("__ord")
            items.append(.init(sql: t.sql, alias: name))
            order = [.init(sql: dialect.quote(name), descending: t.descending, ref: name)]
        } else if rel.order.count > 1 {
            let name = namer.unique("__ord")
            let over = rel.order.map(\.rendered).joined(separator: ", ")
            items.append(.init(sql: "row_number() OVER (ORDER BY \(over))", alias: name))
            order = [.init(sql: dialect.quote(name), descending: false, ref: name)]
        }
        let step = stepName(base)
        let select = SQLSelect(items: items, from: rel.from, filters: rel.filters,
                               orderBy: limit == nil ? [] : rel.order.map(\.rendered), limit: limit)
        script.steps.append((step, select))
        return SQLRelation(from: dialect.quote(step), source: step, columns: columns, order: order)
    }
}

