/// Turns a ``LogicalPlan`` into physical operators.
///
/// Works top-down with the set of column IDs the parent needs, so scans read
/// only the columns some clause uses, and bottom-up with each operator's output
/// layout (ID → slot), which expressions are resolved against. Strategies
/// (direct or hash aggregation, join build side) are chosen here from types and
/// statistics, never from names.
struct PhysicalPlanner {
    let context: ExecutionContext
    let names: [ColumnID: String]
    /// Set while building one thread's copy of a parallel pipeline: its scan
    /// claims morsels from this queue instead of reading the whole table.
    var morsels: MorselQueue? = nil
    /// Build each conjunct of a `where` as its own ``Filter`` (in written order), so
    /// `explain analyze` can show the rows each one keeps. Off for ordinary queries.
    var splitConjuncts = false

    /// What is known of a column that comes straight from a table.
    struct Known {
        var column: Column
        var rows: Int
    }

    struct Built {
        var op: PhysicalOperator
        var layout: [ColumnID]
        var known: [ColumnID: Known]

        func slots() -> [ColumnID: SlotIndex] {
            var m: [ColumnID: SlotIndex] = [:]
            for (i, id) in layout.enumerated() where m[id] == nil { m[id] = SlotIndex(i) }
            return m
        }
    }

    func name(_ id: ColumnID) -> String { names[id] ?? id.description }
    func render(_ e: BoundExpr) -> String { e.render(name) }

    /// Lowers expressions against a child's layout (an unknown column fails here, at plan time).
    func lowering(_ slots: [ColumnID: SlotIndex]) -> ExpressionLowering {
        ExpressionLowering(slots: slots, name: name)
    }

    /// Builds the whole plan, ending with the exact output columns in order.
    func plan(_ root: LogicalPlan) throws -> PhysicalOperator {
        let outputs = root.outputs
        let b = try build(root, required: Set(outputs))
        if b.layout == outputs { return b.op }
        let low = lowering(b.slots())
        return Projection(child: b.op, exprs: try outputs.map { .slot(try low.slot($0), typeOf($0, in: root)) },
                          label: outputs.map(name).joined(separator: ", "), context: context)
    }

    func build(_ plan: LogicalPlan, required: Set<ColumnID>) throws -> Built {
        switch plan {
        case .scan(let table, let cols):
            // With nothing required (`count()` alone) the scan still reports row counts.
            let kept = cols.filter { required.contains($0.id) }
            var known: [ColumnID: Known] = [:]
            for c in kept { known[c.id] = Known(column: table.columns[c.index], rows: table.rowCount) }
            let op = TableScan(table: table, columns: kept.map(\.index), morsels: morsels, context: context)
            return Built(op: op, layout: kept.map(\.id), known: known)

        case .filter(let input, let pred):
            let child = try build(input, required: required.union(pred.columns))
            let low = lowering(child.slots())
            var op = child.op
            for p in splitConjuncts ? EmptyResultExplainer.conjuncts(pred) : [pred] {
                op = Filter(child: op, predicate: try low.lower(p), label: render(p), context: context)
            }
            return Built(op: op, layout: child.layout, known: child.known)

        case .project(let input, let outputs):
            let kept = outputs.filter { required.contains($0.id) }
            var need = Set<ColumnID>()
            for o in kept { o.expr.collectColumns(into: &need) }
            let child = try build(input, required: need)
            let low = lowering(child.slots())
            var known: [ColumnID: Known] = [:]
            for o in kept {
                if case .column(let src, _) = o.expr, let k = child.known[src] { known[o.id] = k }
            }
            let label = kept.map { o -> String in
                if case .column(let src, _) = o.expr, name(src) == name(o.id) { return name(o.id) }
                return "\(name(o.id)) = \(render(o.expr))"
            }.joined(separator: ", ")
            let op = Projection(child: child.op, exprs: try kept.map { try low.lower($0.expr) }, label: label, context: context)
            return Built(op: op, layout: kept.map(\.id), known: known)

        case .aggregate(let input, let keys, let aggs):
            var need = Set<ColumnID>()
            for k in keys { k.expr.collectColumns(into: &need) }
            for a in aggs { for e in a.call.args { e.collectColumns(into: &need) } }
            let child = try build(input, required: need)
            let low = lowering(child.slots())
            let index = AggregateStrategy.choose(keys: keys.map(\.expr), known: child.known)
            let label = "keys=[\(keys.map { render($0.expr) }.joined(separator: ", "))] aggregates=[\(aggs.map { name($0.id) }.joined(separator: ", "))]"
            let calls = try aggs.map { try low.lower($0.call) }
            // `string_agg` joins values in row order: its grouping reads the input on one thread.
            let serial = calls.contains(where: \.isOrderSensitive)
            let op = Aggregate(child: child.op, keys: try keys.map { try low.lower($0.expr) },
                               calls: calls,
                               index: index, label: label, context: context,
                               parallel: serial ? [] : try parallelPipelines(input, required: need),
                               rowHint: PhysicalPlanner.morselRows(input) ?? 0)
            var known: [ColumnID: Known] = [:]
            if index is DirectGroupIndex {
                for k in keys { if case .column(let src, _) = k.expr, let kn = child.known[src] { known[k.id] = kn } }
            }
            return Built(op: op, layout: keys.map(\.id) + aggs.map(\.id), known: known)

        case .pivot(let input, let spec):
            let child = try build(input, required: Set(input.outputs))
            return Built(op: Pivot(child: child.op, spec: spec, context: context), layout: spec.outputIDs, known: [:])

        case .sort(let input, let keys):
            var need = required
            for k in keys { k.expr.collectColumns(into: &need) }
            let child = try build(input, required: need)
            let low = lowering(child.slots())
            let label = keys.map { "\(render($0.expr))\($0.descending ? " desc" : "")" }.joined(separator: ", ")
            let op = Sort(child: child.op, keys: try keys.map { (try low.lower($0.expr), $0.descending) },
                          width: child.layout.count, label: label, context: context)
            return Built(op: op, layout: child.layout, known: child.known)

        case .limit(let input, let n):
            let child = try build(input, required: required)
            return Built(op: Limit(child: child.op, limit: n, context: context), layout: child.layout, known: child.known)

        case .top(let input, let n, let key, let desc, let per):
            var need = required.union(key.columns)
            for p in per { p.collectColumns(into: &need) }
            let child = try build(input, required: need)
            let low = lowering(child.slots())
            let label = "\(n) by \(render(key))\(desc ? "" : " asc")" + (per.isEmpty ? "" : " per \(per.map(render).joined(separator: ", "))")
            let partitions = per.isEmpty ? nil : AggregateStrategy.choose(keys: per, known: child.known)
            let op = TopN(child: child.op, n: n, key: try low.lower(key), descending: desc,
                          per: try per.map { try low.lower($0) }, width: child.layout.count, label: label,
                          partitions: partitions, context: context)
            return Built(op: op, layout: child.layout, known: child.known)

        case .distinct(let input):
            let outs = input.outputs
            let child = try build(input, required: Set(outs))
            let low = lowering(child.slots())
            let keys = outs.map { id -> BoundExpr in .column(id, typeOf(id, in: input)) }
            let index = AggregateStrategy.choose(keys: keys, known: child.known)
            let op = Aggregate(child: child.op, keys: try keys.map { try low.lower($0) }, calls: [], index: index,
                               label: "distinct [\(outs.map(name).joined(separator: ", "))]", context: context)
            return Built(op: op, layout: outs, known: [:])

        case .join(let l, let r, let keys, let leftOuter):
            let s = try buildJoinSides(l, r, keys: keys, leftNeed: required.intersection(Set(l.outputs)),
                                       rightNeed: required.intersection(Set(r.outputs)))
            let op = HashJoin(left: s.left.op, right: s.right.op, leftKeys: s.leftKeys, rightKeys: s.rightKeys,
                              leftWidth: s.left.layout.count, rightWidth: s.right.layout.count, leftOuter: leftOuter,
                              label: s.label, context: context)
            return Built(op: op, layout: s.left.layout + s.right.layout, known: [:])

        case .window(let input, let calls):
            return try buildWindow(input, calls, required: required)
        case .semiJoin, .union, .unnest:
            return try buildCombining(plan, required: required)
        }
    }

