/// `semi join` / `anti join` by hashing: the right side's keys go into a hash index,
/// then the left streams through, keeping each row that has a match (`anti`: that
/// has none) once, with only its own columns. A null key never matches, so an anti
/// join keeps rows with a null key (SQL's `not exists`).
final class HashSemiJoin: PhysicalOperator {
    let left: PhysicalOperator, right: PhysicalOperator
    let leftKeys: [PhysicalExpr], rightKeys: [PhysicalExpr]
    let rightWidth: Int
    let anti: Bool
    let label: String
    let executor: ExpressionExecutor
    /// Built on the first call: the index of right keys and which of its groups a
    /// right row with no null key reached.
    private var index: HashGroupIndex?
    private var matchable = ContiguousArray<Bool>()
    private var rightRows = 0

    init(left: PhysicalOperator, right: PhysicalOperator, leftKeys: [PhysicalExpr], rightKeys: [PhysicalExpr],
         rightWidth: Int, anti: Bool, label: String, context: ExecutionContext) {
        self.left = left
        self.right = right
        self.leftKeys = leftKeys
        self.rightKeys = rightKeys
        self.rightWidth = rightWidth
        self.anti = anti
        self.label = label
        self.executor = ExpressionExecutor(context: context)
        super.init(context: context)
    }

    override var name: String { anti ? "HashAntiJoin" : "HashSemiJoin" }
    override var detail: String { "\(label) (build right, \(rightRows) rows)" }
    override var children: [PhysicalOperator] { [left, right] }

    override func produce() throws -> Batch? {
        if index == nil { try build() }
        guard let index else { return nil }
        while let batch = try left.next() {
            let sel: SelectionVector
            if rightRows == 0 {
                if anti { return batch }
                continue
            }
            let keys = try leftKeys.map { try executor.evaluate($0, batch) }
            let groups = try index.assignAll(keys, count: batch.count)
            var s = SelectionVector()
            s.reserveCapacity(batch.count)
            let known = matchable.count
            for r in 0..<batch.count {
                let g = Int(groups[r])
                let hit = g < known && matchable[g] && !keys.contains { $0.isNull(r) }
                if hit != anti { s.append(UInt32(r)) }
            }
            sel = s
            if sel.count == batch.count { return batch }
            if sel.isEmpty { continue }
            return batch.gather(sel)
        }
        return nil
    }

    private func build() throws {
        let (rcols, rn) = try PhysicalOperator.drain(right, columns: rightWidth)
        rightRows = rn
        let index = HashGroupIndex(types: rightKeys.map(\.type))
        self.index = index
        guard rn > 0 else { return }
        let rk = try rightKeys.map { try executor.evaluate($0, Batch(columns: rcols, count: rn)) }
        let groups = try index.assignAll(rk, count: rn)
        matchable = ContiguousArray(repeating: false, count: index.groupCount)
        for r in 0..<rn where !rk.contains(where: { $0.isNull(r) }) { matchable[Int(groups[r])] = true }
    }
}
