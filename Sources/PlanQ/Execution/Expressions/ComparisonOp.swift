/// The comparison operators the kernels implement (Execution's own, not the parser's).
public enum ComparisonOp: String, Sendable, CaseIterable {
    case eq = "=", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">="

    /// The operator with its operands swapped (`a < b` ⇔ `b > a`).
    public var flipped: ComparisonOp {
        switch self {
        case .lt: return .gt
        case .le: return .ge
        case .gt: return .lt
        case .ge: return .le
        case .eq, .ne: return self
        }
    }

    /// Whether `a op b` holds for two comparable values.
    @inline(__always)
    public func holds<T: Comparable>(_ a: T, _ b: T) -> Bool {
        switch self {
        case .eq: return a == b
        case .ne: return a != b
        case .lt: return a < b
        case .le: return a <= b
        case .gt: return a > b
        case .ge: return a >= b
        }
    }
}
