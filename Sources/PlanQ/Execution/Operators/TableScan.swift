/// Reads a table's columns in batches that share the columns' storage (no copy).
///
/// With a ``MorselQueue`` the scan reads only the morsels it claims from the
/// queue (one of several threads' scans of the same table); without one it
/// reads every row in order.
final class TableScan: PhysicalOperator {
    let table: Table
    let columnIndexes: [Int]
    let morsels: MorselQueue?
    private var position = 0
    private var end: Int

    init(table: Table, columns: [Int], morsels: MorselQueue? = nil, context: ExecutionContext) {
        self.table = table
        self.columnIndexes = columns
        self.morsels = morsels
        self.end = morsels == nil ? table.rowCount : 0
        super.init(context: context)
    }

    override var detail: String {
        "\(table.name) [\(columnIndexes.count) of \(table.columns.count) columns]" + (morsels == nil ? "" : " (morsels)")
    }

    override func produce() throws -> Batch? {
        if position >= end {
            guard let m = morsels?.take() else { return nil }
            position = m.lowerBound
            end = m.upperBound
        }
        let n = min(Batch.capacity, end - position)
        let cols = columnIndexes.map { table.columns[$0].vector.slice(position, n) }
        defer { position += n }
        return Batch(columns: cols, count: n, origin: position)
    }
}

/// A materialised result replayed as batches (the output of a pipeline breaker).
final class MaterializedSource: PhysicalOperator {
    let columns: [Vector]
    let count: Int
    private var position = 0

    init(columns: [Vector], count: Int, context: ExecutionContext) {
        self.columns = columns
        self.count = count
        super.init(context: context)
    }

    override func produce() throws -> Batch? {
        guard position < count else { return nil }
        let n = min(Batch.capacity, count - position)
        let b = Batch(columns: columns.map { $0.slice(position, n) }, count: n)
        position += n
        return b
    }
}
