/// Quoting for the SQL text planq sends itself (catalog queries, DDL, the load's swap):
/// names and values from data never become SQL syntax.
enum SQLText {
    /// A double-quoted identifier, any `"` inside doubled.
    static func identifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A string literal, any `'` inside doubled (standard_conforming_strings is on by
    /// default since PostgreSQL 9.1, so a backslash is an ordinary character). A NUL, which
    /// PostgreSQL text cannot hold, is dropped.
    static func literal(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "\0", with: "").replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// `schema.table`, both quoted.
    static func qualified(_ schema: String, _ table: String) -> String {
        identifier(schema) + "." + identifier(table)
    }
}
