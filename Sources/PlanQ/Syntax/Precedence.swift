/// Binding strength of the expression operators, weakest first. The Pratt loop in
/// `Parser+Expressions.swift` keeps consuming infix operators whose precedence is at
/// least the minimum it was called with.
enum Precedence: Int, Comparable {
    /// `or`
    case or = 1
    /// `and`
    case and
    /// prefix `not`
    case not
    /// `= != < <= > >=` and the postfix predicates (`in`, `between`, `is`, `like`...); non-associative.
    case comparison
    /// `||` (text concatenation): looser than arithmetic, so `"Q" || n + 1` joins `n + 1`.
    case concat
    /// `+ -`
    case additive
    /// `* / // %`
    case multiplicative
    /// prefix `-`
    case unary

    /// The next-tighter level: the right operand of a left-associative operator is parsed there.
    var next: Precedence { Precedence(rawValue: rawValue + 1) ?? .unary }

    static func < (a: Precedence, b: Precedence) -> Bool { a.rawValue < b.rawValue }
}
