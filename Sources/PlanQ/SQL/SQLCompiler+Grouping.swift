/// Compiling groupings, pivots, top-n, distinct and joins: the steps that need a
/// `SELECT` of their own.
extension SQLCompiler {
    /// The bare column name a key reads, when it is a plain column.
    func columnRef(_ e: BoundExpr, _ cols: [ColumnID: SQLRelation.Column]) -> String? {
        if case .column(let id, _) = e { return cols[id]?.ref }
        return nil
    }

    /// True when groups come by key rather than by first appearance: every key an enum or a bool.
    func ordersByKey(_ types: [DataType]) -> Bool {
        !types.isEmpty && types.allSatisfy { $0 == .bool || $0.enumType != nil }
    }

    /// The relation with at most one order term, so a grouping can take `min` of it.
    mutating func singleOrder(_ rel: SQLRelation, outputs: [ColumnID], base: String) throws -> SQLRelation {
        rel.order.count <= 1 ? rel : try materialize(rel, outputs: outputs, base: base)
    }

    /// The group-order column of a grouping step: first appearance of each group (the
    /// smallest input position), when the input has a row order.
    func firstAppearance(_ rel: SQLRelation, _ namer: inout ColumnNamer) -> (SQLSelect.Item, SQLRelation.OrderTerm)? {
        guard options.rowOrderColumn != nil, let t = rel.order.first else { return nil }
        let name = namer.unique("__ord")
        return (.init(sql: "\(t.descending ? "max" : "min")(\(t.sql))", alias: name),
                .init(sql: dialect.quote(name), descending: t.descending, ref: name))
    }

    mutating func aggregate(_ input: LogicalPlan, keys: [(id: ColumnID, expr: BoundExpr)],
                            aggregates: [(id: ColumnID, call: AggregateCall)]) throws -> SQLRelation {
        var childNeeded = Set<ColumnID>()
        for k in keys { k.expr.collectColumns(into: &childNeeded) }
        for a in aggregates { for x in a.call.args { x.collectColumns(into: &childNeeded) } }
        var rel = try relation(input, needed: childNeeded)
        let byKey = ordersByKey(keys.map(\.expr.type))
        // string_agg joins in row order: one order term it can sort by.
        let joinsText = aggregates.contains { $0.call.function == .string_agg }
        if (options.rowOrderColumn != nil && !byKey && !keys.isEmpty) || joinsText {
            rel = try singleOrder(rel, outputs: input.outputs.filter(childNeeded.contains), base: "numbered")
        }
        var namer = ColumnNamer()
        var items: [SQLSelect.Item] = []
        var columns: [ColumnID: SQLRelation.Column] = [:]
        var groupBy: [String] = []
        var order: [SQLRelation.OrderTerm] = []
        for (id, e) in keys {
            let x = try expr(e, rel.columns)
            let name = namer.unique(names[id] ?? "key")
            items.append(.init(sql: x.sql, alias: name))
            columns[id] = .init(sql: dialect.quote(name), ref: name, type: e.type)
            // A constant key groups nothing (and `GROUP BY 1` would name a column); a
            // computed key is named by its position, which every dialect accepts and
            // no engine can read as a different expression.
            if !e.isConstant {
                groupBy.append(columnRef(e, rel.columns) != nil ? x.sql : String(items.count))
            }
            if byKey {
                let q = SQLExpr(sql: dialect.quote(name), atomic: true)
                order.append(.init(sql: e.type.enumType.map { ordinal(q, $0) } ?? q.sql, descending: false, ref: nil))
            }
        }
        for (id, call) in aggregates {
            let name = namer.unique(names[id] ?? call.function.rawValue)
            items.append(.init(sql: try aggregateSQL(call, rel.columns, order: rel.order.first), alias: name))
            columns[id] = .init(sql: dialect.quote(name), ref: name, type: call.type)
        }
        if !byKey && !keys.isEmpty, let (item, term) = firstAppearance(rel, &namer) {
            items.append(item)
            order = [term]
        }
        var having: [String] = []
        // Keys that are all constants still make no group of no rows.
        if !keys.isEmpty && groupBy.isEmpty { having.append("count(*) > 0") }
        let step = stepName("grouped")
        script.steps.append((step, SQLSelect(items: items, from: rel.from, filters: rel.filters, groupBy: groupBy, having: having)))
        return SQLRelation(from: dialect.quote(step), source: step, columns: columns, order: order)
    }

