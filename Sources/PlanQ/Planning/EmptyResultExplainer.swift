/// Says why a query returned no rows.
///
/// Only called once a result is empty, so it costs nothing on queries that return
/// rows. It re-runs the bound plan step by step, bottom up (a scan, then each
/// conjunct of a `where` in turn, joins, `having`, `limit`), counting the rows each
/// prefix produces, and stops at the first step that reaches zero. That step is then
/// described from the rows that reached it (``ValueProfile``): a column that is null
/// in all of them, a value that never occurs (with a did-you-mean), the range a
/// comparison missed, join keys that never meet, a table with no rows.
///
/// The work is bounded: every re-run is charged the rows of the tables it scans, and
/// past ``rowBudget`` the explainer gives up (returns nil) rather than make an empty
/// answer slow. It never touches the result it explains.
final class EmptyResultExplainer {
    /// Rows scanned across all re-runs before giving up (about ten passes over a
    /// million-row table).
    static let defaultRowBudget = 10_000_000

    /// A serial copy of the query's context (same `today` and limits).
    let context: ExecutionContext
    /// Display names of column IDs: the binder's, plus the explainer's own.
    var names: [ColumnID: String]
    /// Rows the re-runs may scan in all.
    let rowBudget: Int
    private(set) var rowsSpent = 0
    /// IDs for the columns the explainer adds (profiles of an expression, join keys).
    private var nextID: ColumnID
    /// Where the query's steps are written, and how many of each kind the walk has passed.
    let spans: StepSpans
    private var seen = StepSpans.Counts()

    /// `context` gives `today` and the limits; the re-runs themselves are serial.
    init(context: ExecutionContext, names: [ColumnID: String], spans: StepSpans = StepSpans(),
         rowBudget: Int = EmptyResultExplainer.defaultRowBudget) {
        self.spans = spans
        self.context = ExecutionContext(today: context.today, threads: 1, morselSize: context.morselSize, limits: context.limits)
        self.names = names
        self.rowBudget = rowBudget
        self.nextID = ColumnID((names.keys.max()?.rawValue ?? 0) + 1_000)
    }

    /// Thrown when the next re-run would pass the budget.
    struct OverBudget: Error {}

    /// Rows reaching the top of a plan, or why none do.
    enum Outcome {
        case rows(Int)
        case empty(EmptyResultExplanation)
    }

    /// Why `plan` produces no rows; nil when the budget runs out or no step explains it.
    func explain(_ plan: LogicalPlan) -> EmptyResultExplanation? {
        guard case .empty(let e)? = try? walk(plan) else { return nil }
        return e
    }

    /// A column's display name.
    func name(_ id: ColumnID) -> String { names[id] ?? id.description }

    /// An expression as `explain` shows it, casts the binder added left out.
    func render(_ e: BoundExpr) -> String {
        if case .cast(let x, _) = e { return render(x) }
        return e.stripCasts.render(name)
    }

    /// A column ID no plan node uses yet, shown as `label`.
    func freshID(_ label: String) -> ColumnID {
        nextID = nextID.successor
        names[nextID] = label
        return nextID
    }

    /// Rows `plan` produces, run serially to the end.
    func count(_ plan: LogicalPlan) throws -> Int {
        var n = 0
        try run(plan) { n += $0.count }
        return n
    }

    /// Runs `plan`, handing each batch to `body`; charged to the budget first.
    func run(_ plan: LogicalPlan, _ body: (Batch) throws -> Void) throws {
        let cost = EmptyResultExplainer.scannedRows(plan)
        guard rowsSpent + cost <= rowBudget else { throw OverBudget() }
        rowsSpent += cost
        let root = try PhysicalPlanner(context: context, names: names).plan(plan)
        while let b = try root.next() { try body(b) }
    }

    /// The profile of `expr` over the rows `input` produces.
    func profile(_ expr: BoundExpr, over input: LogicalPlan) throws -> ValueProfile {
        let id = freshID(render(expr))
        var p = ValueProfile()
        try run(.project(input, outputs: [(id, expr)])) { p.add($0.columns[0]) }
        return p
    }

    /// Rows of every table `plan` scans: what one re-run of it costs.
    static func scannedRows(_ plan: LogicalPlan) -> Int {
        switch plan {
        case .scan(let t, _): return t.rowCount
        case .filter(let p, _), .project(let p, _), .aggregate(let p, _, _), .pivot(let p, _), .sort(let p, _),
             .limit(let p, _), .top(let p, _, _, _, _), .distinct(let p), .window(let p, _):
            return scannedRows(p)
        case .join(let l, let r, _, _), .semiJoin(let l, let r, _, _), .union(let l, let r, _):
            return scannedRows(l) + scannedRows(r)
        case .unnest(let p, _, _): return scannedRows(p)
        }
    }

