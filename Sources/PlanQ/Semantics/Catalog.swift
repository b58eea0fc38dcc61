/// The tables a query can name, and what the schema says about joining them.
public final class Catalog: @unchecked Sendable {
    public private(set) var tables: [String: Table] = [:]
    /// Declared join keys: `joinKeys["indicators"]["outcomes"] = ["plan", "outcome_no"]`.
    public var joinKeys: [String: [String: [String]]] = [:]

    public init() {}

    /// Names (lowercased) of the tables made by `table NAME = query` statements.
    public private(set) var definedNames: Set<String> = []

    public func add(_ table: Table) {
        tables[table.name.lowercased()] = table
        definedNames.remove(table.name.lowercased())
    }

    /// Adds a named result (`table red = ...`); it lasts as long as the catalog.
    public func define(_ table: Table) {
        tables[table.name.lowercased()] = table
        definedNames.insert(table.name.lowercased())
    }

    /// Whether `name` is a named result rather than a loaded table.
    public func isDefined(_ name: String) -> Bool { definedNames.contains(name.lowercased()) }

    /// A catalog with the same tables and join keys, whose later additions stay its own.
    public func copy() -> Catalog {
        let c = Catalog()
        c.tables = tables
        c.joinKeys = joinKeys
        c.definedNames = definedNames
        return c
    }

    /// The table named `name`, matched case-insensitively.
    public func table(_ name: String) -> Table? { tables[name.lowercased()] }

    /// Table names, sorted.
    public var tableNames: [String] { tables.values.map(\.name).sorted() }
}
