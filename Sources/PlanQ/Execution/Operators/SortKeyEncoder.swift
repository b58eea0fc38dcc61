/// Encodes sort keys as `UInt64` words whose unsigned order is the requested
/// order, so a multi-key sort compares plain integers.
///
/// Per key: a null word (0, or 1 for null, never inverted: nulls sort last in
/// both directions) then the value word (inverted for descending). Ints flip
/// the sign bit; doubles use the IEEE total-order trick; text uses the rank of
/// each dictionary entry in sorted order; enums their declared order.
enum SortKeyEncoder {
    static func encode(_ keys: [(Vector, Bool)], count n: Int) -> (words: ContiguousArray<UInt64>, width: Int) {
        let w = keys.count * 2
        var out = ContiguousArray<UInt64>(repeating: 0, count: n * w)
        for (k, (v, desc)) in keys.enumerated() {
            let values = valueWords(v)
            for r in 0..<n {
                if v.isNull(r) {
                    out[r * w + 2 * k] = 1
                } else {
                    out[r * w + 2 * k + 1] = desc ? ~values[r] : values[r]
                }
            }
        }
        return (out, w)
    }

    static func valueWords(_ v: Vector) -> ContiguousArray<UInt64> {
        let sign: UInt64 = 1 << 63
        switch v.data {
        case .null(let n): return ContiguousArray(repeating: 0, count: n)
        case .bool(let a): return ContiguousArray(a.map { UInt64($0) })
        case .int(let a): return ContiguousArray(a.map { UInt64(bitPattern: $0) ^ sign })
        case .date(let a): return ContiguousArray(a.map { UInt64(bitPattern: Int64($0)) ^ sign })
        case .enumeration(let a, _): return ContiguousArray(a.map { UInt64($0) })
        case .double(let a):
            return ContiguousArray(a.map { d -> UInt64 in
                // NaN sorts after every number; -0 equals 0.
                if d.isNaN { return UInt64.max }
                let b = (d == 0 ? 0.0 : d).bitPattern
                return b & sign != 0 ? ~b : b | sign
            })
        case .text(let a, let d):
            let order = d.strings.indices.sorted { d.strings[$0] < d.strings[$1] }
            var rank = ContiguousArray<UInt64>(repeating: 0, count: d.count)
            var r: UInt64 = 0
            for (i, idx) in order.enumerated() {
                if i > 0 && d.strings[order[i - 1]] != d.strings[idx] { r += 1 }
                rank[idx] = r
            }
            return ContiguousArray(a.map { rank[Int($0)] })
        }
    }

    /// Row order sorted by the encoded words; ties keep input order (stable).
    static func permutation(_ words: ContiguousArray<UInt64>, width w: Int, count n: Int) -> ContiguousArray<UInt32> {
        var perm = ContiguousArray((0..<n).map { UInt32($0) })
        words.withUnsafeBufferPointer { p in
            perm.sort { a, b in
                let x = Int(a) * w, y = Int(b) * w
                for j in 0..<w where p[x + j] != p[y + j] { return p[x + j] < p[y + j] }
                return a < b
            }
        }
        return perm
    }
}

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
            let (words, w) = SortKeyEncoder.encode(keyVectors, count: n)
            let perm = SortKeyEncoder.permutation(words, width: w, count: n)
            output = MaterializedSource(columns: cols.map { $0.gather(perm) }, count: n, context: context)
        }
        return try output?.next()
    }
}
