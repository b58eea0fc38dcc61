/// The tables a query can name, and what the schema says about joining them.
public final class Catalog: @unchecked Sendable {
    public private(set) var tables: [String: Table] = [:]
    /// Declared join keys: `joinKeys["indicators"]["outcomes"] = ["plan", "outcome_no"]`.
    public var joinKeys: [String: [String: [String]]] = [:]

    public init() {}

    public func add(_ table: Table) { tables[table.name.lowercased()] = table }

    /// The table named `name`, matched case-insensitively.
    public func table(_ name: String) -> Table? { tables[name.lowercased()] }

    /// Table names, sorted.
    public var tableNames: [String] { tables.values.map(\.name).sorted() }
}
