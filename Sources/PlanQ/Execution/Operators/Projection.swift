/// Computes one output column per expression; bare column references pass through without copying.
final class Projection: StreamingOperator {
    let exprs: [PhysicalExpr]

    init(child: PhysicalOperator, exprs: [PhysicalExpr], label: String, context: ExecutionContext) {
        self.exprs = exprs
        super.init(child: child, label: label, context: context)
    }

    override func produce() throws -> Batch? {
        guard let batch = try child.next() else { return nil }
        let cols = try exprs.map { try executor.evaluate($0, batch) }
        return Batch(columns: cols, count: batch.count, origin: batch.origin)
    }
}

/// Stops after `n` rows.
final class Limit: PhysicalOperator {
    let child: PhysicalOperator
    let limit: Int
    private var emitted = 0

    init(child: PhysicalOperator, limit: Int, context: ExecutionContext) {
        self.child = child
        self.limit = limit
        super.init(context: context)
    }

    override var detail: String { "\(limit)" }
    override var children: [PhysicalOperator] { [child] }

    override func produce() throws -> Batch? {
        guard emitted < limit, let b = try child.next() else { return nil }
        let take = min(b.count, limit - emitted)
        emitted += take
        if take == b.count { return b }
        return Batch(columns: b.columns.map { $0.slice(0, take) }, count: take)
    }
}
