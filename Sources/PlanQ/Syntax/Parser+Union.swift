/// The rules that combine queries: named results (`table red = ...`), `union (query)`,
/// `semi join` / `anti join`, `unnest`, and subqueries after `in`.
///
/// Their words (`table`, `union`, `semi`, `anti`, `unnest`) are contextual: ordinary
/// identifiers everywhere except where this file looks for them, so tables and
/// columns with those names keep working.
extension Parser {
    /// The contextual words that start a clause, offered as "did you mean" suggestions.
    static let contextualClauseWords = ["union", "unnest", "semi", "anti"]

    /// definition = 'table' name "=" query
    ///
    /// Only when `table`, a name and `=` follow one another; otherwise nil and nothing
    /// is consumed (so a table called `table` can still be queried).
    static func definition(_ s: inout TokenStream) throws -> Statement? {
        guard s.checkWord("table"), [.identifier, .quotedIdentifier].contains(s.peek().kind),
              s.peek(2).kind == .equal else { return nil }
        let start = s.advance()
        let name = try name(&s, "a name for the table")
        s.advance()
        if s.isAtEnd || s.check(.semicolon) {
            throw s.expected("a query", help: "for example: table red = indicators where status = red")
        }
        let q = try query(&s)
        return Statement(kind: .define(name, q), span: start.span.merged(q.span))
    }

    /// The clauses that start with a contextual word, or nil (consuming nothing):
    /// union_clause | unnest_clause | ( 'semi' | 'anti' ) join_tail.
    static func contextualClause(_ s: inout TokenStream) throws -> Clause? {
        let t = s.current
        guard t.kind == .identifier else { return nil }
        switch t.lexeme.lowercased() {
        case "union":
            return try unionClause(&s)
        case "unnest":
            return try unnestClause(&s)
        case "semi", "anti":
            guard s.peek().kind == .keyword(.join) else {
                s.advance()
                throw s.expected("'join'", help: "'\(t.lexeme.lowercased())' starts '\(t.lexeme.lowercased()) join TABLE on KEY'")
            }
            s.advance()
            s.advance()
            let (table, alias, keys, end) = try joinTail(&s)
            return Clause(kind: .semiJoin(table: table, alias: alias, keys: keys, anti: t.lexeme.lowercased() == "anti"),
                          span: t.span.merged(end))
        default:
            return nil
        }
    }

    /// union_clause = 'union' "(" query ")"
    static func unionClause(_ s: inout TokenStream) throws -> Clause {
        let start = s.advance()
        if !s.check(.leftParen) {
            throw s.expected("'('", help: "the other query goes in parentheses: union (risks where status = red)")
        }
        let (q, close) = try parenthesizedQuery(&s)
        return Clause(kind: .union(q), span: start.span.merged(close.span))
    }

    /// "(" query ")": returns the query and the closing parenthesis.
    static func parenthesizedQuery(_ s: inout TokenStream) throws -> (Query, Token) {
        let open = try s.expect(.leftParen, "'('")
        try s.descend()
        defer { s.depth -= 1 }
        let q = try query(&s, nested: true)
        let close = try closingParen(&s, open: open)
        return (q, close)
    }

    /// unnest_clause = 'unnest' expression [ "as" name ]
    ///
    /// The expression must be a `split(text, separator)` call; the binder says so if not.
    static func unnestClause(_ s: inout TokenStream) throws -> Clause {
        let start = s.advance()
        let e = try expression(&s)
        var alias: Identifier?
        if s.match(.as) != nil { alias = try name(&s, "a name for the parts") }
        let end = alias?.span ?? e.span
        return Clause(kind: .unnest(e, alias: alias), span: start.span.merged(end))
    }

    /// Whether the `(` after `in` opens a query rather than a list of values: a name
    /// followed by something no value list can hold there (a clause word, `as`).
    /// `x in (table)` alone parses as a list; the binder reads a lone name that is a
    /// table and not a column as a query.
    static func startsSubquery(_ s: TokenStream) -> Bool {
        guard s.check(.leftParen), [.identifier, .quotedIdentifier].contains(s.peek().kind) else { return false }
        let after = s.peek(2)
        switch after.kind {
        case .keyword(let k): return Keyword.clauseStarters.contains(k) || k == .as
        case .identifier:
            let w = after.lexeme.lowercased()
            return (w == "union" && s.peek(3).kind == .leftParen) || w == "unnest"
                || ((w == "semi" || w == "anti") && s.peek(3).kind == .keyword(.join))
        default: return false
        }
    }

    /// `x [not] in (query)`, the cursor at `(`.
    static func inQuery(_ s: inout TokenStream, _ left: Expr, negated: Bool) throws -> Expr {
        let (q, close) = try parenthesizedQuery(&s)
        return Expr(.inQuery(left, q, negated: negated), left.span.merged(close.span))
    }
}
