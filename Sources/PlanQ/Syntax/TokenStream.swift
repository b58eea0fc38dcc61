/// The parser's cursor over a token list, with the small vocabulary every
/// grammar rule uses: look at the current token, consume it if it matches,
/// demand it or fail with a positioned ``Diagnostic``.
///
/// The list always ends with `.endOfInput`, and the cursor never moves past it,
/// so `current` is always valid.
struct TokenStream {
    /// The text the tokens came from; attached to every diagnostic.
    let source: SourceText
    let tokens: [Token]
    private(set) var index = 0
    /// An upper bound on the depth of the expression being parsed: one per open
    /// `expression` rule plus one per operator folded into its left operand.
    /// Bounded by ``Parser/maxExpressionDepth`` so that the parser, binder and
    /// executor (all recursive over the tree) never run out of stack.
    var depth = 0

    init(source: SourceText, tokens: [Token]) {
        self.source = source
        // A list built by hand (in tests) may lack the end marker; every rule relies on it.
        if let last = tokens.last, last.kind == .endOfInput {
            self.tokens = tokens
        } else {
            let end = source.text.utf8.count
            self.tokens = tokens + [Token(kind: .endOfInput, lexeme: "", span: SourceSpan(end, end))]
        }
    }

    /// The token under the cursor.
    var current: Token { tokens[index] }

    /// The token `n` ahead of the cursor (the end marker if past it).
    func peek(_ n: Int = 1) -> Token { tokens[min(index + n, tokens.count - 1)] }

    /// The last consumed token, if any; error messages say "after" it.
    var previous: Token? { index > 0 ? tokens[index - 1] : nil }

    var isAtEnd: Bool { current.kind == .endOfInput }

    /// Consumes and returns the current token (the end marker is never consumed).
    @discardableResult
    mutating func advance() -> Token {
        let t = current
        if !isAtEnd { index += 1 }
        return t
    }

    /// Goes one level deeper into an expression, or fails at the current token
    /// when the expression is nested more than ``Parser/maxExpressionDepth`` deep.
    mutating func descend() throws {
        depth += 1
        if depth > Parser.maxExpressionDepth {
            throw error("expression nested too deeply (more than \(Parser.maxExpressionDepth) levels)", at: current,
                        help: "split it up with 'let', or use 'in (...)' instead of a long chain of 'or'")
        }
    }

    func check(_ kind: TokenKind) -> Bool { current.kind == kind }

    func check(_ keyword: Keyword) -> Bool { current.kind == .keyword(keyword) }

    /// Whether the current token is the contextual word `word` (an identifier, any case).
    func checkWord(_ word: String) -> Bool { Self.isWord(current, word) }

    static func isWord(_ token: Token, _ word: String) -> Bool {
        token.kind == .identifier && token.lexeme.lowercased() == word
    }

    /// Consumes the current token if it has `kind`.
    mutating func match(_ kind: TokenKind) -> Token? { check(kind) ? advance() : nil }

    mutating func match(_ keyword: Keyword) -> Token? { check(keyword) ? advance() : nil }

    /// Consumes a token of `kind`, or fails with "expected `what` after 'prev', found ...".
    mutating func expect(_ kind: TokenKind, _ what: String) throws -> Token {
        if let t = match(kind) { return t }
        throw expected(what)
    }

    mutating func expect(_ keyword: Keyword) throws -> Token {
        try expect(.keyword(keyword), "'\(keyword.rawValue)'")
    }

    /// "expected X after 'prev', found Y", positioned at the current token.
    func expected(_ what: String, after: String? = nil, help: String? = nil) -> Diagnostic {
        let context = after ?? previous.map { " after '\($0.lexeme)'" } ?? ""
        return error("expected \(what)\(context), found \(current.described)", at: current, help: help)
    }

    /// A diagnostic pointing at `token` in this stream's source.
    func error(_ message: String, at token: Token, help: String? = nil) -> Diagnostic {
        Diagnostic(message, at: token.span, in: source, help: help)
    }
}
