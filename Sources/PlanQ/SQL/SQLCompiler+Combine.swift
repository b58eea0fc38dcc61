/// Compiling the forms that bring in other rows: `union`, `semi join` / `anti join`
/// and `unnest split(...)`.
extension SQLCompiler {
    /// `union (query)`: the left's rows then the right's (`UNION ALL`), the columns already
    /// matched by name and typed alike by the binder. Planq's order (left first, each side
    /// in its own order) travels as two hidden columns.
    mutating func union(_ left: LogicalPlan, _ right: LogicalPlan, outputs: [ColumnID]) throws -> SQLRelation {
        var l = try relation(left, needed: Set(left.outputs))
        l = try singleOrder(l, outputs: left.outputs, base: "numbered")
        var r = try relation(right, needed: Set(right.outputs))
        r = try singleOrder(r, outputs: right.outputs, base: "numbered")
        var namer = ColumnNamer()
        let aliases = outputs.map { namer.unique(names[$0] ?? "c\($0)") }
        let side = namer.unique("__side"), ord = namer.unique("__ord")
        func block(_ rel: SQLRelation, _ ids: [ColumnID], _ n: Int) throws -> SQLSelect {
            var items: [SQLSelect.Item] = []
            for (id, alias) in zip(ids, aliases) {
                guard let c = rel.columns[id] else { throw SQLUnsupported.internalError("union column #\(id) is missing") }
                items.append(.init(sql: c.sql, alias: alias))
            }
            items.append(.init(sql: dialect.integer(Int64(n)), alias: side))
            let position: String
            if let t = rel.order.first {
                // A descending order becomes an ascending position.
                position = t.descending ? "row_number() OVER (ORDER BY \(t.rendered))" : t.sql
            } else {
                position = dialect.integer(0)
            }
            items.append(.init(sql: position, alias: ord))
            return SQLSelect(items: items, from: rel.from, filters: rel.filters)
        }
        var select = try block(l, left.outputs, 0)
        select.unionAll = [try block(r, right.outputs, 1)]
        let step = stepName("unioned")
        script.steps.append((step, select))
        var columns: [ColumnID: SQLRelation.Column] = [:]
        for (i, id) in outputs.enumerated() {
            let t = (l.columns[left.outputs[i]]?.type).flatMap { $0 == .null ? nil : $0 } ?? r.columns[right.outputs[i]]?.type ?? .null
            columns[id] = .init(sql: dialect.quote(aliases[i]), ref: aliases[i], type: t)
        }
        let order: [SQLRelation.OrderTerm] = [.init(sql: dialect.quote(side), descending: false, ref: side),
                                              .init(sql: dialect.quote(ord), descending: false, ref: ord)]
        return SQLRelation(from: dialect.quote(step), source: step, columns: columns, order: order)
    }

    /// `semi join` / `anti join` as `[NOT] EXISTS`: a left row is kept once when some right
    /// row has equal keys (a null key equals nothing, so anti join keeps it).
    mutating func semiJoin(_ left: LogicalPlan, _ right: LogicalPlan, keys: [(left: BoundExpr, right: BoundExpr)],
                           anti: Bool, needed: Set<ColumnID>) throws -> SQLRelation {
        let ln = keys.reduce(into: needed.intersection(left.outputs)) { $0.formUnion($1.left.columns) }
        let rn = keys.reduce(into: Set<ColumnID>()) { $0.formUnion($1.right.columns) }
        var l = try relation(left, needed: ln)
        if !l.isPlain { l = try materialize(l, outputs: left.outputs.filter(ln.contains), base: "left_side") }
        var r = try relation(right, needed: rn)
        if !r.isPlain { r = try materialize(r, outputs: right.outputs.filter(rn.contains), base: "right_side") }
        guard let ls = l.source, let rs = r.source else { throw SQLUnsupported.internalError("semi join side") }
        // The inner side gets a name of its own, so the outer columns stay reachable by theirs.
        let ra = rs.lowercased() == ls.lowercased() ? rs + "_2" : rs
        func qualify(_ rel: SQLRelation, _ alias: String) -> [ColumnID: SQLRelation.Column] {
            var q: [ColumnID: SQLRelation.Column] = [:]
            for (id, c) in rel.columns {
                q[id] = .init(sql: "\(dialect.quote(alias)).\(dialect.quote(c.ref ?? ""))", ref: nil, type: c.type)
            }
            return q
        }
        let all = qualify(l, ls).merging(qualify(r, ra)) { a, _ in a }
        var conditions: [String] = []
        for k in keys {
            conditions.append("\(try expr(k.left, all).operand) = \(try expr(k.right, all).operand)")
        }
        let rightFrom = ra == rs ? r.from : "\(r.from) AS \(dialect.quote(ra))"
        var out = l
        out.filters.append("\(anti ? "NOT " : "")EXISTS (SELECT 1 FROM \(rightFrom) WHERE \(conditions.joined(separator: " AND ")))")
        return out
    }

