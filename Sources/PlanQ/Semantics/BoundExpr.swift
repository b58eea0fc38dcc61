/// A name-resolved, type-checked expression over ``ColumnID``s.
///
/// The physical planner lowers it to ``PhysicalExpr`` (``ExpressionLowering``);
/// the executor never sees this type.
public indirect enum BoundExpr: Sendable {
    case column(ColumnID, DataType)
    /// A typed constant. Enum constants are `.int(code)` with an enumeration type;
    /// text constants are `.text`.
    case constant(Value, DataType)
    case cast(BoundExpr, to: DataType)
    case negate(BoundExpr, DataType)
    case not(BoundExpr)
    case arithmetic(BinaryOp, BoundExpr, BoundExpr, DataType)
    case compare(BinaryOp, BoundExpr, BoundExpr)
    case and(BoundExpr, BoundExpr)
    case or(BoundExpr, BoundExpr)
    case isNull(BoundExpr, negated: Bool)
    /// `x in (constants)`; non-constant lists are rewritten to `or` chains by the binder.
    case inList(BoundExpr, [Value], negated: Bool)
    case textMatch(TextMatchOp, BoundExpr, BoundExpr, negated: Bool)
    case call(ScalarFunction, [BoundExpr], DataType)
    /// date ± n months.
    case addMonths(BoundExpr, BoundExpr, negate: Bool)
    /// `case when c then e ... [else e] end`; every result already converted to the type.
    case caseWhen([(condition: BoundExpr, result: BoundExpr)], else: BoundExpr?, DataType)
    /// `a || b` over text (both sides already text).
    case concat(BoundExpr, BoundExpr)
    /// `x [not] in (query)` kept as a query, for SQL (``Binder/compilesSubqueries``); planq
    /// itself runs the query while binding and sees an ``inList`` instead.
    case inQuery(BoundExpr, InSubquery, negated: Bool)

    public var type: DataType {
        switch self {
        case .column(_, let t), .constant(_, let t), .cast(_, let t), .negate(_, let t),
             .arithmetic(_, _, _, let t), .call(_, _, let t), .caseWhen(_, _, let t):
            return t
        case .not, .compare, .and, .or, .isNull, .inList, .textMatch, .inQuery: return .bool
        case .addMonths: return .date
        case .concat: return .text
        }
    }

    /// Column IDs this expression reads.
    public func collectColumns(into set: inout Set<ColumnID>) {
        switch self {
        case .column(let id, _): set.insert(id)
        case .constant: break
        case .cast(let e, _), .negate(let e, _), .not(let e), .isNull(let e, _), .inList(let e, _, _), .inQuery(let e, _, _):
            // A subquery reads no column of the outer query (it is not correlated).
            e.collectColumns(into: &set)
        case .arithmetic(_, let a, let b, _), .compare(_, let a, let b), .and(let a, let b), .or(let a, let b),
             .textMatch(_, let a, let b, _), .addMonths(let a, let b, _), .concat(let a, let b):
            a.collectColumns(into: &set)
            b.collectColumns(into: &set)
        case .caseWhen(let whens, let otherwise, _):
            for w in whens {
                w.condition.collectColumns(into: &set)
                w.result.collectColumns(into: &set)
            }
            otherwise?.collectColumns(into: &set)
        case .call(_, let args, _):
            for a in args { a.collectColumns(into: &set) }
        }
    }

    public var columns: Set<ColumnID> {
        var s = Set<ColumnID>()
        collectColumns(into: &s)
        return s
    }

    /// The same tree with each column reference replaced by `transform(id, type)`;
    /// the rewriter behind `having` substitution.
    func mappingColumns(_ transform: (ColumnID, DataType) -> BoundExpr) -> BoundExpr {
        func r(_ e: BoundExpr) -> BoundExpr { e.mappingColumns(transform) }
        switch self {
        case .column(let id, let t): return transform(id, t)
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
        case .caseWhen(let whens, let otherwise, let t):
            return .caseWhen(whens.map { (r($0.condition), r($0.result)) }, else: otherwise.map(r), t)
        case .concat(let a, let b): return .concat(r(a), r(b))
        case .inQuery(let e, let q, let n): return .inQuery(r(e), q, negated: n)
        }
    }

    /// A short rendering for `explain`.
    public func render(_ name: (ColumnID) -> String) -> String {
        func r(_ e: BoundExpr) -> String { e.render(name) }
        switch self {
        case .column(let id, _): return name(id)
        case .constant(let v, let t):
            if case .enumeration(let e) = t, case .int(let c) = v, c >= 0, Int(c) < e.values.count { return e.values[Int(c)] }
            if case .text(let s) = v { return "\"\(s)\"" }
            if case .date = v { return "date \"\(v)\"" }
            return v.description
        case .cast(let e, let t): return "\(t)(\(r(e)))"
        case .negate(let e, _): return "-\(r(e))"
        case .not(let e): return "not \(r(e))"
        case .arithmetic(let op, let a, let b, _): return "(\(r(a)) \(op.rawValue) \(r(b)))"
        case .compare(let op, let a, let b): return "\(r(a)) \(op.rawValue) \(r(b))"
        case .and(let a, let b): return "(\(r(a)) and \(r(b)))"
        case .or(let a, let b): return "(\(r(a)) or \(r(b)))"
        case .isNull(let e, let n): return "\(r(e)) is \(n ? "not " : "")null"
        case .inList(let e, let v, let n):
            // Enum values are held as codes; show them as the words they stand for.
            let items = v.map { x -> String in
                if case .int = x, e.type.enumType != nil { return BoundExpr.constant(x, e.type).render(name) }
                if case .text(let s) = x { return "\"\(s)\"" }
                return x.description
            }
            return "\(r(e)) \(n ? "not " : "")in (\(items.joined(separator: ", ")))"
        case .textMatch(let op, let a, let b, let n): return "\(r(a)) \(n ? "not " : "")\(op.rawValue) \(r(b))"
        case .call(let f, let args, _): return "\(f.rawValue)(\(args.map(r).joined(separator: ", ")))"
        case .addMonths(let a, let b, let n): return "\(r(a)) \(n ? "-" : "+") \(r(b)) months"
        case .caseWhen(let whens, let otherwise, _):
            let arms = whens.map { "when \(r($0.condition)) then \(r($0.result))" }.joined(separator: " ")
            return "case \(arms)\(otherwise.map { " else \(r($0))" } ?? "") end"
        case .concat(let a, let b): return "(\(r(a)) || \(r(b)))"
        case .inQuery(let e, _, let n): return "\(r(e)) \(n ? "not " : "")in (query)"
        }
    }
}

/// The query of an `x in (query)` compiled to SQL: its plan gives one column, `column`,
/// already cast to the type the values are compared in.
public struct InSubquery: Sendable {
    public var plan: LogicalPlan
    public var column: ColumnID
}
