extension Engine {
    /// Runs an already bound statement on `remote`: the plan runs locally over the catalog's
    /// empty tables only to learn the result's columns (names, types, pivot columns), then
    /// the remote engine supplies the rows.
    func executeRemotely(_ remote: RemoteExecutor, _ query: Query, bound: BoundQuery, explain: Bool, analyze: Bool,
                         source: SourceText, context ctx: ExecutionContext, started t1: Double) throws -> StatementResult {
        let root = try PhysicalPlanner(context: ctx, names: bound.names).plan(bound.plan)
        let (cols, n) = try PhysicalOperator.drain(root, columns: bound.columnNames.count)
        let shape = Table(name: "result", columns: zip(bound.columnNames, cols).map { Column(name: $0, vector: $1) }, rowCount: n)
        let t2 = Engine.now()
        var r: StatementResult
        if explain {
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
}
