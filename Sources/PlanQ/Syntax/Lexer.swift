/// Turns query text into tokens.
///
/// The lexer works on UTF-8 bytes so token spans are byte offsets, as
/// ``SourceSpan`` requires. Whitespace and `--` comments are skipped. Keywords
/// are recognised case-insensitively; contextual words (`date`, `today`,
/// `starts`, `months`...) come out as identifiers and the parser decides what
/// they mean from their neighbours. Integer literals keep their digits as text:
/// only the parser knows whether a `-` in front makes `9223372036854775808` fit.
public enum Lexer {
    /// All tokens of `source`, ending with one `.endOfInput` token.
    /// - Throws: a ``Diagnostic`` (with `source` set) at the first malformed token.
    /// - Complexity: O(n) in the length of the text.
    public static func tokenize(_ source: SourceText) throws -> [Token] {
        var scanner = Scanner(source)
        return try scanner.scanAll()
    }
}

/// The lexer's cursor over the bytes of one text.
private struct Scanner {
    let source: SourceText
    let bytes: [UInt8]
    var pos = 0

    init(_ source: SourceText) {
        self.source = source
        self.bytes = Array(source.text.utf8)
    }

    mutating func scanAll() throws -> [Token] {
        var tokens: [Token] = []
        while true {
            skipTrivia()
            if pos >= bytes.count { break }
            tokens.append(try scanToken())
        }
        tokens.append(Token(kind: .endOfInput, lexeme: "", span: SourceSpan(bytes.count, bytes.count)))
        return tokens
    }

    // MARK: - Bytes

    func byte(_ offset: Int = 0) -> UInt8? {
        let i = pos + offset
        return i < bytes.count ? bytes[i] : nil
    }

    func text(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The Unicode scalar starting at byte `i`, and how many bytes it takes.
    /// Malformed UTF-8 cannot occur (the text came from a Swift String).
    func scalar(at i: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[i]
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        let end = min(i + length, bytes.count)
        let s = text(i, end).unicodeScalars
        return (s.first ?? "\u{FFFD}", end - i)
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    static func isAsciiLetter(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "_")
    }

    /// Identifiers allow Unicode letters and digits so names like `café` work,
    /// but not other symbols (a stray `“` must be reported, not swallowed).
    func identifierCharLength(at i: Int, first: Bool) -> Int? {
        guard i < bytes.count else { return nil }
        let b = bytes[i]
        if Scanner.isAsciiLetter(b) || (!first && Scanner.isDigit(b)) { return 1 }
        guard b >= 0x80 else { return nil }
        let (s, n) = scalar(at: i)
        let p = s.properties
        return p.isAlphabetic || (!first && p.numericType != nil) ? n : nil
    }

    // MARK: - Tokens

    mutating func skipTrivia() {
        while let b = byte() {
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
                pos += 1
            } else if b == UInt8(ascii: "-") && byte(1) == UInt8(ascii: "-") {
                while let c = byte(), c != 0x0A { pos += 1 }
            } else {
                return
            }
        }
    }

    mutating func scanToken() throws -> Token {
        let start = pos
        let b = bytes[pos]
        if identifierCharLength(at: pos, first: true) != nil { return scanWord() }
        if Scanner.isDigit(b) { return scanNumber() }
        switch b {
        case UInt8(ascii: "\""), UInt8(ascii: "'"): return try scanString()
        case UInt8(ascii: "`"): return try scanQuotedIdentifier()
        default: break
        }
        if let (kind, length) = symbol(b) {
            pos += length
            return Token(kind: kind, lexeme: text(start, pos), span: SourceSpan(start, pos))
        }
        let (s, n) = scalar(at: pos)
        let help = b == UInt8(ascii: "!") ? "write 'not' to negate, or '!=' for not-equal"
            : b == UInt8(ascii: "|") ? "write '||' to join text, or 'or' for either condition"
            : b == UInt8(ascii: "&") ? "write 'and' for both conditions" : nil
        throw Diagnostic("unexpected character '\(Character(s))'", at: SourceSpan(start, start + n),
                         in: source, help: help)
    }