    /// `unnest split(text, sep)`: one row per part, in order (a null text gives one null
    /// part, an empty text one empty part); the parts are the last column.
    mutating func unnest(_ input: LogicalPlan, _ spec: UnnestSpec, id: ColumnID, needed: Set<ColumnID>) throws -> SQLRelation {
        let childNeeded = needed.intersection(input.outputs).union(spec.source.columns)
        var rel = try relation(input, needed: childNeeded)
        rel = try singleOrder(rel, outputs: input.outputs.filter(childNeeded.contains), base: "numbered")
        let s = try expr(spec.source, rel.columns)
        let sep = dialect.string(spec.separator)
        let parts: String
        switch dialect {
        case .postgres:
            parts = "CASE WHEN \(s.operand) IS NULL THEN ARRAY[NULL::TEXT] WHEN \(s.operand) = '' THEN ARRAY['']::TEXT[] ELSE string_to_array(\(s.sql), \(sep)) END"
        case .duckdb:
            parts = "CASE WHEN \(s.operand) IS NULL THEN [NULL::VARCHAR] WHEN \(s.operand) = '' THEN [''] ELSE string_split(\(s.sql), \(sep)) END"
        case .spark:
            // Spark splits by a regular expression: every character but letters and digits escaped.
            var pattern = ""
            for ch in spec.separator {
                if !(ch.isLetter || ch.isNumber) { pattern.append("\\") }
                pattern.append(ch)
            }
            parts = "CASE WHEN \(s.operand) IS NULL THEN array(CAST(NULL AS STRING)) ELSE split(\(s.sql), \(dialect.string(pattern)), -1) END"
        }
        var namer = ColumnNamer()
        var items: [SQLSelect.Item] = []
        var columns: [ColumnID: SQLRelation.Column] = [:]
        for cid in input.outputs where childNeeded.contains(cid) && needed.contains(cid) {
            guard let c = rel.columns[cid] else { throw SQLUnsupported.internalError("unnest column #\(cid) is missing") }
            let name = namer.unique(names[cid] ?? "c\(cid)")
            items.append(.init(sql: c.sql, alias: name))
            columns[cid] = .init(sql: dialect.quote(name), ref: name, type: c.type)
        }
        let part = namer.unique(names[id] ?? "part"), index = namer.unique("__part"), ord = namer.unique("__ord")
        if let t = rel.order.first { items.append(.init(sql: t.sql, alias: ord)) }
        switch dialect {
        case .postgres, .duckdb:
            items.append(.init(sql: "unnest(\(parts))", alias: part))
            let positions = dialect == .postgres ? "generate_subscripts(\(parts), 1)" : "unnest(range(1, len(\(parts)) + 1))"
            items.append(.init(sql: positions, alias: index))
        case .spark:
            items.append(.init(sql: "posexplode(\(parts)) AS (\(dialect.quote(index)), \(dialect.quote(part)))", alias: nil))
        }
        columns[id] = .init(sql: dialect.quote(part), ref: part, type: .text)
        let step = stepName("unnested")
        var select = SQLSelect(items: items, from: rel.from, filters: rel.filters)
        select.folds = false
        script.steps.append((step, select))
        var order: [SQLRelation.OrderTerm] = []
        if let t = rel.order.first { order.append(.init(sql: dialect.quote(ord), descending: t.descending, ref: ord)) }
        order.append(.init(sql: dialect.quote(index), descending: false, ref: index))
        return SQLRelation(from: dialect.quote(step), source: step, columns: columns, order: order)
    }
}
