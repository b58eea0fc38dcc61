/// Lowers the binder's ``BoundExpr`` (columns by ``ColumnID``, the parser's
/// operators) into the executor's ``PhysicalExpr`` (columns by ``SlotIndex``,
/// Execution's operator enums), against the layout of one operator's input.
///
/// Every failure here is a planner bug (a column the input does not carry, an
/// operator in the wrong family); it is reported at plan time, before any row is read.
struct ExpressionLowering {
    /// Where each column ID sits in the input batches.
    let slots: [ColumnID: SlotIndex]
    /// Display names, for the internal error's message.
    let name: (ColumnID) -> String

    /// A lowering against `slots`.
    init(slots: [ColumnID: SlotIndex], name: @escaping (ColumnID) -> String = { $0.description }) {
        self.slots = slots
        self.name = name
    }

    /// The slot of `id`, or a planning error.
    func slot(_ id: ColumnID) throws -> SlotIndex {
        guard let s = slots[id] else {
            throw Diagnostic("internal error: column \(name(id)) (\(id)) is not an input of the operator that reads it")
        }
        return s
    }

    /// `e` with columns as slots and operators as Execution's.
    func lower(_ e: BoundExpr) throws -> PhysicalExpr {
        switch e {
        case .column(let id, let t): return .slot(try slot(id), t)
        case .constant(let v, let t): return .constant(v, t)
        case .cast(let x, let t): return .cast(try lower(x), to: t)
        case .negate(let x, let t): return .negate(try lower(x), t)
        case .not(let x): return .not(try lower(x))
        case .arithmetic(let op, let a, let b, let t):
            guard let k = ArithmeticOp(op) else { throw misplaced(op, "arithmetic") }
            return .arithmetic(k, try lower(a), try lower(b), t)
        case .compare(let op, let a, let b):
            guard let k = ComparisonOp(op) else { throw misplaced(op, "comparison") }
            return .compare(k, try lower(a), try lower(b))
        case .and(let a, let b): return .and(try lower(a), try lower(b))
        case .or(let a, let b): return .or(try lower(a), try lower(b))
        case .isNull(let x, let n): return .isNull(try lower(x), negated: n)
        case .inList(let x, let v, let n): return .inList(try lower(x), InListSet(v), negated: n)
        case .textMatch(let op, let a, let b, let n):
            return .textMatch(TextMatchKind(op), try lower(a), try lower(b), negated: n)
        case .call(let f, let args, let t): return .call(f, try args.map(lower), t)
        case .addMonths(let a, let b, let n): return .addMonths(try lower(a), try lower(b), negate: n)
        case .caseWhen(let whens, let otherwise, let t):
            return .caseWhen(try whens.map { (try lower($0.condition), try lower($0.result)) },
                             else: try otherwise.map(lower), t)
        case .concat(let a, let b): return .concat(try lower(a), try lower(b))
        case .inQuery:
            // Only a binder compiling to SQL keeps the query; planq's own runs it while binding.
            throw Diagnostic("internal error: a query after 'in' reached planq's executor unrun")
        }
    }

    /// An aggregate call with its arguments lowered.
    func lower(_ call: AggregateCall) throws -> PhysicalAggregateCall {
        PhysicalAggregateCall(function: call.function, args: try call.args.map(lower), fraction: call.fraction, type: call.type,
                              separator: call.separator)
    }

    private func misplaced(_ op: BinaryOp, _ family: String) -> Diagnostic {
        Diagnostic("internal error: '\(op.rawValue)' is not a\(family == "arithmetic" ? "n" : "") \(family) operator")
    }
}

extension ArithmeticOp {
    /// The kernel operator for a parser operator; nil for a non-arithmetic one.
    init?(_ op: BinaryOp) {
        switch op {
        case .add: self = .add
        case .sub: self = .sub
        case .mul: self = .mul
        case .div: self = .div
        case .intDiv: self = .intDiv
        case .mod: self = .mod
        case .or, .and, .eq, .ne, .lt, .le, .gt, .ge, .concat: return nil
        }
    }
}

extension ComparisonOp {
    /// The kernel operator for a parser operator; nil for a non-comparison one.
    init?(_ op: BinaryOp) {
        switch op {
        case .eq: self = .eq
        case .ne: self = .ne
        case .lt: self = .lt
        case .le: self = .le
        case .gt: self = .gt
        case .ge: self = .ge
        case .or, .and, .add, .sub, .mul, .div, .intDiv, .mod, .concat: return nil
        }
    }
}

extension TextMatchKind {
    /// The kernel predicate for a parser text-match operator.
    init(_ op: TextMatchOp) {
        switch op {
        case .contains: self = .contains
        case .startsWith: self = .startsWith
        case .endsWith: self = .endsWith
        case .like: self = .like
        case .matches: self = .matches
        }
    }
}
