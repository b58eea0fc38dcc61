/// Grouped aggregation. Each input batch becomes a group-id vector (from a
/// ``DirectGroupIndex`` or ``HashGroupIndex``, chosen by the planner), and each
/// aggregate's ``Accumulator`` folds the batch's argument vector into its per-group
/// arrays. Shown in `explain` as `DirectAggregate` or `HashAggregate`.
final class Aggregate: PhysicalOperator {
    let child: PhysicalOperator
    let keys: [BoundExpr]
    let calls: [AggregateCall]
    let index: GroupIndex
    let label: String
    private let executor: ExpressionExecutor
    private var output: MaterializedSource?

    init(child: PhysicalOperator, keys: [BoundExpr], calls: [AggregateCall], index: GroupIndex,
         label: String, context: ExecutionContext) {
        self.child = child
        self.keys = keys
        self.calls = calls
        self.index = index
        self.label = label
        self.executor = ExpressionExecutor(context: context)
        super.init(context: context)
    }

    override var name: String { index is DirectGroupIndex ? "DirectAggregate" : "HashAggregate" }
    override var detail: String { "\(label) (\(index.strategy))" }
    override var children: [PhysicalOperator] { [child] }

    override func produce() throws -> Batch? {
        if output == nil { output = try run() }
        return try output?.next()
    }

    private func run() throws -> MaterializedSource {
        let accumulators = calls.map(AccumulatorFactory.make)
        var gids = ContiguousArray<UInt32>(repeating: 0, count: Batch.capacity)
        var total = 0
        while let batch = try child.next() {
            let n = batch.count
            total += n
            if gids.count < n { gids = ContiguousArray(repeating: 0, count: n) }
            let keyVectors = try keys.map { try executor.evaluate($0, batch) }
            try gids.withUnsafeMutableBufferPointer { g in
                try index.assign(keyVectors, count: n, into: UnsafeMutableBufferPointer(rebasing: g[0..<n]))
            }
            let slots = index.slotCount
            for (acc, call) in zip(accumulators, calls) {
                acc.resize(slots)
                let args = try call.args.map { try executor.evaluate($0, batch) }
                try gids.withUnsafeBufferPointer { g in
                    try acc.update(UnsafeBufferPointer(rebasing: g[0..<n]), args)
                }
            }
        }
        var groups = index.occupiedGroups()
        // An aggregate of the whole table has one row even when no rows reached it.
        if keys.isEmpty && groups.isEmpty { groups = [0] }
        for acc in accumulators { acc.resize(max(index.slotCount, 1)) }
        var columns = index.keyVectors(groups)
        for acc in accumulators { columns.append(try acc.finish(groups, totalRows: total)) }
        return MaterializedSource(columns: columns, count: groups.count, context: context)
    }
}
