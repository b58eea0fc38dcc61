/// What the schema says about one table, resolved to engine types: the loaders' input.
///
/// Columns not named here are inferred. `nullTokens` are extra spellings of null
/// (`NA`, `TBC`); a CSV reader always treats the empty unquoted field as null too.
public struct TableSchema: Sendable {
    /// Declared column types by column name (matched exactly, then case-insensitively).
    public var columnTypes: [String: DataType]
    /// Extra null spellings, matched against a field's (unquoted) content.
    public var nullTokens: [String]
    /// Declared join keys: other table name → key columns.
    public var joinKeys: [String: [String]]

    /// A schema; the defaults declare nothing (every column inferred).
    public init(columnTypes: [String: DataType] = [:], nullTokens: [String] = [],
                joinKeys: [String: [String]] = [:]) {
        self.columnTypes = columnTypes
        self.nullTokens = nullTokens
        self.joinKeys = joinKeys
    }

    /// The declared type of the column named `name`, if any.
    public func type(of name: String) -> DataType? {
        if let t = columnTypes[name] { return t }
        let l = name.lowercased()
        return columnTypes.first { $0.key.lowercased() == l }?.value
    }

    /// Declared column names that `header` lacks (compared case-insensitively), sorted.
    func missingColumns(in header: [String]) -> [String] {
        let have = Set(header.map { $0.lowercased() })
        return columnTypes.keys.filter { !have.contains($0.lowercased()) }.sorted()
    }
}
