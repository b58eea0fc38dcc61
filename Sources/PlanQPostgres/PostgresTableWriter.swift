import Foundation
import Logging
import NIOCore
import PlanQ
import PostgresNIO

/// Writes a catalog's tables into a PostgreSQL schema with `COPY ... FROM STDIN`, replacing
/// the previous load atomically.
///
/// Everything happens in one transaction: the tables are created and filled in a new staging
/// schema (so the tables being replaced stay readable while the rows stream in), then the
/// previous load's tables (listed in `planq_tables`) are dropped, the new ones moved into the
/// target schema with `ALTER TABLE ... SET SCHEMA`, and the staging schema dropped. Readers see
/// the old load or the new one, never a mix; any failure rolls everything back.
///
/// A table of the same name that planq did not load (it is not in `planq_tables`) is never
/// dropped: the load stops with an error instead. Nor is `CASCADE` used: a view built on a
/// loaded table makes the load fail with PostgreSQL's message rather than vanish.
public enum PostgresTableWriter {
    /// What a load wrote.
    public struct Summary: Sendable {
        /// Tables and their row counts, in the order written.
        public var tables: [(name: String, rows: Int)] = []
    }

    /// Rows per COPY message buffer (about a megabyte for planq's tables).
    static let rowsPerChunk = 4_096

    /// Writes every table of `catalog` (sorted by name) with its enum orders and join keys.
    public static func write(_ catalog: Catalog, to session: PostgresSession) throws -> Summary {
        let tables = catalog.tableNames.compactMap { catalog.table($0) }
        for t in tables where t.name.lowercased().hasPrefix("planq_") {
            throw Diagnostic("table '\(t.name)' cannot be loaded into PostgreSQL: names starting with planq_ are planq's own bookkeeping")
        }
        // postgres-nio's COPY quotes names without doubling a `"` inside them.
        for t in tables {
            for name in [t.name] + t.columns.map(\.name) where name.contains("\"") || name.contains("\0") {
                throw Diagnostic("'\(name)' in table '\(t.name)' cannot be a PostgreSQL name written by COPY (it holds a double quote)")
            }
            if t.column(PostgresLoadLayout.rowOrderColumn) != nil {
                throw Diagnostic("table '\(t.name)' has a column named \(PostgresLoadLayout.rowOrderColumn), which planq keeps for the row order")
            }
        }
        let target = session.url.schema
        let staging = "planq_load_\(getpid())_\(UInt32.random(in: 0...UInt32.max))"
        let previous = try PostgresLoadLayout.read(session).tables
        let existing = try existingTables(session, schema: target)
        let ours = Set(previous.map { $0.lowercased() })
        for t in tables where existing.contains(t.name) && !ours.contains(t.name.lowercased()) {
            throw Diagnostic("schema \(target) already has a table '\(t.name)' that planq did not load; nothing was written",
                             help: "drop or rename it, or load into another schema with ?schema=NAME in the URL")
        }
        let joinKeys = catalog.joinKeys
        var summary = Summary()
        for t in tables { summary.tables.append((t.name, t.rowCount)) }
        try session.transaction(what: "loading into schema \(target)") { conn, log in
            func run(_ sql: String) async throws { try await conn.query(PostgresQuery(unsafeSQL: sql), logger: log) }
            try await run("CREATE SCHEMA IF NOT EXISTS \(SQLText.identifier(target))")
            try await run("CREATE SCHEMA \(SQLText.identifier(staging))")
            // COPY names its table unqualified: the staging schema comes first until commit.
            try await run("SET LOCAL search_path TO \(SQLText.identifier(staging))")
            for t in tables {
                let cols = t.columns.map { "\(SQLText.identifier($0.name)) \(PostgresCopyEncoder.columnType($0.type))" }
                    + ["\(PostgresLoadLayout.rowOrderColumn) bigint NOT NULL"]
                try await run("CREATE TABLE \(SQLText.identifier(t.name)) (\(cols.joined(separator: ", ")))")
                try await copy(t, on: conn, logger: log)
            }
            for ddl in PostgresLoadLayout.createStatements { try await run(ddl) }
            // One statement per query: the extended protocol refuses several in one string.
            for insert in bookkeepingInserts(tables, joinKeys: joinKeys) { try await run(insert) }
            // The swap: the previous load's tables go, the new ones move in.
            let replaced = Set(previous + [PostgresLoadLayout.tablesTable, PostgresLoadLayout.enumsTable, PostgresLoadLayout.joinKeysTable])
            for name in replaced.sorted() {
                try await run("DROP TABLE IF EXISTS \(SQLText.qualified(target, name))")
            }
            for name in tables.map(\.name) + [PostgresLoadLayout.tablesTable, PostgresLoadLayout.enumsTable, PostgresLoadLayout.joinKeysTable] {
                try await run("ALTER TABLE \(SQLText.qualified(staging, name)) SET SCHEMA \(SQLText.identifier(target))")
            }
            try await run("DROP SCHEMA \(SQLText.identifier(staging))")
            // Statistics for the planner, and the distinct-value estimates `--engine` reads.
            for t in tables { try await run("ANALYZE \(SQLText.qualified(target, t.name))") }
        }
        return summary
    }

