/// A piece of emitted SQL and whether it can stand as an operand without parentheses.
struct SQLExpr {
    var sql: String
    /// A name, literal, call or `CASE ... END`: safe inside any operator.
    var atomic: Bool

    /// The text, parenthesised unless atomic.
    var operand: String { atomic ? sql : "(\(sql))" }
}