    /// One copy of `input`'s pipeline per thread, sharing a morsel queue, when the
    /// context has more than one thread and `input` is a scan with filters and
    /// projections over at least two morsels of rows; otherwise none (serial).
    func parallelPipelines(_ input: LogicalPlan, required: Set<ColumnID>) throws -> [PhysicalOperator] {
        guard context.threads > 1, morsels == nil, let rows = PhysicalPlanner.morselRows(input),
              rows >= 2 * context.morselSize else { return [] }
        var local = self
        local.morsels = MorselQueue(rows: rows, size: context.morselSize)
        return try (0..<context.threads).map { _ in try local.build(input, required: required).op }
    }

    /// The table's row count when `plan` is a pipeline that can run on morsels
    /// (a scan under any number of filters and projections).
    static func morselRows(_ plan: LogicalPlan) -> Int? {
        switch plan {
        case .scan(let table, _): return table.rowCount
        case .filter(let p, _), .project(let p, _): return morselRows(p)
        default: return nil
        }
    }

    /// The type of output `id` of `plan` (for distinct's keys).
    func typeOf(_ id: ColumnID, in plan: LogicalPlan) -> DataType {
        switch plan {
        case .scan(let t, let cols): return cols.first { $0.id == id }.map { t.columns[$0.index].type } ?? .null
        case .filter(let p, _), .sort(let p, _), .limit(let p, _), .top(let p, _, _, _, _), .distinct(let p): return typeOf(id, in: p)
        case .project(_, let outs): return outs.first { $0.id == id }?.expr.type ?? .null
        case .aggregate(_, let keys, let aggs):
            return keys.first { $0.id == id }?.expr.type ?? aggs.first { $0.id == id }?.call.type ?? .null
        case .pivot(_, let spec):
            guard let i = spec.outputIDs.firstIndex(of: id) else { return .null }
            if i < spec.rowKeyCount, case .pivot(let input, _) = plan { return typeOf(input.outputs[i], in: input) }
            return spec.zeroFill ? .int : spec.cellType
        case .join(let l, let r, _, _):
            return l.outputs.contains(id) ? typeOf(id, in: l) : typeOf(id, in: r)
        case .window(let p, let calls):
            return calls.first { $0.id == id }?.call.type ?? typeOf(id, in: p)
        case .semiJoin(let l, _, _, _): return typeOf(id, in: l)
        case .union(let l, _, let outs):
            guard let i = outs.firstIndex(of: id), i < l.outputs.count else { return .null }
            return typeOf(l.outputs[i], in: l)
        case .unnest(let p, _, let out): return id == out ? .text : typeOf(id, in: p)
        }
    }
}
