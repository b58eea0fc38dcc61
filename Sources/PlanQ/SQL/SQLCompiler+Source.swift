/// The front door from query text: parse, bind against a catalog, compile each statement.
extension SQLCompiler {
    /// The SQL of every statement in `source`, in order. Errors are positioned
    /// ``Diagnostic``s: parse and bind errors as planq gives them, and what the dialect
    /// cannot express with a caret under it and the dialect's name.
    public static func compile(_ source: SourceText, catalog: Catalog, today: Int32, dialect: SQLDialect,
                               options: Options = Options()) throws -> [String] {
        let script = try Parser.parse(source)
        var out: [String] = []
        // `table NAME = query` becomes a `WITH` step of every later statement; the names
        // are bound against a copy of the catalog holding each named result.
        let scope = catalog.copy()
        var definitions: [(name: String, select: SQLSelect)] = []
        // The step holding each named result (lowercased name): a name defined again gets a
        // step of its own (`x_2`), and statements read the latest.
        var tableSteps: [String: String] = [:]
        for statement in script.statements {
            let query: Query
            var defined: Identifier?
            switch statement.kind {
            case .query(let q): query = q
            case .define(let name, let q): query = q; defined = name
            case .explain, .explainAnalyze:
                throw Diagnostic("explain shows planq's own plan and has no SQL form", at: statement.span, in: source,
                                 help: "drop 'explain' to see the SQL")
            }
            if let defined, let existing = scope.table(defined.name), !scope.isDefined(existing.name) {
                throw Diagnostic("'\(defined.name)' is a loaded table; a named result needs a name of its own", at: defined.span, in: source,
                                 help: "for example: table my_\(defined.name) = ...")
            }
            let compiled = try compileStatement(query, source: source, catalog: scope, today: today, dialect: dialect,
                                                options: options, definitions: definitions, defining: defined?.name,
                                                tableSteps: tableSteps)
            out.append(compiled.sql)
            if let defined, let steps = compiled.definition {
                definitions = steps
                if let last = steps.last { tableSteps[defined.name.lowercased()] = last.name }
                if options.pivotValuesFromData {
                    // The named result's rows, for later pivots over it (the data is here).
                    let engine = Engine(catalog: scope, today: today, threads: 1)
                    engine.explainsEmptyResults = false
                    _ = try engine.execute(statement, source)
                } else {
                    scope.define(compiled.table(named: defined.name))
                }
            }
        }
        return out
    }

    /// The SQL of one parsed query.
    public static func compile(_ query: Query, source: SourceText, catalog: Catalog, today: Int32, dialect: SQLDialect,
                               options: Options = Options()) throws -> String {
        try compileStatement(query, source: source, catalog: catalog, today: today, dialect: dialect, options: options,
                             definitions: [], defining: nil, tableSteps: [:]).sql
    }

    /// For `table NAME = query` on a database: the `SELECT` of NAME's rows (with the
    /// row-order column numbering them, when the options have one), to keep as a table.
    public static func definition(_ name: String, _ query: Query, source: SourceText, catalog: Catalog, today: Int32,
                                  dialect: SQLDialect, options: Options = Options()) throws -> String {
        let compiled = try compileStatement(query, source: source, catalog: catalog, today: today, dialect: dialect,
                                            options: options, definitions: [], defining: name, tableSteps: [:])
        guard let steps = compiled.definition, let last = steps.last else { throw Diagnostic("internal error: no definition for '\(name)'") }
        return SQLScript(steps: Array(steps.dropLast()), final: last.select).render(dialect)
    }

    /// A compiled statement: its SQL, and for `table NAME = ...` the step defining NAME
    /// and the result's shape (an empty table) for later statements to bind against.
    struct CompiledStatement {
        var sql: String
        /// The steps defining NAME: those it needs, then NAME itself (and the earlier definitions).
        var definition: [(name: String, select: SQLSelect)]?
        var columns: [(name: String, type: DataType)] = []

        func table(named name: String) -> Table {
            Table(name: name, columns: columns.map { Column(name: $0.name, vector: Vector(Engine.emptyData($0.type))) }, rowCount: 0)
        }
    }

