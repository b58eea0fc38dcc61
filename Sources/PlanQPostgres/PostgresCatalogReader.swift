import Foundation
import PlanQ
import PostgresNIO

/// Reads a PostgreSQL schema's tables into a planq ``Catalog`` of empty tables, so that the
/// binder checks names and types, suggests did-you-mean and resolves bare enum words exactly
/// as it does over local data, and the shell completes from it.
///
/// Types come from `information_schema.columns`; enum columns and their order, and join keys,
/// from the `planq_enums` and `planq_join_keys` tables that `planq ingest --out` writes (see
/// ``PostgresLoadLayout``). Each text column carries its distinct values (up to
/// ``maxDistinctValues``) in its dictionary: they are what a local column's dictionary holds,
/// and the binder uses them for `pivot` columns, bare words and value suggestions.
public enum PostgresCatalogReader {
    /// Text columns with more distinct values than this keep none (as a free-text column,
    /// they are no use for pivots or suggestions, and reading them would be slow).
    public static let maxDistinctValues = 10_000

    /// One column as the catalog query returns it.
    struct ColumnInfo {
        var table: String
        var name: String
        var type: DataType?
        var pgType: String
    }

    /// What the catalog query found.
    public struct Result {
        /// The tables, with no rows.
        public var catalog: Catalog
        /// Columns left out, as `table.column (type)`.
        public var skipped: [String]
        /// True when every table has the ``PostgresLoadLayout/rowOrderColumn`` (every table came
        /// from `planq ingest --out`): the compiled SQL can then keep planq's row order.
        public var rowOrdered: Bool
    }

    /// Reads every table and view of the session's schema (except planq's own `planq_*`
    /// bookkeeping tables). Columns of a type planq has no counterpart for (timestamps,
    /// JSON, arrays...) are left out and listed in `skipped`; the row-order column is hidden.
    public static func read(_ session: PostgresSession) throws -> Result {
        let schema = session.url.schema
        let layout = try PostgresLoadLayout.read(session)
        let rows = try session.query("""
            SELECT c.table_name::text, c.column_name::text, c.udt_name::text
            FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
            WHERE c.table_schema = \(SQLText.literal(schema))
              AND t.table_type IN ('BASE TABLE', 'VIEW')
              AND c.table_name::text NOT LIKE 'planq\\_%'
            ORDER BY c.table_name, c.ordinal_position
            """, what: "reading the catalog of schema \(schema)")
        var columns: [ColumnInfo] = []
        var skipped: [String] = []
        var numbered: Set<String> = []
        for row in rows {
            let (table, name, udt) = try row.decode((String, String, String).self)
            if name == PostgresLoadLayout.rowOrderColumn {
                numbered.insert(table)
            } else if let e = layout.enums[table]?[name] {
                columns.append(ColumnInfo(table: table, name: name, type: .enumeration(e), pgType: udt))
            } else if let t = planqType(udt) {
                columns.append(ColumnInfo(table: table, name: name, type: t, pgType: udt))
            } else {
                skipped.append("\(table).\(name) (\(udt))")
            }
        }
        let estimates = try distinctEstimates(session)
        let catalog = Catalog()
        var order: [String] = []
        var byTable: [String: [ColumnInfo]] = [:]
        for c in columns {
            if byTable[c.table] == nil { order.append(c.table) }
            byTable[c.table, default: []].append(c)
        }
        for name in order {
            let cols = byTable[name] ?? []
            // Columns the statistics show to be free text (thousands of distinct titles) are not read.
            let wanted = cols.filter { c in
                c.type == .text && (estimates[name]?[c.name]).map { $0 <= Double(2 * maxDistinctValues) } ?? true
            }
            let values = try distinctValues(session, table: name, columns: wanted.map(\.name))
            let built = cols.map { c in Column(name: c.name, vector: emptyVector(c.type ?? .text, values: values[c.name])) }
            let table = Table(name: name, columns: built, rowCount: 0)
            table.source = "\(session.url.redacted) table \(name)"
            catalog.add(table)
        }
        for (table, others) in layout.joinKeys where catalog.table(table) != nil {
            for (other, keys) in others where catalog.table(other) != nil {
                catalog.joinKeys[table, default: [:]][other] = keys
            }
        }
        return Result(catalog: catalog, skipped: skipped,
                      rowOrdered: !order.isEmpty && order.allSatisfy { numbered.contains($0) })
    }

    /// PostgreSQL's estimate of each column's number of distinct values (from `ANALYZE`, which
    /// `ingest --out` runs): table → column → estimate. Tables never analysed have none.
    static func distinctEstimates(_ session: PostgresSession) throws -> [String: [String: Double]] {
        let rows = try session.query("""
            SELECT s.tablename::text, s.attname::text, s.n_distinct::float8, greatest(c.reltuples, 0)::float8
            FROM pg_stats s
            JOIN pg_namespace n ON n.nspname = s.schemaname
            JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = s.tablename
            WHERE s.schemaname = \(SQLText.literal(session.url.schema))
            """, what: "reading the column statistics")
        var out: [String: [String: Double]] = [:]
        for row in rows {
            let (t, c, n, tuples) = try row.decode((String, String, Double, Double).self)
            // A negative n_distinct is a fraction of the rows (-1: every value differs).
            out[t, default: [:]][c] = n < 0 ? -n * tuples : n
        }
        return out
    }

    /// planq's type for a PostgreSQL type (by `udt_name`), or nil when planq has none.
    /// `numeric` reads as double: planq has no decimal type.
    static func planqType(_ udt: String) -> DataType? {
        switch udt {
        case "int2", "int4", "int8": return .int
        case "float4", "float8", "numeric": return .double
        case "bool": return .bool
        case "date": return .date
        case "text", "varchar", "bpchar", "name", "citext": return .text
        default: return nil
        }
    }

    /// The distinct values of each of `columns` of `table`, one round trip for the table; a
    /// column with more than ``maxDistinctValues`` gets none.
    static func distinctValues(_ session: PostgresSession, table: String, columns: [String]) throws -> [String: [String]] {
        guard !columns.isEmpty else { return [:] }
        let t = SQLText.identifier(table)
        let parts = columns.enumerated().map { i, c -> String in
            let col = SQLText.identifier(c)
            return "(SELECT \(i)::int4, v FROM (SELECT DISTINCT \(col)::text AS v FROM \(t) WHERE \(col) IS NOT NULL LIMIT \(maxDistinctValues + 1)) d\(i))"
        }
        let rows = try session.query(parts.joined(separator: "\nUNION ALL\n"), what: "reading the values of \(table)")
        var out: [String: [String]] = [:]
        for row in rows {
            let (i, v) = try row.decode((Int32, String).self)
            out[columns[Int(i)], default: []].append(v)
        }
        for (c, vs) in out where vs.count > maxDistinctValues { out[c] = nil }
        // The order a local column's dictionary would have is its file order; sorted is stable.
        return out.mapValues { $0.sorted() }
    }

    /// A zero-row vector of `type`; a text vector's dictionary holds `values`.
    static func emptyVector(_ type: DataType, values: [String]?) -> Vector {
        switch type {
        case .null: return Vector(.null(0))
        case .bool: return Vector(.bool([]))
        case .int: return Vector(.int([]))
        case .double: return Vector(.double([]))
        case .date: return Vector(.date([]))
        case .text: return Vector(.text([], StringDictionary(unique: values ?? [])))
        case .enumeration(let e): return Vector(.enumeration([], e))
        }
    }
}
