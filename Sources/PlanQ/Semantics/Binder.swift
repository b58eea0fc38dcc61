/// Resolves names and types in a parsed ``Query`` and builds its ``LogicalPlan``.
///
/// Clauses are bound left to right; each sees the columns the previous one
/// produced. A `group by` stays open (``PendingGroup``) until a clause other than
/// `having` arrives, so that `having count() > 2` can add a hidden aggregate.
public struct Binder {
    let catalog: Catalog
    let source: SourceText
    /// The date `today` means (days since 1970-01-01).
    let today: Int32
    var nextID = ColumnID(0)
    /// Display names of every column ID, for `explain`.
    public internal(set) var names: [ColumnID: String] = [:]
    /// The open grouping while binding its aggregate list or `having` (aggregate calls allowed).
    var aggregating: PendingGroup?
    /// The window calls of the `let` item being bound (window functions allowed), else nil.
    var windowing: PendingWindows?
    /// Warnings found while binding (a quoted value a text column never holds); the
    /// query still runs.
    public internal(set) var warnings: [Diagnostic] = []
    /// Runs a bound plan during binding and returns its columns: subqueries after
    /// `in` and the values of a text pivot are computed before the rest is bound.
    /// Nil (in tools that only bind) makes those forms fall back or fail clearly.
    public var runner: ((LogicalPlan, [ColumnID: String]) throws -> (columns: [Vector], count: Int))?
    /// Set by the SQL compiler: `x in (query)` stays a query in the bound expression
    /// (``BoundExpr/inQuery``) instead of being run here, so it runs where the SQL runs.
    public var compilesSubqueries = false

    public init(catalog: Catalog, source: SourceText, today: Int32) {
        self.catalog = catalog
        self.source = source
        self.today = today
    }

    /// The state threaded through a query's clauses.
    struct State {
        var plan: LogicalPlan
        var scope: Scope
        var group: PendingGroup?
    }

    /// Binds a query into a plan whose outputs are the visible result columns.
    public mutating func bind(_ query: Query) throws -> BoundQuery {
        let state = try bindQuery(query)
        return BoundQuery(plan: state.plan, columnNames: Binder.resultNames(state.scope.columns), names: names, warnings: warnings)
    }

    /// Binds a whole query (also a subquery) to its plan and visible columns.
    mutating func bindQuery(_ query: Query) throws -> State {
        // A subquery inside a `having` binds from scratch, not as part of that grouping.
        let saved = aggregating
        aggregating = nil
        defer { aggregating = saved }
        var state = try bindTable(query.table, alias: query.alias)
        for clause in query.clauses {
            try bindClause(clause, &state)
        }
        try finishGroup(&state)
        // Drop hidden columns (a join's merged key) from the final result.
        if state.scope.columns.contains(where: \.hidden) {
            let vis = state.scope.visible
            state.plan = .project(state.plan, outputs: vis.map { ($0.id, BoundExpr.column($0.id, $0.type)) })
            state.scope = Scope(columns: vis)
        }
        return state
    }

    mutating func newID(_ name: String) -> ColumnID {
        nextID = nextID.successor
        names[nextID] = name
        return nextID
    }

    func error(_ message: String, _ span: SourceSpan, help: String? = nil, notes: [String] = []) -> Diagnostic {
        Diagnostic(message, at: span, in: source, notes: notes, help: help)
    }

    /// The source text of a span with runs of white space folded: used for default column names.
    func text(_ span: SourceSpan) -> String {
        let bytes = Array(source.text.utf8)
        let s = min(max(0, span.start), bytes.count), e = min(max(s, span.end), bytes.count)
        let raw = String(decoding: bytes[s..<e], as: UTF8.self)
        return raw.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }

    mutating func bindTable(_ name: Identifier, alias: Identifier? = nil) throws -> State {
        guard let table = catalog.table(name.name) else {
            let names = catalog.tableNames
            let suggestion = EditDistance.suggest(name.name, among: names)
            throw error("unknown table '\(name.name)'", name.span,
                        notes: suggestion == nil ? ["tables: \(names.joined(separator: ", "))"] : [])
                .withSuggestion(suggestion)
        }
        return State.scanningAll(table, qualifier: alias?.name ?? table.name, binder: &self)
    }
}

extension Binder.State {
    /// A full scan of `table`, every column in scope.
    static func scanningAll(_ table: Table, qualifier: String, binder: inout Binder) -> Binder.State {
        var cols: [(index: Int, id: ColumnID)] = []
        var scope: [ScopeColumn] = []
        for (i, c) in table.columns.enumerated() {
            let id = binder.newID(c.name)
            cols.append((i, id))
            var dict: StringDictionary?
            if case .text(_, let d) = c.vector.data { dict = d }
            scope.append(ScopeColumn(id: id, name: c.name, qualifier: qualifier, type: c.type, dictionary: dict, stats: c.stats))
        }
        return Binder.State(plan: .scan(table: table, columns: cols), scope: Scope(columns: scope), group: nil)
    }
}

extension Diagnostic {
    /// Appends "; did you mean 'x'?" to the message when there is a suggestion.
    func withSuggestion(_ s: String?) -> Diagnostic {
        guard let s else { return self }
        var d = self
        d.message += "; did you mean '\(s)'?"
        d.notes.removeAll { $0.hasPrefix("did you mean") }
        return d
    }
}

/// A bound query: its plan and the names of its result columns.
public struct BoundQuery: Sendable {
    public var plan: LogicalPlan
    public var columnNames: [String]
    /// Display names of every column ID, for `explain`.
    public var names: [ColumnID: String]
    /// Warnings to show before the result (see ``Binder/warnings``).
    public var warnings: [Diagnostic] = []
}