    static func compileStatement(_ query: Query, source: SourceText, catalog: Catalog, today: Int32, dialect: SQLDialect,
                                 options: Options, definitions: [(name: String, select: SQLSelect)],
                                 defining: String?, tableSteps: [String: String]) throws -> CompiledStatement {
        do {
            var binder = Binder(catalog: catalog, source: source, today: today)
            // `in (query)` stays a query for the SQL; a text pivot's columns are the values
            // its input has, read where the tables are loaded (see Options.pivotValuesFromData).
            binder.compilesSubqueries = true
            if options.pivotValuesFromData {
                let ctx = ExecutionSettings(today: today, threads: 1).makeContext()
                binder.runner = { plan, names in
                    let root = try PhysicalPlanner(context: ctx, names: names).plan(plan)
                    return try PhysicalOperator.drain(root, columns: plan.outputs.count)
                }
            }
            let bound = try binder.bind(query)
            func compiler() -> SQLCompiler {
                var c = SQLCompiler(dialect: dialect, options: options, names: bound.names)
                c.script.steps = definitions
                c.usedStepNames = Set(definitions.map { $0.name.lowercased() })
                c.tableSteps = tableSteps
                return c
            }
            var result = CompiledStatement(sql: "")
            if let defining {
                var d = compiler()
                let select = try d.definitionSelect(bound)
                result.definition = d.script.steps + [(d.stepName(defining), select)]
                let types = Engine.outputTypes(bound.plan)
                result.columns = zip(bound.columnNames, bound.plan.outputs).map { ($0, types[$1] ?? .null) }
            }
            var c = compiler()
            result.sql = try c.compileBound(bound)
            return result
        } catch let u as SQLUnsupported {
            throw Diagnostic(u.message, at: span(of: u.anchor, in: query), in: source, help: u.help)
        } catch let d as Diagnostic {
            throw d.located(in: source)
        }
    }

    /// Where in the query an unsupported construct was written (the whole query when unknown).
    static func span(of anchor: SQLUnsupported.Anchor, in query: Query) -> SourceSpan {
        var found: SourceSpan?
        func visit(_ e: Expr) {
            guard found == nil else { return }
            switch (anchor, e.kind) {
            case (.function(let name), .call(let f, _)) where f.name.lowercased() == name.lowercased():
                found = e.span
                return
            case (.textOp(let op), .textMatch(let o, _, _, _)) where o == op:
                found = e.span
                return
            default: break
            }
            switch e.kind {
            case .literal, .name, .today: break
            case .unary(_, let a), .isNull(let a, _), .interval(let a, _): visit(a)
            case .binary(_, let a, let b), .textMatch(_, let a, let b, _): visit(a); visit(b)
            case .call(_, let args): args.forEach(visit)
            case .window(_, let args, let w): args.forEach(visit); w.partition.forEach(visit); w.sort.forEach { visit($0.expr) }
            case .inList(let a, let l, _): visit(a); l.forEach(visit)
            case .inQuery(let a, _, _): visit(a)
            case .caseWhen(let whens, let otherwise):
                whens.forEach { visit($0.condition); visit($0.result) }
                if let o = otherwise { visit(o) }
            case .between(let a, let b, let c, _): visit(a); visit(b); visit(c)
            }
        }
        for clause in query.clauses {
            if case .clause(let word) = anchor, clause.span.start >= 0,
               found == nil, clauseWord(clause.kind) == word {
                found = clause.span
            }
            switch clause.kind {
            case .filter(let e, _), .pivot(let e): visit(e)
            case .bind(let items): items.forEach { visit($0.1) }
            case .groupBy(let keys, let aggs): keys.forEach { visit($0.expr) }; aggs?.forEach { visit($0.expr) }
            case .sort(let keys): keys.forEach { visit($0.expr) }
            case .top(_, let by, let per): visit(by.expr); per.forEach(visit)
            case .select(let items): items.forEach { visit($0.expr) }
            case .join(_, _, let keys, _), .semiJoin(_, _, let keys, _): keys.forEach { visit($0.left); if let r = $0.right { visit(r) } }
            case .unnest(let e, _): visit(e)
            case .limit, .distinct, .union: break
            }
        }
        return found ?? query.span
    }

    static func clauseWord(_ kind: Clause.Kind) -> String {
        switch kind {
        case .filter: return "where"
        case .bind: return "let"
        case .groupBy: return "group"
        case .pivot: return "pivot"
        case .sort: return "sort"
        case .limit: return "limit"
        case .top: return "top"
        case .select: return "select"
        case .distinct: return "distinct"
        case .join: return "join"
        case .semiJoin(_, _, _, let anti): return anti ? "anti" : "semi"
        case .union: return "union"
        case .unnest: return "unnest"
        }
    }
}
