/// Binding of window functions (`f(...) over (per ... sort by ...)`), which are
/// allowed only in `let`: each becomes a column of a ``LogicalPlan/window(_:calls:)``
/// node placed under the `let`'s projection (one node for the whole `let`).
extension Binder {
    /// Binds one `let` item; its window calls join `windows`, the let's window node.
    /// When they read a column computed earlier in the same `let`, the projection so
    /// far is closed first (see ``flushLet``) so the window sees that column.
    mutating func bindLetItem(_ e: Expr, _ cols: [ScopeColumn], _ state: inout State,
                              _ outputs: inout [(id: ColumnID, expr: BoundExpr)],
                              _ pending: inout Set<ColumnID>, _ windows: inout PendingWindows) throws -> BoundExpr {
        guard containsWindow(e) else { return try bindExpr(e, Scope(columns: cols)) }
        let saved = windowing
        defer { windowing = saved }
        windowing = windows
        var b = try bindExpr(e, Scope(columns: cols))
        guard var w = windowing else { return b }
        if !pending.isDisjoint(with: w.inputs(from: windows.calls.count)) {
            flushLet(&state, &outputs, &pending, &windows, cols)
            windowing = windows
            b = try bindExpr(e, Scope(columns: cols))
            guard let again = windowing else { return b }
            w = again
        }
        windows = w
        return b
    }

    /// Closes the projection a `let` is building (under it, the window node of the
    /// calls so far), so later items can read what it computed.
    func flushLet(_ state: inout State, _ outputs: inout [(id: ColumnID, expr: BoundExpr)],
                  _ pending: inout Set<ColumnID>, _ windows: inout PendingWindows, _ cols: [ScopeColumn]) {
        state.plan = .project(windows.applied(to: state.plan), outputs: outputs)
        outputs = cols.map { (id: $0.id, expr: BoundExpr.column($0.id, $0.type)) }
        pending.removeAll()
        windows = PendingWindows(base: cols)
    }

    /// A window call met while binding an expression: a reference to its result column.
    mutating func bindWindow(_ f: Identifier, _ args: [Expr], _ clause: WindowClause, _ span: SourceSpan,
                             _ scope: Scope) throws -> BoundExpr {
        guard var pending = windowing else {
            throw error("window function '\(f.name.lowercased())(...) over (...)' can only be used in let", span,
                        help: "compute it first, for example: let r = rank() over (per theme sort by n desc)")
        }
        guard let fn = WindowFunction.named(f.name) else {
            if let agg = AggregateFunction.named(f.name) {
                throw error("\(agg.rawValue)() has no window form", f.span,
                            help: "the aggregates with a window form are sum, avg, count, min and max")
            }
            let all = WindowFunction.allCases.map(\.rawValue)
            throw error("unknown window function '\(f.name)'", f.span)
                .withSuggestion(EditDistance.suggest(f.name, among: all))
        }
        for a in args + clause.partition + clause.sort.map(\.expr) {
            if containsWindow(a) { throw error("window functions cannot be nested", a.span) }
            if containsAggregate(a) {
                throw error("an aggregate inside a window needs a group by first", a.span,
                            help: "group by, then compute the window over the grouped rows in a let")
            }
        }
        let canonical = text(span).lowercased()
        if let id = pending.byText[canonical], let c = pending.calls.first(where: { $0.id == id }) {
            return .column(id, c.call.type)
        }
        // The argument (offset apart) and keys are plain expressions over the let's input.
        windowing = nil
        var argument: BoundExpr?
        var offset = 1
        if let a = args.first, !(fn == .count && args.isEmpty) {
            argument = try bindExpr(a, scope)
        }
        if args.count == 2, fn == .lag || fn == .lead {
            let n = try bindExpr(args[1], scope)
            guard case .constant(.int(let k), _) = n, k >= 0, k <= Int64(Int32.max) else {
                throw error("\(fn.rawValue)()'s second argument must be a constant non-negative whole number of rows", args[1].span)
            }
            offset = Int(k)
        }
        let partition = try clause.partition.map { try bindExpr($0, scope) }
        let sort = try clause.sort.map { (try bindExpr($0.expr, scope), $0.descending) }
        windowing = pending
        let type: DataType
        switch fn.resultType(argument?.type, argumentCount: args.count) {
        case .failure(let m): throw error(m.text, span)
        case .success(let t): type = t
        }
        if fn == .min || fn == .max || fn == .first || fn == .last || fn == .lag || fn == .lead,
           let a = argument, a.type == .null {
            // An untyped null argument: every result is null, typed as the result column.
            argument = .cast(a, to: type)
        }
        func column(_ b: BoundExpr, _ label: String) -> ColumnID {
            if case .column(let id, _) = b { return id }
            let id = newID(label)
            pending.computed.append((id, b))
            return id
        }
        let call = WindowCall(function: fn,
                              argument: argument.map { column($0, "\(fn.rawValue) argument") },
                              offset: offset,
                              partition: partition.map { column($0, "window key") },
                              sort: sort.map { (id: column($0.0, "window sort key"), descending: $0.1) },
                              type: type)
        let id = newID(canonical)
        pending.calls.append((id, call))
        pending.byText[canonical] = id
        windowing = pending
        return .column(id, type)
    }

    /// Whether `e` contains a window call anywhere.
    func containsWindow(_ e: Expr) -> Bool {
        switch e.kind {
        case .window: return true
        case .call(_, let args): return args.contains(where: containsWindow)
        case .unary(_, let a), .isNull(let a, _), .interval(let a, _): return containsWindow(a)
        case .binary(_, let a, let b), .textMatch(_, let a, let b, _): return containsWindow(a) || containsWindow(b)
        case .between(let a, let b, let c, _): return containsWindow(a) || containsWindow(b) || containsWindow(c)
        case .inList(let a, let l, _): return containsWindow(a) || l.contains(where: containsWindow)
        case .literal, .name, .today: return false
        case .inQuery(let a, _, _): return containsWindow(a)
        case .caseWhen(let whens, let otherwise):
            return whens.contains { containsWindow($0.condition) || containsWindow($0.result) }
                || otherwise.map(containsWindow) ?? false
        }
    }
}