    /// A pivot: the grouping by row keys and the pivot column, then one conditional
    /// aggregate per pivot value (every value the schema or the data knows, so the
    /// columns never depend on a filter) and one for null.
    mutating func pivot(_ input: LogicalPlan, spec: PivotSpec) throws -> SQLRelation {
        guard case .aggregate(let aggInput, let keys, let aggs) = input, let cell = aggs.first, let pk = keys.last else {
            throw SQLUnsupported.internalError("pivot without its grouping")
        }
        var grouped = try aggregate(aggInput, keys: keys, aggregates: aggs)
        let rowKeys = Array(keys.prefix(spec.rowKeyCount))
        let byKey = ordersByKey(rowKeys.map(\.expr.type))
        if grouped.order.count > 1 && !byKey {
            grouped = try materialize(grouped, outputs: input.outputs, base: "numbered")
        }
        guard let pkCol = grouped.columns[pk.id], let cellCol = grouped.columns[cell.id] else {
            throw SQLUnsupported.internalError("pivot columns missing")
        }
        var namer = ColumnNamer()
        var items: [SQLSelect.Item] = []
        var columns: [ColumnID: SQLRelation.Column] = [:]
        var order: [SQLRelation.OrderTerm] = []
        var groupBy: [String] = []
        for (i, k) in rowKeys.enumerated() {
            guard let c = grouped.columns[k.id] else { throw SQLUnsupported.internalError("pivot key missing") }
            let outID = spec.outputIDs[i]
            let name = namer.unique(names[outID] ?? "key")
            items.append(.init(sql: c.sql, alias: name))
            groupBy.append(c.sql)
            columns[outID] = .init(sql: dialect.quote(name), ref: name, type: c.type)
            if byKey {
                let q = SQLExpr(sql: dialect.quote(name), atomic: true)
                order.append(.init(sql: k.expr.type.enumType.map { ordinal(q, $0) } ?? q.sql, descending: false, ref: nil))
            }
        }
        // One value per cell: any aggregate that keeps it will do (PostgreSQL has no max(boolean)).
        let pick = cellCol.type == .bool && dialect == .postgres ? "bool_or" : "max"
        let conditions = spec.values.map { "\(pkCol.sql) = \(dialect.string($0))" } + ["\(pkCol.sql) IS NULL"]
        for (j, cond) in conditions.enumerated() {
            let outID = spec.outputIDs[spec.rowKeyCount + j]
            let name = namer.unique(names[outID] ?? "v\(j)")
            var sql = "\(pick)(CASE WHEN \(cond) THEN \(cellCol.sql) END)"
            if spec.zeroFill { sql = "COALESCE(\(sql), 0)" }
            items.append(.init(sql: sql, alias: name))
            columns[outID] = .init(sql: dialect.quote(name), ref: name, type: spec.zeroFill ? .int : spec.cellType)
        }
        if !byKey && !rowKeys.isEmpty, let (item, term) = firstAppearance(grouped, &namer) {
            items.append(item)
            order = [term]
        }
        let step = stepName("pivoted")
        script.steps.append((step, SQLSelect(items: items, from: grouped.from, filters: grouped.filters, groupBy: groupBy,
                                             having: rowKeys.isEmpty ? ["count(*) > 0"] : [])))
        return SQLRelation(from: dialect.quote(step), source: step, columns: columns, order: order)
    }

    /// `top n by key per k`: `row_number()` over each partition, keeping the first n;
    /// rows come by partition (first appearance), then by key, ties in input order.
    mutating func top(_ input: LogicalPlan, n: Int, key: BoundExpr, descending: Bool, per: [BoundExpr],
                      needed: Set<ColumnID>) throws -> SQLRelation {
        let childNeeded = per.reduce(into: needed.union(key.columns)) { $0.formUnion($1.columns) }
        var rel = try relation(input, needed: childNeeded)
        if options.rowOrderColumn != nil {
            rel = try singleOrder(rel, outputs: input.outputs.filter(childNeeded.contains), base: "numbered")
        }
        let keyTerm = try orderTerm(key, descending: descending, rel.columns)
        let partition = try per.filter { !$0.isConstant }.map { try expr($0, rel.columns).sql }
        let over = (partition.isEmpty ? "" : "PARTITION BY \(partition.joined(separator: ", ")) ")
            + "ORDER BY " + ([keyTerm] + rel.order).map(\.rendered).joined(separator: ", ")
        var extra: [SQLSelect.Item] = [.init(sql: "row_number() OVER (\(over))", alias: "__rank"),
                                       .init(sql: keyTerm.sql, alias: "__key")]
        let withPart = !partition.isEmpty && options.rowOrderColumn != nil && rel.order.count == 1
        if withPart, let t = rel.order.first {
            extra.append(.init(sql: "min(\(t.sql)) OVER (PARTITION BY \(partition.joined(separator: ", ")))", alias: "__part"))
        }
        var out = try materialize(rel, outputs: input.outputs.filter(needed.contains), base: "ranked", extra: extra)
        out.filters.append("\(dialect.quote("__rank")) <= \(n)")
        var order: [SQLRelation.OrderTerm] = []
        if withPart { order.append(.init(sql: dialect.quote("__part"), descending: false, ref: "__part")) }
        order.append(.init(sql: dialect.quote("__key"), descending: descending, ref: "__key"))
        out.order = order + out.order
        return out
    }