    /// The first step, bottom up, that leaves no rows.
    func walk(_ plan: LogicalPlan) throws -> Outcome {
        switch plan {
        case .scan(let t, _):
            let span = StepSpans.at(spans.scans, seen.scans)
            seen.scans += 1
            if t.rowCount == 0 {
                return .empty(EmptyResultExplanation(message: "0 rows: table \(t.name) has no rows", step: "table \(t.name)", span: span))
            }
            return .rows(t.rowCount)
        case .filter:
            return try walkFilters(plan)
        case .project(let p, _), .sort(let p, _), .window(let p, _):
            return try walk(p)
        case .aggregate(let p, let keys, _):
            // Aggregating everything into one row gives a row even from no input.
            if keys.isEmpty {
                seen.add(p)
                return .rows(1)
            }
            let o = try walk(p)
            guard case .rows = o else { return o }
            return .rows(try count(plan))
        case .distinct(let p), .pivot(let p, _):
            let o = try walk(p)
            guard case .rows = o else { return o }
            return .rows(try count(plan))
        case .limit(let p, let k):
            let o = try walk(p)
            guard case .rows(let n) = o else { return o }
            let span = StepSpans.at(spans.limits, seen.limits)
            seen.limits += 1
            if k == 0 {
                return .empty(EmptyResultExplanation(message: "0 rows: limit 0 keeps none of the \(n) \(noun(p, n))",
                                                     step: "limit 0", span: span))
            }
            return .rows(min(n, k))
        case .top(let p, let k, _, _, _):
            let o = try walk(p)
            guard case .rows(let n) = o else { return o }
            let span = StepSpans.at(spans.tops, seen.tops)
            seen.tops += 1
            if k == 0 {
                return .empty(EmptyResultExplanation(message: "0 rows: top 0 keeps none of the \(n) \(noun(p, n))",
                                                     step: "top 0", span: span))
            }
            return .rows(try count(plan))
        case .join(let l, let r, let keys, let leftOuter):
            let lo = try walk(l)
            guard case .rows(let ln) = lo else { return lo }
            let ro = try walk(r)
            let span = StepSpans.at(spans.joins, seen.joins)
            seen.joins += 1
            guard case .rows(let rn) = ro else { return leftOuter ? .rows(ln) : ro }
            let n = try count(plan)
            if n == 0 {
                var e = try describeJoin(l, r, keys, leftRows: ln, rightRows: rn)
                e.span = span
                return .empty(e)
            }
            return .rows(n)
        case .semiJoin(let l, let r, _, let anti):
            let lo = try walk(l)
            guard case .rows(let ln) = lo else { return lo }
            let ro = try walk(r)
            let span = StepSpans.at(spans.joins, seen.joins)
            seen.joins += 1
            guard case .rows = ro else { return anti ? .rows(ln) : ro }
            let n = try count(plan)
            if n == 0 {
                let said: String
                if ln == 1 {
                    said = "the only \(noun(l, 1)) has \(anti ? "a match" : "no match")"
                } else {
                    said = "\(anti ? "every one" : "none") of the \(ln) \(noun(l, ln)) has a match"
                }
                return .empty(EmptyResultExplanation(message: "0 rows: \(anti ? "anti" : "semi") join: \(said)",
                                                     step: anti ? "anti join" : "semi join", span: span))
            }
            return .rows(n)
        case .union(let l, let r, _):
            let lo = try walk(l)
            let ro = try walkUnionRight(r)
            switch (lo, ro) {
            case (.rows(let ln), .rows(let rn)): return .rows(ln + rn)
            case (.rows(let n), .empty), (.empty, .rows(let n)): return .rows(n)
            case (.empty(var e), .empty(let right)):
                // Both sides are empty: say why for each (the caret stays on the left's step).
                e.message += "; and the query after union has no rows either: " + right.reason
                return .empty(e)
            }
        case .unnest(let p, _, _):
            let o = try walk(p)
            guard case .rows = o else { return o }
            return .rows(try count(plan))
        }
    }

    /// The query after `union`, walked step by step as the left side is, by an explainer
    /// of its own: its steps are written inside the parentheses, where this explainer's
    /// spans do not reach, so its explanation has no caret. Shares the row budget.
    func walkUnionRight(_ r: LogicalPlan) throws -> Outcome {
        let sub = EmptyResultExplainer(context: context, names: names, rowBudget: max(0, rowBudget - rowsSpent))
        defer { rowsSpent += sub.rowsSpent }
        return try sub.walk(r)
    }

