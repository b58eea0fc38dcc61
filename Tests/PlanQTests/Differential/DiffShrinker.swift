/// Shrinks a failing query by dropping clauses, conjuncts, keys, aggregates and
/// output columns while it still fails, so a report shows the smallest culprit.
enum DiffShrinker {
    /// Queries one step smaller than `q`.
    static func candidates(_ q: DiffQuery) -> [DiffQuery] {
        var out: [DiffQuery] = []
        func with(_ f: (inout DiffQuery) -> Void) { var c = q; f(&c); out.append(c) }
        if let f = q.filter {
            with { $0.filter = nil }
            for child in f.boolChildren { with { $0.filter = child } }
            for smaller in shrinkPredicate(f) { with { $0.filter = smaller } }
        }
        if q.join != nil { with { $0.join = nil } }
        if q.letBinding != nil { with { $0.letBinding = nil } }
        if q.having != nil { with { $0.having = nil } }
        if q.pivot != nil { with { $0.pivot = nil } }
        if q.limit != nil { with { $0.limit = nil } }
        if q.top != nil { with { $0.top = nil } }
        if q.top?.per != nil { with { $0.top?.per = nil } }
        if q.distinct { with { $0.distinct = false } }
        if q.select != nil { with { $0.select = nil } }
        for i in q.select?.indices ?? [].indices where (q.select?.count ?? 0) > 1 { with { $0.select?.remove(at: i) } }
        for i in q.sort.indices { with { $0.sort.remove(at: i) } }
        if !q.groupSort.isEmpty { with { $0.groupSort = []; $0.limit = nil } }
        for i in q.aggregates.indices where q.aggregates.count > 1 {
            with { c in
                c.aggregates.remove(at: i)
                c.groupSort = c.groupSort.filter { $0.position != q.keys.count + i }
                    .map { ($0.position > q.keys.count + i ? $0.position - 1 : $0.position, $0.descending) }
                c.having = nil
            }
        }
        for i in q.keys.indices {
            with { c in
                c.keys.remove(at: i)
                c.groupSort = []
                c.limit = nil
                if c.keys.isEmpty { c.having = nil }
            }
        }
        return out
    }

    /// The predicate with one nested `and`/`or`/`not` replaced by one of its operands.
    static func shrinkPredicate(_ e: DiffExpr) -> [DiffExpr] {
        switch e {
        case .and(let a, let b):
            return shrinkPredicate(a).map { .and($0, b) } + shrinkPredicate(b).map { .and(a, $0) }
        case .or(let a, let b):
            return shrinkPredicate(a).map { .or($0, b) } + shrinkPredicate(b).map { .or(a, $0) }
        case .not(let a):
            return a.boolChildren.map { .not($0) } + shrinkPredicate(a).map { .not($0) }
        default:
            return []
        }
    }

    /// Repeatedly takes the first smaller query that still fails the same way.
    static func shrink(_ q: DiffQuery, runner: DiffRunner) -> DiffQuery {
        var best = q
        var progress = true
        var steps = 0
        while progress && steps < 200 {
            progress = false
            for c in candidates(best) {
                steps += 1
                let (v, p, s) = runner.judge(c)
                // A candidate that stops binding (it dropped a column a clause used) is not the same failure.
                guard case .mismatch = v, !Self.isBindError(p), !Self.isBindError(s) else { continue }
                best = c
                progress = true
                break
            }
        }
        return best
    }

    static func isBindError(_ o: DiffRunner.Outcome) -> Bool {
        guard case .error(let m) = o else { return false }
        let l = m.lowercased()
        return l.contains("no such column") || l.contains("unknown column") || l.contains("no column") || l.contains("misuse")
    }
}
