/// The front door from query text: parse, bind against a catalog, compile each statement.
extension SQLCompiler {
    /// The SQL of every statement in `source`, in order. Errors are positioned
    /// ``Diagnostic``s: parse and bind errors as planq gives them, and what the dialect
    /// cannot express with a caret under it and the dialect's name.
    public static func compile(_ source: SourceText, catalog: Catalog, today: Int32, dialect: SQLDialect,
                               options: Options = Options()) throws -> [String] {
        let script = try Parser.parse(source)
        var out: [String] = []
        for statement in script.statements {
            if case .define = statement.kind {
                throw Diagnostic("a named result (table NAME = query) is not compiled to SQL yet", at: statement.span, in: source,
                                 help: "write the query where the name is used, or use planq to run it")
            }
            guard case .query(let query) = statement.kind else {
                throw Diagnostic("explain shows planq's own plan and has no SQL form", at: statement.span, in: source,
                                 help: "drop 'explain' to see the SQL")
            }
            out.append(try compile(query, source: source, catalog: catalog, today: today, dialect: dialect, options: options))
        }
        return out
    }

    /// The SQL of one parsed query.
    public static func compile(_ query: Query, source: SourceText, catalog: Catalog, today: Int32, dialect: SQLDialect,
                               options: Options = Options()) throws -> String {
        do {
            var binder = Binder(catalog: catalog, source: source, today: today)
            let bound = try binder.bind(query)
            return try compile(bound, dialect: dialect, options: options)
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
