/// Runs bound statements on another engine (a PostgreSQL database through `--engine`) instead
/// of planq's own operators.
///
/// The ``Engine`` still parses and binds every statement against its catalog (which then
/// describes the remote tables, with no rows), so names, types, did-you-mean and every bind
/// error are planq's own; only the rows come from elsewhere.
public protocol RemoteExecutor: AnyObject {
    /// Runs `query` (bound as `bound`) and returns its rows as a table with the columns of
    /// `shape`: the statement's result over the catalog's empty tables, whose column names
    /// and types are exactly those of a local result.
    func run(_ query: Query, bound: BoundQuery, shape: Table, source: SourceText, context: ExecutionContext) throws -> Table

    /// What `explain` (or `explain analyze`) prints for `query` on the remote engine.
    func explain(_ query: Query, bound: BoundQuery, analyze: Bool, source: SourceText, context: ExecutionContext) throws -> String

    /// `table NAME = query`: keeps the result as NAME on the remote engine for the
    /// statements after it (the engine then knows NAME's columns from `shape`).
    func define(_ name: String, _ query: Query, bound: BoundQuery, source: SourceText, context: ExecutionContext) throws
}

extension RemoteExecutor {
    /// Engines that cannot keep a named result say so.
    public func define(_ name: String, _ query: Query, bound: BoundQuery, source: SourceText, context: ExecutionContext) throws {
        throw Diagnostic("a named result (table \(name) = ...) is not available on this engine", help: "run the script without --engine")
    }
}
