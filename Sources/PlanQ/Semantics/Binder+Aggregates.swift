/// Binding of `group by ... aggregate ...`, `having` and `pivot`.
extension Binder {
    mutating func bindGroupBy(_ keys: [NamedExpr], _ aggs: [NamedExpr]?, _ span: SourceSpan, _ state: inout State) throws {
        var group = PendingGroup(input: state.plan, inputScope: state.scope, keys: [], aggregates: [], outputs: [], havings: [])
        for k in keys {
            let b = try bindExpr(k.expr, state.scope)
            let name = itemName(k.expr, alias: k.alias)
            let id = newID(name)
            group.keys.append((id, b))
            group.outputs.append((derived(b, state.scope, id: id, name: name), .column(id, b.type)))
        }
        let items = aggs ?? [NamedExpr(expr: Expr(.call(Identifier("count", span: span), []), span), alias: nil)]
        for item in items {
            let post = try bindAggregating(item.expr, &group)
            let name = aggs == nil ? "count" : itemName(item.expr, alias: item.alias)
            if group.outputs.contains(where: { $0.column.name.lowercased() == name.lowercased() }) {
                throw error("duplicate column name '\(name)' in group by", item.alias?.span ?? item.expr.span,
                            help: "rename one with 'as'")
            }
            let id: ColumnID
            if case .column(let aid, _) = post, group.aggregates.contains(where: { $0.id == aid }),
               !group.outputs.contains(where: { $0.column.id == aid }) {
                id = aid
                names[aid] = name
            } else {
                id = newID(name)
            }
            group.outputs.append((ScopeColumn(id: id, name: name, qualifier: nil, type: post.type), post))
        }
        state.group = group
    }

    mutating func bindHaving(_ e: Expr, _ state: inout State) throws {
        guard var group = state.group else { return }
        let b = try bindAggregating(e, &group)
        guard b.type == .bool || b.type == .null else {
            throw error("a filter needs a true/false condition, but this is \(b.type)", e.span)
        }
        // Items that are not a plain aggregate output only exist after the projection.
        var computed: [ColumnID: BoundExpr] = [:]
        for o in group.outputs {
            if case .column(let id, _) = o.expr, id == o.column.id { continue }
            computed[o.column.id] = o.expr
        }
        group.havings.append(computed.isEmpty ? b : b.substitutingColumns(computed))
        state.group = group
    }

    /// Closes an open grouping: aggregate node, then `having` filters, then the
    /// projection to the visible items.
    mutating func finishGroup(_ state: inout State) throws {
        guard let group = state.group else { return }
        state.group = nil
        let aggIDs = group.aggregates.map { (id: $0.id, call: $0.call) }
        var plan = LogicalPlan.aggregate(group.input, keys: group.keys, aggregates: aggIDs)
        for h in group.havings { plan = .filter(plan, h) }
        let direct = group.outputs.allSatisfy { o in
            if case .column(let id, _) = o.expr, id == o.column.id { return true }
            return false
        }
        if !(direct && group.outputs.count == group.keys.count + aggIDs.count) {
            plan = .project(plan, outputs: group.outputs.map { ($0.column.id, $0.expr) })
        }
        state.plan = plan
        state.scope = Scope(columns: group.outputs.map(\.column))
    }

    /// Binds an expression evaluated after grouping: aggregate calls become references
    /// to aggregate outputs (added to `group` if new), other names must be keys or earlier items.
    mutating func bindAggregating(_ e: Expr, _ group: inout PendingGroup) throws -> BoundExpr {
        let saved = aggregating
        aggregating = group
        defer { aggregating = saved }
        let b = try bindExpr(e, group.outputScope)
        if let g = aggregating { group = g }
        return b
    }

    /// An aggregate call met while binding a post-grouping expression.
    mutating func bindAggregateReference(_ fn: AggregateFunction, _ name: Identifier, _ args: [Expr],
                                         _ span: SourceSpan) throws -> BoundExpr {
        guard var group = aggregating else {
            throw error("aggregate function '\(fn.rawValue)' can only be used in a group by's aggregate list or having", name.span,
                        help: "for example: indicators group by theme aggregate \(fn.rawValue)(...)")
        }
        let canonical = text(span).lowercased()
        if let existing = group.aggregates.first(where: { $0.text == canonical }) {
            return .column(existing.id, existing.call.type)
        }
        aggregating = nil
        let call = try bindAggregateCall(fn, name, args, span, group.inputScope)
        let id = newID(canonical == "count()" ? "count" : canonical)
        group.aggregates.append((id, call, canonical))
        aggregating = group
        return .column(id, call.type)
    }

