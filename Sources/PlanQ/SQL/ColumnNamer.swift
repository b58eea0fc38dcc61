/// Unique, case-insensitively distinct column names within one `SELECT` (DuckDB and
/// Spark match quoted names without regard to case).
struct ColumnNamer {
    var used: Set<String> = []

    mutating func unique(_ name: String) -> String {
        var candidate = name.isEmpty ? "c" : name
        var n = 1
        while used.contains(candidate.lowercased()) {
            n += 1
            candidate = "\(name)_\(n)"
        }
        used.insert(candidate.lowercased())
        return candidate
    }
}