    /// A run of filters (`where a and b where c`): each conjunct in turn, counting.
    func walkFilters(_ plan: LogicalPlan) throws -> Outcome {
        var nodes: [[BoundExpr]] = []
        var base = plan
        while case .filter(let p, let e) = base {
            nodes.insert(EmptyResultExplainer.conjuncts(e), at: 0)
            base = p
        }
        let o = try walk(base)
        guard case .rows(var n) = o else { return o }
        // Each node's conjuncts with the spans of its clause, when the clause splits the same way.
        var conjuncts: [(BoundExpr, SourceSpan?)] = []
        for (j, node) in nodes.enumerated() {
            let clause = seen.filters + j < spans.filters.count ? spans.filters[seen.filters + j] : []
            for (k, c) in node.enumerated() {
                conjuncts.append((c, clause.count == node.count ? clause[k] : nil))
            }
        }
        seen.filters += nodes.count
        var current = base
        var passed: [BoundExpr] = []
        for (c, span) in conjuncts {
            let next = LogicalPlan.filter(current, c)
            let m = try count(next)
            if m == 0 {
                var e = try describe(c, input: current, rows: n, passed: passed, noun: base)
                e.span = span
                return .empty(e)
            }
            current = next
            n = m
            passed.append(c)
        }
        return .rows(n)
    }

    /// The parts of `a and b and c`, in order (a row passes when every part is true).
    static func conjuncts(_ e: BoundExpr) -> [BoundExpr] {
        if case .and(let a, let b) = e { return conjuncts(a) + conjuncts(b) }
        return [e]
    }

    /// What the rows of `plan` are called: the table's name, "groups" after a grouping, "rows" otherwise.
    func noun(_ plan: LogicalPlan, _ n: Int) -> String {
        let (one, many) = EmptyResultExplainer.nouns(plan)
        return n == 1 ? one : many
    }

    /// Singular and plural of what the rows of `plan` are called (`indicator`, `indicators`).
    static func nouns(_ plan: LogicalPlan) -> (String, String) {
        switch plan {
        case .scan(let t, _):
            let name = t.name
            if name.hasSuffix("s") && !name.hasSuffix("ss") { return (String(name.dropLast()), name) }
            return ("\(name) row", "\(name) rows")
        case .filter(let p, _), .project(let p, _), .sort(let p, _), .limit(let p, _), .top(let p, _, _, _, _),
             .window(let p, _):
            return nouns(p)
        case .aggregate, .pivot: return ("group", "groups")
        case .unnest(let p, _, _), .semiJoin(let p, _, _, _): return nouns(p)
        case .distinct, .join, .union: return ("row", "rows")
        }
    }
}

extension BoundExpr {
    /// The same expression without the casts the binder inserts (`text(status)` → `status`), for messages.
    var stripCasts: BoundExpr {
        removingCasts()
    }

    /// The expression under any casts wrapped around it (still well typed).
    var peeled: BoundExpr {
        if case .cast(let e, _) = self { return e.peeled }
        return self
    }

    private func removingCasts() -> BoundExpr {
        switch self {
        case .cast(let e, _): return e.removingCasts()
        case .compare(let op, let a, let b): return .compare(op, a.removingCasts(), b.removingCasts())
        case .not(let e): return .not(e.removingCasts())
        case .and(let a, let b): return .and(a.removingCasts(), b.removingCasts())
        case .or(let a, let b): return .or(a.removingCasts(), b.removingCasts())
        case .isNull(let e, let n): return .isNull(e.removingCasts(), negated: n)
        case .inList(let e, let v, let n): return .inList(e.removingCasts(), v, negated: n)
        case .textMatch(let op, let a, let b, let n): return .textMatch(op, a.removingCasts(), b.removingCasts(), negated: n)
        case .negate(let e, let t): return .negate(e.removingCasts(), t)
        case .arithmetic(let op, let a, let b, let t): return .arithmetic(op, a.removingCasts(), b.removingCasts(), t)
        case .call(let f, let args, let t): return .call(f, args.map { $0.removingCasts() }, t)
        case .addMonths(let a, let b, let n): return .addMonths(a.removingCasts(), b.removingCasts(), negate: n)
        case .caseWhen(let whens, let otherwise, let t):
            return .caseWhen(whens.map { ($0.condition.removingCasts(), $0.result.removingCasts()) }, else: otherwise?.removingCasts(), t)
        case .concat(let a, let b): return .concat(a.removingCasts(), b.removingCasts())
        case .inQuery(let e, let q, let n): return .inQuery(e.removingCasts(), q, negated: n)
        case .column, .constant: return self
        }
    }
}