    mutating func bindAggregateCall(_ fn: AggregateFunction, _ name: Identifier, _ args: [Expr],
                                    _ span: SourceSpan, _ scope: Scope) throws -> AggregateCall {
        var bound: [BoundExpr] = []
        var fraction = 0.5
        var separator = ""
        for (i, a) in args.enumerated() {
            if fn == .string_agg && i == 1 {
                guard case .constant(.text(let sep), _) = try bindExpr(a, scope) else {
                    throw error("string_agg()'s separator must be a constant text such as \", \"", a.span)
                }
                separator = sep
                continue
            }
            if fn == .percentile && i == 1 {
                let p = try bindExpr(a, scope)
                guard case .constant(let v, _) = p, let d = v.asDouble, d >= 0, d <= 1 else {
                    throw error("percentile()'s second argument must be a constant fraction between 0 and 1", a.span)
                }
                fraction = d
                continue
            }
            // Checked before binding, which would otherwise report the inner call as out of place.
            if containsAggregate(a) {
                throw error("aggregate functions cannot be nested", a.span)
            }
            bound.append(try bindExpr(a, scope))
        }
        var types = bound.map(\.type)
        if fn == .percentile { types.append(.double) }
        if fn == .string_agg { types.append(.text) }
        switch AggregateCall.resultType(fn, types) {
        case .failure(let m): throw error(m.text, span)
        case .success(let t):
            // avg of ints sums exactly in its own accumulator; the others work on doubles.
            if fn == .corr || ((fn == .stddev || fn == .median || fn == .percentile) && bound.first?.type == .int) {
                bound = bound.map { cast($0, to: .double) }
            }
            switch fn {
            case .count_if:
                // count_if(C) counts the rows of `case when C then 1 end` that are not null.
                bound = [.caseWhen([(bound[0], .constant(.int(1), .int))], else: nil, .int)]
            case .sum_if, .avg_if:
                let e = bound[0].type == .null ? cast(bound[0], to: .int) : bound[0]
                bound = [.caseWhen([(bound[1], e)], else: nil, e.type)]
            case .string_agg:
                bound = [asText(bound[0])]
            default: break
            }
            var call = AggregateCall(function: fn, args: bound, fraction: fraction, type: t)
            call.separator = separator
            return call
        }
    }

    func containsAggregate(_ e: Expr) -> Bool {
        switch e.kind {
        case .call(let f, let args):
            return AggregateFunction.named(f.name) != nil || args.contains(where: containsAggregate)
        case .unary(_, let a), .isNull(let a, _), .interval(let a, _): return containsAggregate(a)
        case .binary(_, let a, let b), .textMatch(_, let a, let b, _): return containsAggregate(a) || containsAggregate(b)
        case .between(let a, let b, let c, _): return containsAggregate(a) || containsAggregate(b) || containsAggregate(c)
        case .inList(let a, let l, _): return containsAggregate(a) || l.contains(where: containsAggregate)
        case .window: return false
        case .inQuery(let a, _, _): return containsAggregate(a)
        case .caseWhen(let whens, let otherwise):
            return whens.contains { containsAggregate($0.condition) || containsAggregate($0.result) }
                || otherwise.map(containsAggregate) ?? false
        case .literal, .name, .today: return false
        }
    }

    mutating func bindPivot(_ e: Expr, _ span: SourceSpan, _ state: inout State) throws {
        guard var group = state.group else {
            throw error("pivot must follow a group by", span, help: "for example: risks group by theme pivot status")
        }
        let col = try bindExpr(e, group.inputScope)
        let src: ScopeColumn?
        if case .column(let id, _) = col { src = group.inputScope.column(id: id) } else { src = nil }
        let pivotName = src?.name ?? text(e.span)
        let shown: [String]
        if let en = col.type.enumType {
            // An enum keeps every value, in its order, so the shape never depends on a filter.
            shown = en.values
        } else if col.type == .text {
            shown = try pivotValues(col, pivotName, over: group.input) ?? (src?.domain ?? []).sorted()
        } else {
            throw error("pivot needs a text or enum expression, whose values become the columns; this is \(col.type)", e.span)
        }
        // Checked first: a `having` may add an aggregate of its own, and "exactly one aggregate" would mislead.
        guard group.havings.isEmpty else {
            throw error("put 'having' after 'pivot', where it can name the pivoted columns", span)
        }
        let items = group.outputs.count - group.keys.count
        guard items == 1, group.aggregates.count == 1, let agg = group.aggregates.first,
              case .column(let outID, _) = group.outputs[group.keys.count].expr, outID == agg.id else {
            throw error("pivot needs exactly one aggregate (the value shown in each cell)", span)
        }
        // A count of no rows is 0, not null: empty cells of count and count_distinct fill with 0.
        let counts = [.count, .count_distinct, .count_if].contains(agg.call.function)
        let pivotID = newID(pivotName)
        var keys = group.keys
        keys.append((pivotID, col))
        let rowKeys = group.outputs.prefix(group.keys.count).map(\.column)
        var outCols = rowKeys
        for v in shown + ["null"] {
            outCols.append(ScopeColumn(id: newID(v), name: v, qualifier: pivotName,
                                       type: counts ? .int : agg.call.type))
        }
        let spec = PivotSpec(rowKeyCount: group.keys.count, values: shown,
                             outputIDs: outCols.map(\.id), zeroFill: counts,
                             cellType: agg.call.type)
        let aggPlan = LogicalPlan.aggregate(group.input, keys: keys, aggregates: [(agg.id, agg.call)])
        group.outputs = []
        state.group = nil
        state.plan = .pivot(aggPlan, spec: spec)
        state.scope = Scope(columns: outCols)
    }
}

extension Binder {
    /// The distinct non-null values `expr` takes over `input`, sorted: a text pivot's
    /// columns are the values in its input rows. Nil when no runner is set.
    mutating func pivotValues(_ expr: BoundExpr, _ name: String, over input: LogicalPlan) throws -> [String]? {
        guard let runner else { return nil }
        let id = newID(name)
        let (vectors, n) = try runner(.aggregate(input, keys: [(id, expr)], aggregates: []), names)
        guard let v = vectors.first else { return [] }
        var values: [String] = []
        for i in 0..<n { if case .text(let s) = v.value(at: i) { values.append(s) } }
        return values.sorted()
    }
}

extension Value {
    /// The value as a Double, for numeric constants.
    var asDouble: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }
}
