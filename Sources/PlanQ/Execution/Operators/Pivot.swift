/// Reshapes an aggregate `(row keys..., pivot value, cell)` into one row per row-key
/// combination and one column per pivot value (plus `null`), in the spec's order.
final class Pivot: PhysicalOperator {
    let child: PhysicalOperator
    let spec: PivotSpec
    private var output: MaterializedSource?

    init(child: PhysicalOperator, spec: PivotSpec, context: ExecutionContext) {
        self.child = child
        self.spec = spec
        super.init(context: context)
    }

    override var detail: String { "\(spec.values.count) value columns + null" }
    override var children: [PhysicalOperator] { [child] }

    override func produce() throws -> Batch? {
        if output == nil { output = try run() }
        return try output?.next()
    }

    private func run() throws -> MaterializedSource {
        let k = spec.rowKeyCount
        let (cols, n) = try PhysicalOperator.drain(child, columns: k + 2)
        // Row groups by first appearance of the row keys.
        var rowOf = ContiguousArray<UInt32>(repeating: 0, count: n)
        var rows = 0
        var firstRow = ContiguousArray<UInt32>()
        if k > 0, n > 0 {
            let index = HashGroupIndex(types: cols[0..<k].map(\.type))
            rowOf = try index.assignAll(Array(cols[0..<k]), count: n)
            rows = index.groupCount
        } else {
            rows = n > 0 ? 1 : 0
        }
        firstRow = ContiguousArray(repeating: 0, count: rows)
        var seen = ContiguousArray<Bool>(repeating: false, count: rows)
        for r in 0..<n where !seen[Int(rowOf[r])] { seen[Int(rowOf[r])] = true; firstRow[Int(rowOf[r])] = UInt32(r) }
        // Column of each input row: the pivot value's position, or the trailing null column.
        let values = spec.values.count
        var position: [String: Int] = [:]
        for (i, v) in spec.values.enumerated() { position[v] = i }
        let pivotCol = cols[k]
        var cellIndex = [ContiguousArray<Int32>](repeating: ContiguousArray(repeating: -1, count: rows), count: values + 1)
        // Map codes to columns once per dictionary entry (enum codes are already positions).
        var columnOfCode = ContiguousArray<Int>()
        var codes = ContiguousArray<UInt32>()
        switch pivotCol.data {
        case .enumeration(let a, let e):
            codes = ContiguousArray(a)
            columnOfCode = ContiguousArray(e.values.map { position[$0] ?? values })
        case .text(let a, let d):
            codes = ContiguousArray(a)
            columnOfCode = ContiguousArray(d.strings.map { position[$0] ?? values })
        default:
            codes = ContiguousArray(repeating: 0, count: n)
            columnOfCode = [values]
        }
        for r in 0..<n {
            let c = pivotCol.isNull(r) ? values : columnOfCode[Int(codes[r])]
            cellIndex[c][Int(rowOf[r])] = Int32(r)
        }
        var out = cols[0..<k].map { $0.gather(firstRow) }
        for c in 0...values {
            var v = cols[k + 1].gatherOptional(cellIndex[c])
            if spec.zeroFill, case .int(let a) = v.data, let mask = v.validity {
                v = Vector(.int(ContiguousArray(a.enumerated().map { mask.isValid($0.offset) ? $0.element : 0 })[...]))
            }
            out.append(v)
        }
        return MaterializedSource(columns: out, count: rows, context: context)
    }
}
