/// `top n by x [per k]`: the `n` rows with the largest (or smallest) `x`, in each
/// partition of `k`; whole rows are kept, ties keep input order. Output is
/// ordered by partition (first appearance), then by `x`.
final class TopN: PhysicalOperator {
    let child: PhysicalOperator
    let n: Int
    let key: BoundExpr
    let descending: Bool
    let per: [BoundExpr]
    let width: Int
    let label: String
    /// Group index for the `per` keys (chosen by the planner like an aggregate's).
    let partitions: GroupIndex?
    private var output: MaterializedSource?

    /// Up to this `n`, each partition keeps its best `n` rows in a small sorted
    /// array while the input streams past (no sort of the whole input).
    static let maxSelectN = 64

    init(child: PhysicalOperator, n: Int, key: BoundExpr, descending: Bool, per: [BoundExpr], width: Int,
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
        if output == nil {
            let (cols, count) = try PhysicalOperator.drain(child, columns: width)
            let executor = ExpressionExecutor(context: context)
            let batch = Batch(columns: cols, count: count)
            if n <= TopN.maxSelectN, count < Int(UInt32.max) {
                let keep = try select(batch, executor)
                output = MaterializedSource(columns: cols.map { $0.gather(keep) }, count: keep.count, context: context)
                return try output?.next()
            }
            // Partition ids by first appearance, then sort by (partition, key, row).
            var partition = ContiguousArray<UInt32>(repeating: 0, count: count)
            if !per.isEmpty {
                let keys = try per.map { try executor.evaluate($0, batch) }
                partition = try HashGroupIndex(types: keys.map(\.type)).assignAll(keys, count: count)
            }
            let partVector = Vector(.int(ContiguousArray(partition.map { Int64($0) })[...]))
            let (words, w) = SortKeyEncoder.encode([(partVector, false), (try executor.evaluate(key, batch), descending)], count: count)
            let perm = SortKeyEncoder.permutation(words, width: w, count: count)
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

    /// Rows kept, in output order, by per-partition selection: each partition's
    /// best `n` (rank word, row) pairs are kept sorted; a row that does not beat
    /// the partition's worst kept row costs one comparison. Rows with a null key
    /// fill the places still free afterwards, in input order (nulls sort last).
    /// - Complexity: O(rows · n) worst case, O(rows) typically, plus sorting partitions.
    private func select(_ batch: Batch, _ executor: ExpressionExecutor) throws -> ContiguousArray<UInt32> {
        let count = batch.count
        var gids = ContiguousArray<UInt32>(repeating: 0, count: count)
        var groups = 1
        if !per.isEmpty {
            let keys = try per.map { try executor.evaluate($0, batch) }
            let index = partitions ?? HashGroupIndex(types: keys.map(\.type))
            gids = try index.assignAll(keys, count: count)
            groups = max(index.slotCount, 1)
        }
        let keyVector = try executor.evaluate(key, batch)
        var words = SortKeyEncoder.valueWords(keyVector)
        if descending { words = ContiguousArray(words.map { ~$0 }) }
        let n = self.n
        var best = ContiguousArray<UInt64>(repeating: 0, count: groups * n)
        var rows = ContiguousArray<UInt32>(repeating: 0, count: groups * n)
        var filled = ContiguousArray<Int32>(repeating: 0, count: groups)
        var first = ContiguousArray<UInt32>(repeating: UInt32.max, count: groups)
        gids.withUnsafeBufferPointer { g in
            words.withUnsafeBufferPointer { w in
                best.withUnsafeMutableBufferPointer { b in
                    rows.withUnsafeMutableBufferPointer { rw in
                        filled.withUnsafeMutableBufferPointer { f in
                            first.withUnsafeMutableBufferPointer { fr in
                                for r in 0..<count {
                                    let p = Int(g[r])
                                    if fr[p] == UInt32.max { fr[p] = UInt32(r) }
                                    if keyVector.isNull(r) { continue }
                                    let x = w[r], base = p * n
                                    var k = Int(f[p])
                                    if k == n {
                                        // Ties keep the earlier row: only a strictly better key enters.
                                        if x >= b[base + n - 1] { continue }
                                        k = n - 1
                                    } else {
                                        f[p] += 1
                                    }
                                    while k > 0 && b[base + k - 1] > x {
                                        b[base + k] = b[base + k - 1]
                                        rw[base + k] = rw[base + k - 1]
                                        k -= 1
                                    }
                                    b[base + k] = x
                                    rw[base + k] = UInt32(r)
                                }
                            }
                        }
                    }
                }
            }
        }
        if keyVector.nullCount > 0 {
            for r in 0..<count where keyVector.isNull(r) {
                let p = Int(gids[r])
                if Int(filled[p]) < n {
                    rows[p * n + Int(filled[p])] = UInt32(r)
                    filled[p] += 1
                }
            }
        }
        let order = (0..<groups).filter { first[$0] != UInt32.max }.sorted { first[$0] < first[$1] }
        var keep = ContiguousArray<UInt32>()
        for p in order {
            for k in 0..<Int(filled[p]) { keep.append(rows[p * n + k]) }
        }
        return keep
    }
}
