/// `top n by x [per k]`: the `n` rows with the largest (or smallest) `x`, in each
/// partition of `k`; whole rows are kept, ties keep input order. Output is
/// ordered by partition (first appearance), then by `x`.
final class TopN: PhysicalOperator {
    let child: PhysicalOperator
    let n: Int
    let key: PhysicalExpr
    let descending: Bool
    let per: [PhysicalExpr]
    let width: Int
    let label: String
    /// Group index for the `per` keys (chosen by the planner like an aggregate's).
    let partitions: GroupIndex?
    private var output: MaterializedSource?

    /// Up to this `n`, each partition keeps its best `n` rows in a small sorted
    /// array while the input streams past (no sort of the whole input).
    static let maxSelectN = 64

    init(child: PhysicalOperator, n: Int, key: PhysicalExpr, descending: Bool, per: [PhysicalExpr], width: Int,
         label: String, partitions: GroupIndex? = nil, context: ExecutionContext) {
        self.partitions = partitions
        self.child = child
        self.n = n
        self.key = key
        self.descending = descending
        self.per = per
        self.width = width
        self.label = label
        super.init(context: context)
    }

    override var detail: String { label }
    override var children: [PhysicalOperator] { [child] }

    override func produce() throws -> Batch? {
        if output == nil && n <= TopN.maxSelectN {
            output = try streamingSelect()
        }
        if output == nil {
            let (cols, count) = try PhysicalOperator.drain(child, columns: width)
            let executor = ExpressionExecutor(context: context)
            let batch = Batch(columns: cols, count: count)
            // Partition ids by first appearance, then sort by (partition, key, row).
            var partition = ContiguousArray<UInt32>(repeating: 0, count: count)
            if !per.isEmpty {
                let keys = try per.map { try executor.evaluate($0, batch) }
                partition = try HashGroupIndex(types: keys.map(\.type)).assignAll(keys, count: count)
            }
            let partVector = Vector(.int(ContiguousArray(partition.map { Int64($0) })[...]))
            let perm = SortKeyEncoder.order([(partVector, false), (try executor.evaluate(key, batch), descending)], count: count)
            var keep = ContiguousArray<UInt32>()
            var taken = 0
            var current: UInt32?
            for r in perm {
                if partition[Int(r)] != current { current = partition[Int(r)]; taken = 0 }
                if taken < n { keep.append(r); taken += 1 }
            }
            output = MaterializedSource(columns: cols.map { $0.gather(keep) }, count: keep.count, context: context)
        }
        return try output?.next()
    }
}