    /// Streams `table`'s rows with COPY in text format.
    static func copy(_ table: Table, on conn: PostgresConnection, logger: Logger) async throws {
        let encoder = PostgresCopyEncoder(table: table)
        try await conn.copyFrom(table: table.name, columns: table.columns.map(\.name) + [PostgresLoadLayout.rowOrderColumn],
                                logger: logger) { writer in
            var start = 0
            while start < table.rowCount {
                let end = min(table.rowCount, start + rowsPerChunk)
                var buffer = ByteBuffer()
                try encoder.encode(rows: start..<end, into: &buffer)
                try await writer.write(buffer)
                start = end
            }
        }
    }

    /// The rows of planq_tables, planq_enums and planq_join_keys for this load, as INSERTs
    /// with quoted literals.
    static func bookkeepingInserts(_ tables: [Table], joinKeys: [String: [String: [String]]]) -> [String] {
        var out: [String] = []
        for t in tables {
            out.append("INSERT INTO \(PostgresLoadLayout.tablesTable) (table_name, row_count) VALUES (\(SQLText.literal(t.name)), \(t.rowCount))")
            for c in t.columns {
                guard case .enumeration(let e) = c.type else { continue }
                let rows = e.values.enumerated().map { i, v in
                    "(\(SQLText.literal(t.name)), \(SQLText.literal(c.name)), \(SQLText.literal(e.name)), \(i), \(SQLText.literal(v)))"
                }
                if !rows.isEmpty {
                    out.append("INSERT INTO \(PostgresLoadLayout.enumsTable) VALUES " + rows.joined(separator: ", "))
                }
            }
        }
        for (table, others) in joinKeys.sorted(by: { $0.key < $1.key }) {
            for (other, keys) in others.sorted(by: { $0.key < $1.key }) {
                let rows = keys.enumerated().map { i, k in
                    "(\(SQLText.literal(table)), \(SQLText.literal(other)), \(i), \(SQLText.literal(k)))"
                }
                if !rows.isEmpty {
                    out.append("INSERT INTO \(PostgresLoadLayout.joinKeysTable) VALUES " + rows.joined(separator: ", "))
                }
            }
        }
        return out
    }

    /// The names of the tables and views in `schema`.
    static func existingTables(_ session: PostgresSession, schema: String) throws -> Set<String> {
        let rows = try session.query("""
            SELECT table_name::text FROM information_schema.tables WHERE table_schema = \(SQLText.literal(schema))
            """, what: "listing the tables of schema \(schema)")
        return Set(try rows.map { try $0.decode(String.self) })
    }
}
