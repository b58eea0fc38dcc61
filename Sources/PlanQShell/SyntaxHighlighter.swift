import PlanQ

/// Colours planq input as it is typed, from planq's own lexer: keywords, strings,
/// numbers, bare enum words (`red`, `amber`, ...), comments, and what does not lex,
/// such as a string still open (shown in the error colour to the end of the line, so
/// the analyst sees it before pressing Enter).
///
/// The lexer stops at its first error; the highlighter lexes the text before the
/// error, styles the bad character (or the open string to the end) and goes on
/// after it. Earlier lines of a multi-line input are lexed too, so a string opened
/// on line 1 shows as open on line 2. ``LineReader`` paints the styles over
/// readline's own display (see ``LinePainter``).
struct SyntaxHighlighter {
    /// What a stretch of input is.
    enum Style: Equatable {
        case keyword, string, number, enumWord, comment, error

        /// The SGR parameters of the style.
        var sgr: String {
            switch self {
            case .keyword: return "1;34"
            case .string: return "32"
            case .number: return "36"
            case .enumWord: return "35"
            case .comment: return "2"
            case .error: return "31"
            }
        }
    }

    /// Values of the catalog's enum columns, lowercased: a bare word among them is a value.
    let enumWords: Set<String>

    init(enumWords: Set<String>) { self.enumWords = enumWords }

    /// Collects the enum values of every table in `catalog`.
    init(catalog: Catalog) {
        var words = Set<String>()
        for t in catalog.tableNames.compactMap(catalog.table) {
            for c in t.columns {
                if case .enumeration(let e) = c.type { words.formUnion(e.values.map { $0.lowercased() }) }
            }
        }
        enumWords = words
    }

    /// The style of each UTF-8 byte of `line` (nil: plain), with `pending` (the input's
    /// earlier lines) as context.
    func styles(line: String, pending: String = "") -> [Style?] {
        let text = pending.isEmpty ? line : pending + "\n" + line
        let bytes = Array(text.utf8)
        let lineStart = bytes.count - line.utf8.count
        var out = [Style?](repeating: nil, count: bytes.count)
        func mark(_ r: Range<Int>, _ s: Style) {
            for i in r where i < out.count { out[i] = s }
        }
        var start = 0
        var covered: [Range<Int>] = []
        while start < bytes.count {
            let (tokens, errorAt) = SyntaxHighlighter.lexUntilError(bytes, from: start)
            for t in tokens {
                let r = t.span.start..<t.span.end
                covered.append(r)
                if let s = style(of: t) { mark(r, s) }
            }
            guard let e = errorAt else { break }
            let b = bytes[e]
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: "`") {
                // An open string or quoted name runs to the end of the input.
                mark(e..<bytes.count, .error)
                covered.append(e..<bytes.count)
                break
            }
            let n = SyntaxHighlighter.scalarLength(bytes[e])
            mark(e..<min(bytes.count, e + n), .error)
            covered.append(e..<min(bytes.count, e + n))
            start = e + n
        }
        markComments(bytes, covered: covered, into: &out)
        return Array(out[lineStart...])
    }

    /// `line` with SGR colour sequences around each styled stretch (for tests and `.help`).
    func colored(_ line: String, pending: String = "") -> String {
        let st = styles(line: line, pending: pending)
        var out = "", current: Style?
        var offset = 0
        for u in line.unicodeScalars {
            let s = st[offset]
            if s != current {
                if current != nil { out += "\u{1B}[0m" }
                if let s { out += "\u{1B}[\(s.sgr)m" }
                current = s
            }
            out.unicodeScalars.append(u)
            offset += String(u).utf8.count
        }
        if current != nil { out += "\u{1B}[0m" }
        return out
    }

    private func style(of t: Token) -> Style? {
        switch t.kind {
        case .keyword(.true), .keyword(.false), .keyword(.null): return .number
        case .keyword: return .keyword
        case .string: return .string
        case .integer, .decimal: return .number
        case .identifier: return enumWords.contains(t.value.lowercased()) ? .enumWord : nil
        default: return nil
        }
    }

    /// `--` in the gaps between tokens starts a comment to the end of its line (the
    /// lexer skips comments, so a `--` outside every token is one).
    private func markComments(_ bytes: [UInt8], covered: [Range<Int>], into out: inout [Style?]) {
        var inToken = [Bool](repeating: false, count: bytes.count)
        for r in covered { for i in r where i < bytes.count { inToken[i] = true } }
        var i = 0
        while i + 1 < bytes.count {
            if !inToken[i] && bytes[i] == UInt8(ascii: "-") && bytes[i + 1] == UInt8(ascii: "-") {
                while i < bytes.count && bytes[i] != 0x0A { out[i] = .comment; i += 1 }
            }
            i += 1
        }
    }

    /// The tokens of `bytes[start...]` up to the first lexing error, and where that error is.
    static func lexUntilError(_ bytes: [UInt8], from start: Int) -> ([Token], Int?) {
        var end = bytes.count
        var errorAt: Int?
        while true {
            let text = String(decoding: bytes[start..<end], as: UTF8.self)
            do {
                let tokens = try Lexer.tokenize(SourceText(name: "<input>", text: text)).filter { $0.kind != .endOfInput }
                let shifted = tokens.map { t -> Token in
                    var t = t
                    t.span = SourceSpan(t.span.start + start, t.span.end + start)
                    return t
                }
                return (shifted, errorAt)
            } catch let d as Diagnostic {
                // Lex again up to the error; the text before a bad token lexes the same.
                guard let span = d.span, start + span.start < end else { return ([], errorAt ?? start) }
                errorAt = start + span.start
                end = start + span.start
            } catch {
                return ([], start)
            }
        }
    }

    /// Bytes in the UTF-8 sequence a lead byte starts.
    static func scalarLength(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }
}
