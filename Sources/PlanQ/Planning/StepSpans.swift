/// Where each step of a query was written, so an empty-result explanation can point
/// at the step that removed the last rows (`<query>:1:49: note: ...` with a caret).
///
/// The binder turns clauses into plan nodes in the order they are written, and a
/// plan's nodes of one kind appear bottom up (post-order) in that same order: the
/// query's table, then each joined table; each `where`/`having` (split into its
/// conjuncts exactly as the bound predicate splits); each `join`, `limit`, `top`.
/// ``EmptyResultExplainer`` counts nodes of each kind as it walks and looks spans up
/// by position; when the counts disagree it leaves the span out rather than guess.
struct StepSpans {
    /// The query's table, then each joined table's name.
    var scans: [SourceSpan] = []
    /// Per filter clause, one span per conjunct.
    var filters: [[SourceSpan]] = []
    /// Each `join`, `limit` and `top` clause.
    var joins: [SourceSpan] = []
    var limits: [SourceSpan] = []
    var tops: [SourceSpan] = []

    /// No spans known (explanations then carry none).
    init() {}

    /// The spans of `query`'s steps.
    init(_ query: Query) {
        scans = [query.table.span]
        for c in query.clauses {
            switch c.kind {
            case .filter(let e, _): filters.append(StepSpans.conjuncts(e))
            case .join(let table, _, _, _), .semiJoin(let table, _, _, _):
                scans.append(table.span)
                joins.append(c.span)
            case .limit: limits.append(c.span)
            case .top: tops.append(c.span)
            default: break
            }
        }
    }

    /// The spans of `a and b and c` as the binder's `.and` tree splits; `x between a and b`
    /// binds to two conjuncts (`x >= a`, `x <= b`), both pointing at the `between`.
    static func conjuncts(_ e: Expr) -> [SourceSpan] {
        switch e.kind {
        case .binary(.and, let a, let b): return conjuncts(a) + conjuncts(b)
        case .between(_, _, _, negated: false): return [e.span, e.span]
        default: return [e.span]
        }
    }

    /// Nodes of each kind in a plan, for advancing past a subtree the explainer skips.
    struct Counts {
        var scans = 0, filters = 0, joins = 0, limits = 0, tops = 0

        mutating func add(_ plan: LogicalPlan) {
            switch plan {
            case .scan: scans += 1
            case .filter(let p, _): filters += 1; add(p)
            case .join(let l, let r, _, _), .semiJoin(let l, let r, _, _): add(l); add(r); joins += 1
            case .union(let l, _, _): add(l)
            case .limit(let p, _): add(p); limits += 1
            case .top(let p, _, _, _, _): add(p); tops += 1
            case .project(let p, _), .aggregate(let p, _, _), .pivot(let p, _), .sort(let p, _), .distinct(let p),
                 .window(let p, _), .unnest(let p, _, _): add(p)
            }
        }
    }

    /// The span at `i` of `list`, if there is one.
    static func at(_ list: [SourceSpan], _ i: Int) -> SourceSpan? {
        i >= 0 && i < list.count ? list[i] : nil
    }
}
