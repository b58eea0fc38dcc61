import Foundation

/// The SQL engines planq's language compiles to (`planq sql --dialect ...`).
///
/// Each dialect knows how it quotes names and literals and spells types; the
/// compiler asks it whenever the engines differ, so the rest stays dialect-free.
public enum SQLDialect: String, CaseIterable, Sendable {
    case postgres, duckdb, spark

    /// The engine's name as messages show it ("median is not available on Spark SQL").
    public var displayName: String {
        switch self {
        case .postgres: return "PostgreSQL"
        case .duckdb: return "DuckDB"
        case .spark: return "Spark SQL"
        }
    }

    /// The dialect named `s` (also `postgresql`, `pg`).
    public static func named(_ s: String) -> SQLDialect? {
        switch s.lowercased() {
        case "postgres", "postgresql", "pg": return .postgres
        case "duckdb": return .duckdb
        case "spark", "sparksql", "spark-sql": return .spark
        default: return nil
        }
    }

    /// A quoted identifier: double quotes (PostgreSQL, DuckDB) or backticks (Spark), the quote doubled inside.
    public func quote(_ name: String) -> String {
        switch self {
        case .postgres, .duckdb: return "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        case .spark: return "`" + name.replacingOccurrences(of: "`", with: "``") + "`"
        }
    }

    /// A string literal. Spark reads backslash escapes in literals, so there both the
    /// backslash and the quote are escaped; the others double the quote.
    public func string(_ s: String) -> String {
        switch self {
        case .postgres, .duckdb:
            return "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
        case .spark:
            var out = "'"
            for ch in s.unicodeScalars {
                switch ch {
                case "\\": out += "\\\\"
                case "'": out += "\\'"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default: out.unicodeScalars.append(ch)
                }
            }
            return out + "'"
        }
    }

    /// The column type a planq type is stored as. Enums are stored as their value text
    /// (order comes from the schema through an ordinal), so a warehouse table needs no enum type.
    public func typeName(_ t: DataType) -> String {
        switch t {
        case .int, .null: return "BIGINT"
        case .double: return self == .postgres ? "DOUBLE PRECISION" : "DOUBLE"
        case .bool: return "BOOLEAN"
        case .date: return "DATE"
        case .text, .enumeration: return self == .spark ? "STRING" : (self == .duckdb ? "VARCHAR" : "TEXT")
        }
    }

    /// A double literal that the engine reads as a double (a bare `1.5` is a decimal in all three).
    func double(_ d: Double) -> String {
        if d.isNaN { return self == .spark ? "double('NaN')" : "CAST('NaN' AS \(typeName(.double)))" }
        if d.isInfinite {
            let s = d > 0 ? "Infinity" : "-Infinity"
            return self == .spark ? "double('\(s)')" : "CAST('\(s)' AS \(typeName(.double)))"
        }
        var text = "\(d)"
        if !text.contains("e") && !text.contains(".") { text += ".0" }
        switch self {
        case .postgres: return "CAST(\(text) AS DOUBLE PRECISION)"
        case .duckdb: return "CAST(\(text) AS DOUBLE)"
        case .spark: return text.contains("e") ? text.replacingOccurrences(of: "e", with: "E") + "D" : text + "D"
        }
    }

    /// An integer literal; the smallest Int64 is spelled as a cast, since `-9223372036854775808`
    /// is read as the negation of a number one past the largest.
    func integer(_ i: Int64) -> String {
        i == Int64.min ? "CAST('\(i)' AS BIGINT)" : String(i)
    }

    /// A date literal.
    func date(_ days: Int32) -> String { "DATE '\(CivilDate(days: days))'" }

    /// A typed null, so that `coalesce(null, x)` and unions keep planq's types.
    func null(_ t: DataType) -> String {
        t == .null ? "NULL" : "CAST(NULL AS \(typeName(t)))"
    }
}
