/// Reads a table's columns in batches that share the columns' storage (no copy).
final class TableScan: PhysicalOperator {
    let table: Table
    let columnIndexes: [Int]
    private var position = 0

    init(table: Table, columns: [Int], context: ExecutionContext) {
        self.table = table
        self.columnIndexes = columns
        super.init(context: context)
    }

    override var detail: String {
        "\(table.name) [\(columnIndexes.count) of \(table.columns.count) columns]"
    }

    override func produce() throws -> Batch? {
        guard position < table.rowCount else { return nil }
        let n = min(Batch.capacity, table.rowCount - position)
        let cols = columnIndexes.map { table.columns[$0].vector.slice(position, n) }
        position += n
        return Batch(columns: cols, count: n)
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
