/// An in-memory columnar table: named columns of equal length.
public final class Table: @unchecked Sendable {
    public let name: String
    public private(set) var columns: [Column]
    public let rowCount: Int
    /// Where the table came from (a file path), for messages.
    public var source: String?

    public init(name: String, columns: [Column], rowCount: Int? = nil) {
        self.name = name
        self.columns = columns
        self.rowCount = rowCount ?? columns.first?.count ?? 0
    }

    /// The index of the column named `name` (exact match first, then case-insensitive).
    public func columnIndex(_ name: String) -> Int? {
        if let i = columns.firstIndex(where: { $0.name == name }) { return i }
        let l = name.lowercased()
        return columns.firstIndex(where: { $0.name.lowercased() == l })
    }

    public func column(_ name: String) -> Column? {
        columnIndex(name).map { columns[$0] }
    }

    /// The boxed value at (row, column). For output and tests.
    public func value(row: Int, column: Int) -> Value {
        columns[column].vector.value(at: row)
    }

    /// All rows boxed, for tests and small outputs.
    public var rows: [[Value]] {
        (0..<rowCount).map { r in columns.indices.map { value(row: r, column: $0) } }
    }
}
