/// An expression as the executor runs it: columns are batch slots, operators are
/// Execution's own enums, and every case is handled by an exhaustive switch.
///
/// The planner lowers each ``BoundExpr`` into one of these against the layout of
/// the operator's input (``ExpressionLowering``), so an unresolvable column is a
/// planning error. Operators and kernels never see the binder's types, and tests
/// can build these trees directly.
public indirect enum PhysicalExpr: Sendable {
    /// The column at a slot of the input batch.
    case slot(SlotIndex, DataType)
    /// A typed constant. Enum constants are `.int(code)` with an enumeration type.
    case constant(Value, DataType)
    /// A conversion the binder allows: int → double, enum → text, bool → int, null → any.
    case cast(PhysicalExpr, to: DataType)
    case negate(PhysicalExpr, DataType)
    case not(PhysicalExpr)
    case arithmetic(ArithmeticOp, PhysicalExpr, PhysicalExpr, DataType)
    case compare(ComparisonOp, PhysicalExpr, PhysicalExpr)
    case and(PhysicalExpr, PhysicalExpr)
    case or(PhysicalExpr, PhysicalExpr)
    case isNull(PhysicalExpr, negated: Bool)
    /// `x in (constants)`, the constants hashed once (``InListSet``).
    case inList(PhysicalExpr, InListSet, negated: Bool)
    case textMatch(TextMatchKind, PhysicalExpr, PhysicalExpr, negated: Bool)
    case call(ScalarFunction, [PhysicalExpr], DataType)
    /// date ± n months.
    case addMonths(PhysicalExpr, PhysicalExpr, negate: Bool)
    /// `case when c then e ... [else e] end`: each result already of the type; no
    /// `else` is null. Evaluated branch by branch over the rows still unmatched.
    case caseWhen([(condition: PhysicalExpr, result: PhysicalExpr)], else: PhysicalExpr?, DataType)
    /// `a || b` over two text operands; null if either is null.
    case concat(PhysicalExpr, PhysicalExpr)

    /// The type of the vector the expression evaluates to.
    public var type: DataType {
        switch self {
        case .slot(_, let t), .constant(_, let t), .cast(_, let t), .negate(_, let t),
             .arithmetic(_, _, _, let t), .call(_, _, let t), .caseWhen(_, _, let t):
            return t
        case .not, .compare, .and, .or, .isNull, .inList, .textMatch: return .bool
        case .addMonths: return .date
        case .concat: return .text
        }
    }
}
