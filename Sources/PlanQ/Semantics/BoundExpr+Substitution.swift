extension BoundExpr {
    /// The expression with each column in `map` replaced by its expression.
    ///
    /// `having` is bound against a grouping's output names but runs on the
    /// aggregate node, before the projection that computes items such as
    /// `sum(x) * 2 as d` or a second alias of an aggregate already listed; those
    /// names must be replaced by what they compute.
    func substitutingColumns(_ map: [ColumnID: BoundExpr]) -> BoundExpr {
        func r(_ e: BoundExpr) -> BoundExpr { e.substitutingColumns(map) }
        switch self {
        case .column(let id, _): return map[id] ?? self
        case .constant: return self
        case .cast(let e, let t): return .cast(r(e), to: t)
        case .negate(let e, let t): return .negate(r(e), t)
        case .not(let e): return .not(r(e))
        case .arithmetic(let op, let a, let b, let t): return .arithmetic(op, r(a), r(b), t)
        case .compare(let op, let a, let b): return .compare(op, r(a), r(b))
        case .and(let a, let b): return .and(r(a), r(b))
        case .or(let a, let b): return .or(r(a), r(b))
        case .isNull(let e, let n): return .isNull(r(e), negated: n)
        case .inList(let e, let v, let n): return .inList(r(e), v, negated: n)
        case .textMatch(let op, let a, let b, let n): return .textMatch(op, r(a), r(b), negated: n)
        case .call(let f, let args, let t): return .call(f, args.map(r), t)
        case .addMonths(let a, let b, let n): return .addMonths(r(a), r(b), negate: n)
        }
    }
}
