import Foundation

/// The library's front door: parse, bind, plan and run planq scripts against a ``Catalog``.
///
///     let engine = Engine(catalog: try DataDirectory.load("datasets"))
///     let results = try engine.run(SourceText(name: "<query>", text: "indicators group by theme"))
public final class Engine: @unchecked Sendable {
    public let catalog: Catalog
    /// What every statement runs with (today, threads, morsel size, limits); each
    /// run gets a fresh context from ``makeContext()``.
    public var settings: ExecutionSettings
    /// The date `today` means; fixed by `--today` for reproducible scripts.
    public var today: Int32 {
        get { settings.today }
        set { settings.today = newValue }
    }
    /// Worker threads for parallel (morsel-driven) aggregation.
    public var threads: Int {
        get { settings.threads }
        set { settings.threads = max(1, newValue) }
    }
    /// Rows per morsel (see ``ExecutionContext/morselSize``); tests make it tiny
    /// so that small fixtures run in parallel too.
    public var morselSize: Int {
        get { settings.morselSize }
        set { settings.morselSize = max(1, newValue) }
    }
    /// Row, memory and regex limits every statement runs under (`--max-rows`, `--max-memory`).
    public var limits: ExecutionLimits {
        get { settings.limits }
        set { settings.limits = newValue }
    }
    /// Whether an empty result is explained (``StatementResult/emptyResult``). The
    /// explanation re-runs the plan's steps, so callers that never show it (`--quiet`)
    /// turn it off; it never changes the result.
    public var explainsEmptyResults = true
    /// When set, statements are bound here and run there (`--engine`); see ``RemoteExecutor``.
    public var remote: RemoteExecutor?

    public init(catalog: Catalog, today: Int32? = nil, threads: Int = 1,
                morselSize: Int = ExecutionContext.defaultMorselSize) {
        self.catalog = catalog
        self.settings = ExecutionSettings(today: today ?? Engine.currentDate(), threads: threads, morselSize: morselSize)
    }

    /// An engine running with `settings` (the CLI's, built from its flags).
    public init(catalog: Catalog, settings: ExecutionSettings) {
        self.catalog = catalog
        self.settings = settings
    }

    /// A fresh context with this engine's settings: the only way a run's context is made
    /// (the shell keeps it to cancel on Ctrl-C).
    public func makeContext() -> ExecutionContext { settings.makeContext() }

    /// Today's date in the local calendar, as days since 1970-01-01.
    public static func currentDate() -> Int32 {
        let c = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CivilDate(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1).days
    }

    /// One statement's result and how long each phase took.
    public struct StatementResult: Sendable {
        public var table: Table
        /// For `explain`: the executed plan with rows per operator.
        public var explain: String?
        public var timing: Timing
        /// When the table has no rows: the step that removed the last rows and why.
        public var emptyResult: EmptyResultExplanation? = nil
        /// Warnings found while binding (a quoted value the column never holds),
        /// each pointing into the statement's source; the statement still ran.
        public var warnings: [Diagnostic] = []
        /// For `table NAME = query`: the name now holding `table` in the catalog. Such a
        /// statement has no result to show.
        public var defined: String? = nil
    }

    /// Milliseconds per phase.
    public struct Timing: Sendable {
        public var parse = 0.0, plan = 0.0, execute = 0.0
        /// Time spent explaining an empty result (after the result was complete).
        public var whyEmpty = 0.0
    }

    /// Parses a whole script (no execution).
    public func parse(_ source: SourceText) throws -> Script {
        try Parser.parse(source)
    }

    /// Runs every statement in order, stopping at the first error (which is thrown
    /// after `onResult` has seen the results before it).
    public func run(_ source: SourceText, context: ExecutionContext? = nil,
                    onResult: ((StatementResult) throws -> Void)? = nil) throws -> [StatementResult] {
        let t0 = Engine.now()
        let script = try Parser.parse(source)
        let parseMs = Engine.now() - t0
        var results: [StatementResult] = []
        for (i, statement) in script.statements.enumerated() {
            var r = try execute(statement, source, context: context)
            r.timing.parse = i == 0 ? parseMs : 0
            try onResult?(r)
            results.append(r)
        }
        return results
    }

    /// Binds, plans and executes one parsed statement.
    public func execute(_ statement: Statement, _ source: SourceText, context: ExecutionContext? = nil) throws -> StatementResult {
        let ctx = context ?? makeContext()
        let query: Query
        var isExplain = false, analyze = false
        var definedName: Identifier?
        switch statement.kind {
        case .query(let q): query = q
        case .explain(let q): query = q; isExplain = true
        case .explainAnalyze(let q): query = q; isExplain = true; analyze = true
        case .define(let name, let q): query = q; definedName = name
        }
        do {
            let t1 = Engine.now()
            var binder = Binder(catalog: catalog, source: source, today: ctx.today)
            binder.runner = { plan, names in
                let root = try PhysicalPlanner(context: ctx, names: names).plan(plan)
                return try PhysicalOperator.drain(root, columns: plan.outputs.count)
            }
            if let definedName { try checkDefinable(definedName) }
            let bound = try binder.bind(query)
            if let remote {
                var r = try executeRemotely(remote, query, bound: bound, explain: isExplain, analyze: analyze && definedName == nil,
                                            source: source, context: ctx, started: t1, defining: definedName?.name)
                if let definedName {
                    // The rows stay on the server; the catalog learns the columns.
                    catalog.define(Table(name: definedName.name, columns: r.table.columns, rowCount: 0))
                    r.defined = definedName.name
                }
                return r
            }
            var planner = PhysicalPlanner(context: ctx, names: bound.names)
            // `explain analyze` runs each conjunct of a `where` as its own step, timed.
            planner.splitConjuncts = analyze
            let root = try planner.plan(bound.plan)
            if analyze { root.enableTiming() }
            let t2 = Engine.now()
            let (cols, n) = try PhysicalOperator.drain(root, columns: bound.columnNames.count)
            let t3 = Engine.now()
            let columns = zip(bound.columnNames, cols).map { Column(name: $0, vector: $1) }
            let table = Table(name: definedName?.name ?? "result", columns: columns, rowCount: n)
            var r = StatementResult(table: table, explain: nil, timing: Timing(parse: 0, plan: t2 - t1, execute: t3 - t2))
            r.warnings = bound.warnings.map { $0.located(in: source) }
            if let definedName {
                catalog.define(table)
                r.defined = definedName.name
            } else if isExplain {
                r.explain = Explain.render(root, analyze: analyze)
            } else if n == 0 && explainsEmptyResults {
                r.emptyResult = EmptyResultExplainer(context: ctx, names: bound.names, spans: StepSpans(query)).explain(bound.plan)
                r.timing.whyEmpty = Engine.now() - t3
            }
            return r
        } catch let d as Diagnostic {
            throw d.located(in: source)
        }
    }

    /// A named result may replace an earlier named result, never a loaded table.
    func checkDefinable(_ name: Identifier) throws {
        if let existing = catalog.table(name.name), !catalog.isDefined(existing.name) {
            throw Diagnostic("'\(name.name)' is a loaded table; a named result needs a name of its own", at: name.span,
                             help: "for example: table my_\(name.name) = ...")
        }
    }

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) * 1000 + Double(ts.tv_nsec) / 1e6
    }
}
