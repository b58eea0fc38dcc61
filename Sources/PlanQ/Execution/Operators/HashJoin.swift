/// Equi-join by hashing. Both inputs are materialised; for an inner join the
/// smaller side is built into the hash table and the other side probes it; a
/// left join always builds the right side. Null keys never match. Output columns
/// are the left's then the right's; rows come in probe order.
final class HashJoin: PhysicalOperator {
    let left: PhysicalOperator, right: PhysicalOperator
    let leftKeys: [PhysicalExpr], rightKeys: [PhysicalExpr]
    let leftWidth: Int, rightWidth: Int
    let leftOuter: Bool
    let label: String
    private var output: MaterializedSource?
    private var builtSide = "right"

    init(left: PhysicalOperator, right: PhysicalOperator, leftKeys: [PhysicalExpr], rightKeys: [PhysicalExpr],
         leftWidth: Int, rightWidth: Int, leftOuter: Bool, label: String, context: ExecutionContext) {
        self.left = left
        self.right = right
        self.leftKeys = leftKeys
        self.rightKeys = rightKeys
        self.leftWidth = leftWidth
        self.rightWidth = rightWidth
        self.leftOuter = leftOuter
        self.label = label
        super.init(context: context)
    }

    override var name: String { leftOuter ? "HashLeftJoin" : "HashJoin" }
    override var detail: String { "\(label) (build \(builtSide))" }
    override var children: [PhysicalOperator] { [left, right] }

    override func produce() throws -> Batch? {
        if output == nil { output = try run() }
        return try output?.next()
    }

    private func run() throws -> MaterializedSource {
        let (lcols, ln) = try PhysicalOperator.drain(left, columns: leftWidth)
        let (rcols, rn) = try PhysicalOperator.drain(right, columns: rightWidth)
        let executor = ExpressionExecutor(context: context)
        let lk = try leftKeys.map { try executor.evaluate($0, Batch(columns: lcols, count: ln)) }
        let rk = try rightKeys.map { try executor.evaluate($0, Batch(columns: rcols, count: rn)) }
        // An empty side drains to untyped null vectors: take the key's type from the other side,
        // or the normaliser has no text interner for the other side's codes.
        let types = zip(lk, rk).map { $0.type == .null ? $1.type : $0.type }
        // One normaliser (and so one text interner per key) for both sides.
        let normalizer = KeyNormalizer(types: types)
        let buildRight = leftOuter || rn <= ln
        builtSide = buildRight ? "right" : "left"
        let (bk, bn, pk, pn) = buildRight ? (rk, rn, lk, ln) : (lk, ln, rk, rn)
        let index = HashGroupIndex(types: types, normalizer: normalizer)
        let buildGroups = try index.assignAll(bk, count: bn)
        // Chain the build rows of each key: head[group] → row → next[row].
        var head = ContiguousArray<Int32>(repeating: -1, count: index.groupCount)
        var nextRow = ContiguousArray<Int32>(repeating: -1, count: bn)
        for r in stride(from: bn - 1, through: 0, by: -1) where !anyNull(bk, r) {
            let g = Int(buildGroups[r])
            nextRow[r] = head[g]
            head[g] = Int32(r)
        }
        let known = index.groupCount
        let probeGroups = try index.assignAll(pk, count: pn)
        var probeSel = ContiguousArray<Int32>(), buildSel = ContiguousArray<Int32>()
        // Keys that match nearly every pair would give up to ln × rn rows: check the
        // output size after every probe row, before it can exhaust memory.
        let limits = context.limits, width = leftWidth + rightWidth
        for r in 0..<pn {
            try limits.check(rows: probeSel.count, columns: width, "the join output")
            let g = Int(probeGroups[r])
            var b: Int32 = g < known && !anyNull(pk, r) ? head[g] : -1
            if b < 0 && leftOuter {
                probeSel.append(Int32(r))
                buildSel.append(-1)
                continue
            }
            while b >= 0 {
                probeSel.append(Int32(r))
                buildSel.append(b)
                b = nextRow[Int(b)]
            }
        }
        try limits.check(rows: probeSel.count, columns: width, "the join output")
        let (lsel, rsel) = buildRight ? (probeSel, buildSel) : (buildSel, probeSel)
        let out = lcols.map { $0.gatherOptional(lsel) } + rcols.map { $0.gatherOptional(rsel) }
        return MaterializedSource(columns: out, count: lsel.count, context: context)
    }

    private func anyNull(_ keys: [Vector], _ r: Int) -> Bool { keys.contains { $0.isNull(r) } }
}
