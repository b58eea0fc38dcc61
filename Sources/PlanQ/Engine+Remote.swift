extension Engine {
    /// Runs an already bound statement on `remote`: the plan runs locally over the catalog's
    /// empty tables only to learn the result's columns (names, types, pivot columns), then
    /// the remote engine supplies the rows.
    func executeRemotely(_ remote: RemoteExecutor, _ query: Query, bound: BoundQuery, explain: Bool, analyze: Bool,
                         source: SourceText, context ctx: ExecutionContext, started t1: Double,
                         defining: String? = nil) throws -> StatementResult {
        let root = try PhysicalPlanner(context: ctx, names: bound.names).plan(bound.plan)
        let (cols, n) = try PhysicalOperator.drain(root, columns: bound.columnNames.count)
        // Empty tables give no batches, so the drained columns may be untyped: take types from the plan.
        let planTypes = Engine.outputTypes(bound.plan)
        let ids = bound.plan.outputs
        let shape = Table(name: "result", columns: zip(bound.columnNames, cols).enumerated().map { i, c in
            var v = c.1
            if v.type == .null, i < ids.count, let t = planTypes[ids[i]], t != .null { v = Vector(Engine.emptyData(t)) }
            return Column(name: c.0, vector: v)
        }, rowCount: n)
        let t2 = Engine.now()
        var r: StatementResult
        if let defining {
            try remote.define(defining, query, bound: bound, source: source, context: ctx)
            let empty = Table(name: defining, columns: shape.columns, rowCount: 0)
            r = StatementResult(table: empty, explain: nil, timing: Timing(parse: 0, plan: t2 - t1, execute: Engine.now() - t2))
        } else if explain {
            let text = try remote.explain(query, bound: bound, analyze: analyze, source: source, context: ctx)
            r = StatementResult(table: shape, explain: text, timing: Timing(parse: 0, plan: t2 - t1, execute: Engine.now() - t2))
        } else {
            let table = try remote.run(query, bound: bound, shape: shape, source: source, context: ctx)
            r = StatementResult(table: table, explain: nil, timing: Timing(parse: 0, plan: t2 - t1, execute: Engine.now() - t2))
        }
        // No empty-result explanation: it would re-run the steps over the empty local tables.
        r.warnings = bound.warnings.map { $0.located(in: source) }
        return r
    }

    /// The type of every column a plan outputs.
    static func outputTypes(_ plan: LogicalPlan) -> [ColumnID: DataType] {
        switch plan {
        case .scan(let table, let cols):
            var t: [ColumnID: DataType] = [:]
            for (index, id) in cols { t[id] = table.columns[index].type }
            return t
        case .filter(let p, _), .sort(let p, _), .limit(let p, _), .top(let p, _, _, _, _), .distinct(let p):
            return outputTypes(p)
        case .project(let p, let outs):
            var t = outputTypes(p)
            for (id, e) in outs { t[id] = e.type }
            return t
        case .aggregate(let p, let keys, let aggs):
            var t = outputTypes(p)
            for (id, e) in keys { t[id] = e.type }
            for (id, call) in aggs { t[id] = call.type }
            return t
        case .pivot(let p, let spec):
            var t = outputTypes(p)
            for id in spec.outputIDs.dropFirst(spec.rowKeyCount) { t[id] = spec.zeroFill ? .int : spec.cellType }
            return t
        case .join(let l, let r, _, _):
            return outputTypes(l).merging(outputTypes(r)) { a, _ in a }
        case .window(let p, let calls):
            var t = outputTypes(p)
            for (id, call) in calls { t[id] = call.type }
            return t
        case .semiJoin(let l, _, _, _):
            return outputTypes(l)
        case .union(let l, let r, let outs):
            // Output i has the type of either side's column i (the binder made them one type).
            let lt = outputTypes(l), rt = outputTypes(r)
            var t: [ColumnID: DataType] = [:]
            for (i, id) in outs.enumerated() {
                let li = l.outputs.indices.contains(i) ? lt[l.outputs[i]] : nil
                let ri = r.outputs.indices.contains(i) ? rt[r.outputs[i]] : nil
                t[id] = (li == nil || li == .null) ? (ri ?? li) : li
            }
            return t
        case .unnest(let p, _, let id):
            var t = outputTypes(p)
            t[id] = .text
            return t
        }
    }

    /// Zero rows of `type`.
    static func emptyData(_ type: DataType) -> VectorData {
        switch type {
        case .null: return .null(0)
        case .bool: return .bool([])
        case .int: return .int([])
        case .double: return .double([])
        case .date: return .date([])
        case .text: return .text([], StringDictionary())
        case .enumeration(let e): return .enumeration([], e)
        }
    }
}