    /// Punctuation and operators: the kind and byte length of the one at `pos`.
    func symbol(_ b: UInt8) -> (TokenKind, Int)? {
        let next = byte(1)
        switch b {
        case UInt8(ascii: "("): return (.leftParen, 1)
        case UInt8(ascii: ")"): return (.rightParen, 1)
        case UInt8(ascii: ","): return (.comma, 1)
        case UInt8(ascii: "."): return (.dot, 1)
        case UInt8(ascii: ";"): return (.semicolon, 1)
        case UInt8(ascii: "+"): return (.plus, 1)
        case UInt8(ascii: "-"): return (.minus, 1)
        case UInt8(ascii: "*"): return (.star, 1)
        case UInt8(ascii: "%"): return (.percent, 1)
        case UInt8(ascii: "/"): return next == UInt8(ascii: "/") ? (.slashSlash, 2) : (.slash, 1)
        case UInt8(ascii: "="): return next == UInt8(ascii: "=") ? (.equal, 2) : (.equal, 1)
        case UInt8(ascii: "!"): return next == UInt8(ascii: "=") ? (.notEqual, 2) : nil
        case UInt8(ascii: "<"):
            if next == UInt8(ascii: "=") { return (.lessEqual, 2) }
            return next == UInt8(ascii: ">") ? (.notEqual, 2) : (.less, 1)
        case UInt8(ascii: ">"): return next == UInt8(ascii: "=") ? (.greaterEqual, 2) : (.greater, 1)
        case UInt8(ascii: "|"): return next == UInt8(ascii: "|") ? (.pipePipe, 2) : nil
        default: return nil
        }
    }

    /// A bare word: a keyword when reserved, otherwise an identifier.
    mutating func scanWord() -> Token {
        let start = pos
        var first = true
        while let n = identifierCharLength(at: pos, first: first) {
            pos += n
            first = false
        }
        let word = text(start, pos)
        let kind: TokenKind = Keyword.lookup(word).map { .keyword($0) } ?? .identifier
        return Token(kind: kind, lexeme: word, span: SourceSpan(start, pos))
    }

    /// `123`, `1.5`, `2.5e3`, `1e-3`. A `.` only belongs to the number when a digit
    /// follows, and `e` only when an exponent follows, so `1.x` and `3e` lex apart.
    mutating func scanNumber() -> Token {
        let start = pos
        var isDecimal = false
        skipDigits()
        if byte() == UInt8(ascii: "."), let d = byte(1), Scanner.isDigit(d) {
            isDecimal = true
            pos += 1
            skipDigits()
        }
        if let e = byte(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            let signed = byte(1) == UInt8(ascii: "+") || byte(1) == UInt8(ascii: "-")
            if let d = byte(signed ? 2 : 1), Scanner.isDigit(d) {
                isDecimal = true
                pos += signed ? 2 : 1
                skipDigits()
            }
        }
        return Token(kind: isDecimal ? .decimal : .integer, lexeme: text(start, pos), span: SourceSpan(start, pos))
    }

    mutating func skipDigits() {
        while let d = byte(), Scanner.isDigit(d) { pos += 1 }
    }

    /// A string in `"` or `'`. A doubled quote stands for itself; backslash escapes
    /// `\\ \" \' \n \t` are also accepted. Errors point at the opening quote.
    mutating func scanString() throws -> Token {
        let start = pos
        let quote = bytes[pos]
        pos += 1
        var value: [UInt8] = []
        while true {
            guard let b = byte() else {
                throw Diagnostic("unterminated string literal", at: SourceSpan(start, start + 1), in: source,
                                 help: "close the string with \(Character(Unicode.Scalar(quote)))")
            }
            if b == quote {
                if byte(1) == quote {
                    value.append(quote)
                    pos += 2
                    continue
                }
                pos += 1
                break
            }
            if b == UInt8(ascii: "\\"), let e = byte(1) {
                value.append(try escape(e))
                pos += 2
                continue
            }
            value.append(b)
            pos += 1
        }
        return Token(kind: .string, lexeme: text(start, pos), value: String(decoding: value, as: UTF8.self),
                     span: SourceSpan(start, pos))
    }

    /// The byte a backslash escape stands for; `pos` is at the backslash.
    func escape(_ e: UInt8) throws -> UInt8 {
        switch e {
        case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "'"): return e
        case UInt8(ascii: "n"): return 0x0A
        case UInt8(ascii: "t"): return 0x09
        default:
            let (s, n) = scalar(at: pos + 1)
            throw Diagnostic("unknown escape sequence '\\\(Character(s))' in string literal",
                             at: SourceSpan(pos, pos + 1 + n), in: source,
                             help: "write '\\\\' for a backslash")
        }
    }

    /// A backtick name; may hold spaces and reserved words. A doubled backtick stands for itself.
    mutating func scanQuotedIdentifier() throws -> Token {
        let start = pos
        pos += 1
        var value: [UInt8] = []
        while true {
            guard let b = byte() else {
                throw Diagnostic("unterminated quoted identifier", at: SourceSpan(start, start + 1), in: source,
                                 help: "close the name with `")
            }
            pos += 1
            if b == UInt8(ascii: "`") {
                if byte() != UInt8(ascii: "`") { break }
                pos += 1
            }
            value.append(b)
        }
        if value.isEmpty {
            throw Diagnostic("empty quoted identifier", at: SourceSpan(start, pos), in: source)
        }
        return Token(kind: .quotedIdentifier, lexeme: text(start, pos), value: String(decoding: value, as: UTF8.self),
                     span: SourceSpan(start, pos))
    }
}
