/// Sorts its whole input (a pipeline breaker).
final class Sort: PhysicalOperator {
    let child: PhysicalOperator
    let keys: [(PhysicalExpr, Bool)]
    let width: Int
    let label: String
    private var output: MaterializedSource?

    init(child: PhysicalOperator, keys: [(PhysicalExpr, Bool)], width: Int, label: String, context: ExecutionContext) {
        self.child = child
        self.keys = keys
        self.width = width
        self.label = label
        super.init(context: context)
    }

    override var detail: String { label }
    override var children: [PhysicalOperator] { [child] }

    override func produce() throws -> Batch? {
        if output == nil {
            let (cols, n) = try PhysicalOperator.drain(child, columns: width)
            let executor = ExpressionExecutor(context: context)
            let batch = Batch(columns: cols, count: n)
            let keyVectors = try keys.map { (try executor.evaluate($0.0, batch), $0.1) }
            let perm = SortKeyEncoder.order(keyVectors, count: n)
            output = MaterializedSource(columns: cols.map { $0.gather(perm) }, count: n, context: context)
        }
        return try output?.next()
    }
}
