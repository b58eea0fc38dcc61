import Foundation
import PlanQ
import PostgresNIO

/// Runs planq statements on PostgreSQL for the ``Engine`` (`planq --engine postgresql://...`):
/// the engine binds each statement against the catalog read from the database, this compiles
/// it to PostgreSQL's SQL, runs it and reads the rows back into a table of the types planq's
/// binder gave the result.
public final class PostgresExecutor: RemoteExecutor {
    /// Turns a bound statement into PostgreSQL SQL (the SQL compiler), given `today`.
    public typealias Compile = (Query, BoundQuery, SourceText, Int32) throws -> String

    /// The connection statements run on.
    public let session: PostgresSession
    let compile: Compile
    /// The catalog and options named results are compiled with (set by the compiler's initialiser).
    var catalog: Catalog?
    var options = SQLCompiler.Options()

    /// An executor running on `session`, compiling with `compile`.
    public init(session: PostgresSession, compile: @escaping Compile) {
        self.session = session
        self.compile = compile
    }

    /// An executor compiling with planq's SQL compiler for PostgreSQL against `catalog` (the one
    /// the engine binds with). With `rowOrdered` (every table has `planq_row`) the SQL also keeps
    /// planq's row order: groups in order of first appearance, ties in input order.
    public convenience init(session: PostgresSession, catalog: Catalog, rowOrdered: Bool) {
        let options = SQLCompiler.Options(rowOrderColumn: rowOrdered ? PostgresLoadLayout.rowOrderColumn : nil, pivotValuesFromData: false)
        self.init(session: session) { query, _, source, today in
            try SQLCompiler.compile(query, source: source, catalog: catalog, today: today, dialect: .postgres, options: options)
        }
        self.catalog = catalog
        self.options = options
    }

    public func run(_ query: Query, bound: BoundQuery, shape: Table, source: SourceText, context: ExecutionContext) throws -> Table {
        let sql = try compile(query, bound, source, context.today)
        let rows = try runCompiled(sql, source: source)
        return try PostgresResultReader(columns: shape.columns.map { ($0.name, $0.type) }).table(rows)
    }

    /// Keeps a named result as a temporary table of the session (dropped when it ends), with
    /// `planq_row` numbering its rows when the loaded tables have it, so later statements read
    /// it like a loaded table.
    public func define(_ name: String, _ query: Query, bound: BoundQuery, source: SourceText, context: ExecutionContext) throws {
        guard let catalog else { throw Diagnostic("a named result (table \(name) = ...) needs planq's SQL compiler on this engine") }
        let sql = try SQLCompiler.definition(name, query, source: source, catalog: catalog, today: context.today,
                                             dialect: .postgres, options: options)
        let quoted = SQLDialect.postgres.quote(name)
        try session.execute("DROP TABLE IF EXISTS pg_temp.\(quoted)", what: "replacing the named result \(name)")
        _ = try runCompiled("CREATE TEMPORARY TABLE \(quoted) AS\n" + sql, source: source)
    }

    public func explain(_ query: Query, bound: BoundQuery, analyze: Bool, source: SourceText, context: ExecutionContext) throws -> String {
        let sql = try compile(query, bound, source, context.today)
        let rows = try runCompiled("EXPLAIN " + (analyze ? "(ANALYZE) " : "") + sql, source: source)
        let plan = try rows.map { try $0.decode(String.self) }
        return "PostgreSQL (\(session.url.redacted)):\n" + sql + "\n\n" + plan.joined(separator: "\n")
    }

    /// Runs compiled SQL. A server error here is a query error (exit 1) shown on the statement,
    /// with the SQL in a note, since it means planq compiled something PostgreSQL refuses.
    func runCompiled(_ sql: String, source: SourceText) throws -> [PostgresRow] {
        do {
            return try session.query(sql, what: "running the query")
        } catch var d as Diagnostic {
            if d.message.hasPrefix("PostgreSQL, running the query: ") {
                d.message = "PostgreSQL: " + d.message.dropFirst("PostgreSQL, running the query: ".count)
            }
            d.notes.append("the SQL sent was:\n" + sql)
            throw d
        }
    }
}
