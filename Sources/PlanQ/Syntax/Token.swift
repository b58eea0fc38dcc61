/// The kind of a lexical token. Payload-free so the parser can compare kinds cheaply;
/// the text lives on ``Token``.
public enum TokenKind: Equatable, Sendable {
    /// A bare word that is not reserved (it may still be contextual: `date`, `today`, `starts`).
    case identifier
    /// A backtick-quoted name such as `` `Lead officer` ``.
    case quotedIdentifier
    /// A reserved word.
    case keyword(Keyword)
    /// Digits only; converted to Int64 by the parser so that `-9223372036854775808` can fold.
    case integer
    /// Digits with a fraction and/or exponent (`1.5`, `2.5e3`).
    case decimal
    /// A single- or double-quoted string.
    case string
    case leftParen, rightParen, comma, dot, semicolon
    /// `=` or `==`.
    case equal
    /// `!=` or `<>`.
    case notEqual
    case less, lessEqual, greater, greaterEqual
    case plus, minus, star, slash, slashSlash, percent
    /// `||`, text concatenation.
    case pipePipe
    /// Always the last token; its span is the empty span at the end of the text.
    case endOfInput
}

/// One token with where it was written.
public struct Token: Equatable, Sendable {
    public var kind: TokenKind
    /// The source text exactly as written (quotes included for strings).
    public var lexeme: String
    /// For strings and quoted identifiers the decoded contents; otherwise the lexeme.
    public var value: String
    /// UTF-8 byte offsets of the lexeme.
    public var span: SourceSpan

    public init(kind: TokenKind, lexeme: String, value: String? = nil, span: SourceSpan) {
        self.kind = kind
        self.lexeme = lexeme
        self.value = value ?? lexeme
        self.span = span
    }

    /// How error messages name this token: `'foo'`, `"a string"`, or `end of input`.
    var described: String {
        switch kind {
        case .endOfInput: return "end of input"
        case .string: return Token.shorten(lexeme)
        default: return "'\(Token.shorten(lexeme))'"
        }
    }

    /// Keeps messages on one readable line when a token is very long.
    private static func shorten(_ s: String) -> String {
        s.count <= 40 ? s : String(s.prefix(37)) + "..."
    }
}
