import Foundation

/// One boxed value: used for literals, results handed to writers, and tests.
///
/// Never built inside an operator's inner loop; kernels work on ``VectorData``.
public enum Value: Hashable, Sendable, CustomStringConvertible {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    /// Days since 1970-01-01.
    case date(Int32)
    case text(String)

    public var isNull: Bool { if case .null = self { return true } else { return false } }

    public var description: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return Value.format(d)
        case .date(let d): return CivilDate(days: d).description
        case .text(let s): return s
        }
    }

    /// Doubles print with up to 15 significant digits and no trailing zeros, so
    /// results are stable across platforms (`0.1 + 0.2` prints `0.3`).
    public static func format(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d > 0 ? "inf" : "-inf" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        var s = String(format: "%.15g", d)
        if s.contains("e") { return s }
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s
    }
}
