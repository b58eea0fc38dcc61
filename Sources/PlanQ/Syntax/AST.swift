/// The syntax tree of a planq script, as the parser builds it and before any name is resolved.
///
/// A query names a table, then a list of clauses applied left to right:
/// `indicators where status = red group by owner sort by count desc`.

/// A whole input: statements separated by `;`.
public struct Script: Sendable {
    public var statements: [Statement]
}

/// One statement.
public struct Statement: Sendable {
    public enum Kind: Sendable {
        case query(Query)
        /// `explain <query>`: show the plan with the strategy and row count of each operator.
        case explain(Query)
        /// `explain analyze <query>`: run the query and show, per operator and per
        /// conjunct of each `where`, the rows in and out and the time spent.
        case explainAnalyze(Query)
        /// `table NAME = query`: runs the query and keeps its result as a table named
        /// NAME for the rest of the script or shell session.
        case define(Identifier, Query)
    }
    public var kind: Kind
    public var span: SourceSpan
}

/// A name as written, with where it was written. `quoted` for backtick identifiers.
public struct Identifier: Hashable, Sendable {
    public var name: String
    public var span: SourceSpan
    public var quoted: Bool

    public init(_ name: String, span: SourceSpan, quoted: Bool = false) {
        self.name = name
        self.span = span
        self.quoted = quoted
    }
}

/// `table [as alias] clause clause ...`
public struct Query: Sendable {
    public var table: Identifier
    public var clauses: [Clause]
    public var span: SourceSpan
    /// `measures as m`: the name the table's columns are qualified by (`m.value`).
    public var alias: Identifier? = nil
}

/// An expression with an optional `as name`.
public struct NamedExpr: Sendable {
    public var expr: Expr
    public var alias: Identifier?
}

/// One key of `sort by` / `order by`.
public struct SortKey: Sendable {
    public var expr: Expr
    public var descending: Bool
}

/// One pair of `join ... on a = b` (or `on a`, meaning the same name on both sides).
public struct JoinKey: Sendable {
    public var left: Expr
    public var right: Expr?
}

/// A clause of a query; the `span` covers the clause from its keyword.
public struct Clause: Sendable {
    public enum Kind: Sendable {
        /// `where expr` (before a grouping) or `having expr` / `where expr` after one.
        case filter(Expr, isHaving: Bool)
        /// `let a = expr, b = expr`
        case bind([(Identifier, Expr)])
        /// `group by k [as n], ... [aggregate agg [as n], ...]`; `aggregates` is nil when omitted.
        case groupBy(keys: [NamedExpr], aggregates: [NamedExpr]?)
        /// `pivot col`
        case pivot(Expr)
        /// `sort by` / `order by`
        case sort([SortKey])
        /// `limit n`
        case limit(Int64)
        /// `top n by expr [asc|desc] [per key, ...]`
        case top(n: Int64, by: SortKey, per: [Expr])
        /// `select expr [as name], ...`
        case select([NamedExpr])
        /// `distinct`
        case distinct
        /// `[left] join table [as alias] on key, ...`
        case join(table: Identifier, alias: Identifier?, keys: [JoinKey], left: Bool)
        /// `semi join table [as alias] on key, ...` (rows with a match, once each) or
        /// `anti join ...` (rows with none); only the left side's columns remain.
        case semiJoin(table: Identifier, alias: Identifier?, keys: [JoinKey], anti: Bool)
        /// `union (query)`: the rows of another query appended, columns matched by name.
        indirect case union(Query)
        /// `unnest split(text, sep) [as name]`: one row per part of the text.
        case unnest(Expr, alias: Identifier?)
    }
    public var kind: Kind
    public var span: SourceSpan
}

/// Binary operators, in the precedence the parser gives them (lowest first):
/// `or`; `and`; (`not` prefix); comparisons and `in`/`between`/`is`/text matching;
/// `+ -`; `* / // %`; unary minus.
public enum BinaryOp: String, Sendable {
    case or, and
    case eq = "=", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">="
    case add = "+", sub = "-", mul = "*", div = "/", intDiv = "//", mod = "%"
    /// `||`: text concatenation (null if either side is null).
    case concat = "||"
}

public enum UnaryOp: String, Sendable {
    case not, negate = "-"
}

/// Text predicates written as infix words.
public enum TextMatchOp: String, Sendable {
    case contains
    case startsWith = "starts with"
    case endsWith = "ends with"
    case like
    case matches
}

/// A literal as written.
public enum Literal: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    /// Decimal literals are kept as written and read as Double.
    case double(Double)
    case string(String)
    /// `date "2009-03-31"`, already checked to be a real date; days since 1970-01-01.
    case date(Int32)
}

/// An expression node with the span of its source text.
public struct Expr: Sendable {
    public indirect enum Kind: Sendable {
        case literal(Literal)
        /// A bare or qualified name: `status`, `indicators.theme`, `` `Lead officer` ``.
        /// A bare name that is not a column may still be an enum value (`red`): the binder decides.
        case name(qualifier: Identifier?, Identifier)
        /// `today`
        case today
        case unary(UnaryOp, Expr)
        case binary(BinaryOp, Expr, Expr)
        /// `f(args)`; `count()` has no args.
        case call(Identifier, [Expr])
        /// `x [not] in (a, b, ...)`
        case inList(Expr, [Expr], negated: Bool)
        /// `x [not] in (query)`: the query must give one column; uncorrelated.
        case inQuery(Expr, Query, negated: Bool)
        /// `x [not] between a and b`
        case between(Expr, Expr, Expr, negated: Bool)
        /// `x is [not] null`
        case isNull(Expr, negated: Bool)
        /// `x [not] contains y`, `starts with`, `ends with`, `like`, `matches`
        case textMatch(TextMatchOp, Expr, Expr, negated: Bool)
        /// `n months` / `n days` (an interval added to or taken from a date).
        case interval(Expr, months: Bool)
        /// `f(args) over (per ... sort by ...)`: a window function (only in `let`).
        case window(Identifier, [Expr], WindowClause)
        /// `case when c then e {when c then e} [else e] end`.
        case caseWhen([WhenClause], else: Expr?)
    }
    public var kind: Kind
    public var span: SourceSpan

    public init(_ kind: Kind, _ span: SourceSpan) {
        self.kind = kind
        self.span = span
    }
}

/// One `when condition then result` of a `case` expression.
public struct WhenClause: Sendable {
    public var condition: Expr
    public var result: Expr

    public init(condition: Expr, result: Expr) {
        self.condition = condition
        self.result = result
    }
}