    /// `distinct`: a grouping by every column (so each row keeps its first position).
    mutating func distinct(_ input: LogicalPlan) throws -> SQLRelation {
        // Every column decides which rows are duplicates.
        var rel = try relation(input, needed: Set(input.outputs))
        rel = try materialize(rel, outputs: input.outputs, base: "rows")
        var namer = ColumnNamer()
        var items: [SQLSelect.Item] = []
        var columns: [ColumnID: SQLRelation.Column] = [:]
        var groupBy: [String] = []
        for id in input.outputs where columns[id] == nil {
            guard let c = rel.columns[id], let ref = c.ref else { throw SQLUnsupported.internalError("distinct column") }
            let name = namer.unique(ref)
            items.append(.init(sql: c.sql, alias: name))
            groupBy.append(c.sql)
            columns[id] = .init(sql: dialect.quote(name), ref: name, type: c.type)
        }
        var order: [SQLRelation.OrderTerm] = []
        if let (item, term) = firstAppearance(rel, &namer) {
            items.append(item)
            order = [term]
        }
        let step = stepName("distinct")
        let select = order.isEmpty ? SQLSelect(distinct: true, items: items, from: rel.from)
                                   : SQLSelect(items: items, from: rel.from, groupBy: groupBy)
        script.steps.append((step, select))
        return SQLRelation(from: dialect.quote(step), source: step, columns: columns, order: order)
    }

    mutating func join(_ left: LogicalPlan, _ right: LogicalPlan, keys: [(left: BoundExpr, right: BoundExpr)],
                       leftOuter: Bool, needed: Set<ColumnID>) throws -> SQLRelation {
        let ln = keys.reduce(into: needed.intersection(left.outputs)) { $0.formUnion($1.left.columns) }
        let rn = keys.reduce(into: needed.intersection(right.outputs)) { $0.formUnion($1.right.columns) }
        var l = try relation(left, needed: ln)
        if !l.isPlain { l = try materialize(l, outputs: left.outputs.filter(ln.contains), base: "left_side") }
        var r = try relation(right, needed: rn)
        if !r.isPlain { r = try materialize(r, outputs: right.outputs.filter(rn.contains), base: "right_side") }
        guard let ls = l.source, let rs = r.source else { throw SQLUnsupported.internalError("join side") }
        let la = ls, ra = rs.lowercased() == ls.lowercased() ? rs + "_2" : rs
        func qualify(_ rel: SQLRelation, _ alias: String) -> SQLRelation {
            var q = rel
            for (id, c) in rel.columns {
                q.columns[id] = .init(sql: "\(dialect.quote(alias)).\(dialect.quote(c.ref ?? ""))", ref: nil, type: c.type)
            }
            q.order = rel.order.map { .init(sql: "\(dialect.quote(alias)).\(dialect.quote($0.ref ?? ""))", descending: $0.descending, ref: nil) }
            return q
        }
        let lq = qualify(l, la), rq = qualify(r, ra)
        let all = lq.columns.merging(rq.columns) { a, _ in a }
        var conditions: [String] = []
        for k in keys {
            conditions.append("\(try expr(k.left, all).operand) = \(try expr(k.right, all).operand)")
        }
        let rightFrom = ra == rs ? r.from : "\(r.from) AS \(dialect.quote(ra))"
        let from = "\(l.from)\n  \(leftOuter ? "LEFT JOIN" : "JOIN") \(rightFrom) ON \(conditions.joined(separator: " AND "))"
        return SQLRelation(from: from, source: nil, columns: all, order: lq.order + rq.order)
    }
}
