import Foundation
import PlanQ
import PostgresNIO

/// planq's bookkeeping tables beside the loaded tables in a PostgreSQL schema, written by
/// `planq ingest --out postgresql://...` and read by `--engine`:
///
///     planq_tables(table_name text, row_count int8, loaded_at timestamptz)
///         the tables of the current load (the next load drops exactly these)
///     planq_enums(table_name text, column_name text, enum_name text, position int4, value text)
///         each enum column's values in their declared order (position 0 first): RAG is
///         red 0, amber 1, green 2. Enum columns themselves are `text`, so any SQL reads
///         them; `sort by status`/`min(status)` order by this position, not alphabetically.
///     planq_join_keys(table_name text, other_table text, position int4, column_name text)
///         the key columns `table join other` uses when no `on` is given (schema.json's join_keys)
///
/// Each loaded table also has a last column `planq_row` (bigint, 1, 2, 3...: the rows' order in
/// planq). `--engine` hides it from the catalog and gives it to the SQL compiler, so results keep
/// planq's row order (groups in order of first appearance, ties in input order).
public struct PostgresLoadLayout: Sendable {
    /// The column numbering each loaded table's rows in planq's order.
    public static let rowOrderColumn = "planq_row"

    /// Enum columns: table → column → enum type.
    public var enums: [String: [String: EnumType]] = [:]
    /// Join keys: table → other table → key columns.
    public var joinKeys: [String: [String: [String]]] = [:]
    /// The tables of the last load.
    public var tables: [String] = []

    /// The bookkeeping tables' names.
    static let tablesTable = "planq_tables", enumsTable = "planq_enums", joinKeysTable = "planq_join_keys"

    /// The DDL that creates the three bookkeeping tables in the current schema.
    static let createStatements = [
        "CREATE TABLE \(tablesTable) (table_name text PRIMARY KEY, row_count int8 NOT NULL, loaded_at timestamptz NOT NULL DEFAULT now())",
        "CREATE TABLE \(enumsTable) (table_name text NOT NULL, column_name text NOT NULL, enum_name text NOT NULL, position int4 NOT NULL, value text NOT NULL, PRIMARY KEY (table_name, column_name, position))",
        "CREATE TABLE \(joinKeysTable) (table_name text NOT NULL, other_table text NOT NULL, position int4 NOT NULL, column_name text NOT NULL, PRIMARY KEY (table_name, other_table, position))",
    ]

    /// Reads the layout of the session's schema; a schema planq never loaded gives an empty one.
    public static func read(_ session: PostgresSession) throws -> PostgresLoadLayout {
        var layout = PostgresLoadLayout()
        let schema = session.url.schema
        let present = try session.query("""
            SELECT to_regclass(\(SQLText.literal(SQLText.qualified(schema, tablesTable)))) IS NOT NULL,
                   to_regclass(\(SQLText.literal(SQLText.qualified(schema, enumsTable)))) IS NOT NULL,
                   to_regclass(\(SQLText.literal(SQLText.qualified(schema, joinKeysTable)))) IS NOT NULL
            """, what: "looking for planq's tables in schema \(schema)")
        guard let row = present.first else { return layout }
        let (hasTables, hasEnums, hasJoins) = try row.decode((Bool, Bool, Bool).self)
        if hasTables {
            for r in try session.query("SELECT table_name FROM \(SQLText.qualified(schema, tablesTable)) ORDER BY table_name",
                                       what: "reading \(tablesTable)") {
                layout.tables.append(try r.decode(String.self))
            }
        }
        if hasEnums {
            var values: [String: [String: (name: String, values: [String])]] = [:]
            for r in try session.query("""
                SELECT table_name, column_name, enum_name, value FROM \(SQLText.qualified(schema, enumsTable))
                ORDER BY table_name, column_name, position
                """, what: "reading \(enumsTable)") {
                let (t, c, e, v) = try r.decode((String, String, String, String).self)
                values[t, default: [:]][c, default: (e, [])].values.append(v)
            }
            // One EnumType per distinct (name, values), shared by the columns that use it, as locally.
            var shared: [String: EnumType] = [:]
            for (t, cols) in values {
                for (c, e) in cols {
                    let key = e.name + "\u{0}" + e.values.joined(separator: "\u{0}")
                    let type = shared[key] ?? EnumType(name: e.name, values: e.values)
                    shared[key] = type
                    layout.enums[t, default: [:]][c] = type
                }
            }
        }
        if hasJoins {
            for r in try session.query("""
                SELECT table_name, other_table, column_name FROM \(SQLText.qualified(schema, joinKeysTable))
                ORDER BY table_name, other_table, position
                """, what: "reading \(joinKeysTable)") {
                let (t, o, c) = try r.decode((String, String, String).self)
                layout.joinKeys[t, default: [:]][o, default: []].append(c)
            }
        }
        return layout
    }
}
