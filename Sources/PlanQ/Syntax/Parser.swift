/// A hand-written recursive-descent parser for planq scripts.
///
/// One static function per grammar rule (see `Grammar/planq.ebnf`), each taking
/// the shared ``TokenStream``; clause rules live in `Parser+Clauses.swift` and the
/// Pratt expression parser in `Parser+Expressions.swift`. The parser stops at the
/// first error, so one typo produces exactly one diagnostic, positioned at the
/// offending token and carrying the source text.
public enum Parser {
    /// The deepest expression accepted (nested parentheses, or operators chained
    /// into one tree). Binding, planning and evaluation recurse over the tree, so
    /// this bound is what keeps 10,000 nested parentheses from overflowing the stack.
    public static let maxExpressionDepth = 128

    /// The most clauses (including joins) one query may have: each becomes an
    /// operator, and operators pull from their input recursively.
    public static let maxClauses = 256

    /// The longest script text accepted, in bytes (1,000,000, as SQLite's
    /// `SQLITE_MAX_SQL_LENGTH`): tokens take several times the text's size, so a
    /// 10 MB query is refused up front instead of being tokenised.
    public static let maxSourceBytes = 1_000_000

    /// Parses a whole script: statements separated by `;`. Empty input (or only
    /// comments and semicolons) gives a script with no statements.
    /// - Throws: a ``Diagnostic`` with `source` and `span` set.
    public static func parse(_ source: SourceText) throws -> Script {
        try checkSize(source)
        var s = TokenStream(source: source, tokens: try Lexer.tokenize(source))
        return try script(&s)
    }

    /// Parses a single expression that must fill the whole text (used by tests and tools).
    /// - Throws: a ``Diagnostic`` with `source` and `span` set.
    public static func parseExpression(_ source: SourceText) throws -> Expr {
        try checkSize(source)
        var s = TokenStream(source: source, tokens: try Lexer.tokenize(source))
        let e = try expression(&s)
        if !s.isAtEnd {
            throw s.error("unexpected \(s.current.described) after the expression", at: s.current)
        }
        return e
    }

    /// Refuses a text longer than ``maxSourceBytes``.
    static func checkSize(_ source: SourceText) throws {
        let n = source.text.utf8.count
        if n > maxSourceBytes {
            throw Diagnostic("the query text is \(ExecutionLimits.describe(bytes: n)) long; the limit is \(maxSourceBytes) bytes",
                             at: SourceSpan(0, 0), in: source, help: "split the script into several files")
        }
    }

    /// script = [ statement ] { ";" [ statement ] } EOF
    static func script(_ s: inout TokenStream) throws -> Script {
        var statements: [Statement] = []
        while !s.isAtEnd {
            if s.match(.semicolon) != nil { continue }
            statements.append(try statement(&s))
            // `query` only stops at `;` or the end, so the separator is already next.
        }
        return Script(statements: statements)
    }

    /// statement = [ "explain" [ 'analyze' ] ] query
    ///
    /// `analyze` is contextual: it means `explain analyze` only when a table name
    /// follows it, so a table called `analyze` can still be explained.
    static func statement(_ s: inout TokenStream) throws -> Statement {
        if let define = try definition(&s) { return define }
        if let explain = s.match(.explain) {
            if s.checkWord("analyze"), [.identifier, .quotedIdentifier].contains(s.peek().kind) {
                s.advance()
                let q = try query(&s)
                return Statement(kind: .explainAnalyze(q), span: explain.span.merged(q.span))
            }
            let q = try query(&s)
            return Statement(kind: .explain(q), span: explain.span.merged(q.span))
        }
        let q = try query(&s)
        return Statement(kind: .query(q), span: q.span)
    }

    /// query = name [ "as" name ] { clause }
    ///
    /// Tracks whether a grouping has been seen, because `where` after `group by`
    /// filters groups (it is a `having`). A `nested` query (in parentheses, after
    /// `union` or `in`) also ends at `)`.
    static func query(_ s: inout TokenStream, nested: Bool = false) throws -> Query {
        let table = try name(&s, "a table name")
        var alias: Identifier?
        if s.match(.as) != nil { alias = try name(&s, "a name for the table") }
        var clauses: [Clause] = []
        var grouped = false
        while !s.isAtEnd && !s.check(.semicolon) && !(nested && s.check(.rightParen)) {
            if clauses.count == Parser.maxClauses {
                throw s.error("query has more than \(Parser.maxClauses) clauses", at: s.current,
                              help: "split it into several statements")
            }
            let c = try clause(&s, grouped: grouped)
            if case .groupBy = c.kind { grouped = true }
            clauses.append(c)
        }
        let span = clauses.last.map { table.span.merged($0.span) } ?? alias.map { table.span.merged($0.span) } ?? table.span
        return Query(table: table, clauses: clauses, span: span, alias: alias)
    }

    /// name = IDENTIFIER | QUOTED_IDENTIFIER
    ///
    /// A reserved word here gets a hint to quote it, since that is the usual cause.
    static func name(_ s: inout TokenStream, _ what: String) throws -> Identifier {
        let t = s.current
        switch t.kind {
        case .identifier:
            s.advance()
            return Identifier(t.value, span: t.span)
        case .quotedIdentifier:
            s.advance()
            return Identifier(t.value, span: t.span, quoted: true)
        case .keyword(.left) where what == "a function name":
            s.advance()
            return Identifier("left", span: t.span)
        case .keyword(let k):
            throw s.expected(what, help: reservedHelp(k))
        default:
            throw s.expected(what)
        }
    }

    /// The help line for a reserved word used where a name was expected.
    static func reservedHelp(_ k: Keyword) -> String {
        "'\(k.rawValue)' is a reserved word; write `\(k.rawValue)` to use it as a name"
    }
}
