/// A column visible to the next clause: its name, where it came from, and what
/// is known of its values (used to resolve bare words like `red`).
struct ScopeColumn {
    var id: ColumnID
    var name: String
    /// The table the column came from, for `table.column` references.
    var qualifier: String?
    var type: DataType
    /// For a text column read straight from a table: its dictionary (the column's distinct values).
    var dictionary: StringDictionary?
    var stats: ColumnStats?
    /// Kept in the plan but not addressable (a join's duplicate key, a hidden aggregate).
    var hidden = false
    /// A right-side key merged into the left's by `join ... on name`: hidden from bare
    /// names, but `table.name` still finds it (as SQL's `using` allows).
    var mergedKey = false

    /// The values a bare word compared with this column may name, if known.
    var domain: [String]? {
        if case .enumeration(let e) = type { return e.values }
        if let d = dictionary { return Array(d.strings) }
        return nil
    }

    var qualifiedName: String { qualifier.map { "\($0).\(name)" } ?? name }
}

/// The columns in scope at one point of a query, in output order.
struct Scope {
    var columns: [ScopeColumn]

    var visible: [ScopeColumn] { columns.filter { !$0.hidden } }

    /// Columns matching `name` (and `qualifier`, when given), case-insensitively.
    func lookup(_ name: String, qualifier: String?) -> [ScopeColumn] {
        let l = name.lowercased()
        let q = qualifier?.lowercased()
        let matches = visible.filter { c in
            c.name.lowercased() == l && (q == nil || c.qualifier?.lowercased() == q)
        }
        // An exact-case match wins over case-insensitive ones.
        let exact = matches.filter { $0.name == name }
        if matches.isEmpty, let q {
            return columns.filter { $0.mergedKey && $0.name.lowercased() == l && $0.qualifier?.lowercased() == q }
        }
        return exact.count == 1 ? exact : matches
    }

    func column(id: ColumnID) -> ScopeColumn? { columns.first { $0.id == id } }
}
