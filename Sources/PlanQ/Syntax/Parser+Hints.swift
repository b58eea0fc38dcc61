/// Messages for the common slips that end a clause early: an unquoted value with
/// a space in it, and SQL's `descending`/`ascending` for `desc`/`asc`.
extension Parser {
    /// A diagnostic for a word where a clause should start, when a common cause
    /// explains it better than "unknown clause"; nil otherwise.
    static func clauseSlip(_ s: TokenStream) -> Diagnostic? {
        let t = s.current
        guard t.kind == .identifier else { return nil }
        let word = t.lexeme.lowercased()
        if word == "descending" || word == "ascending" {
            let short = word == "descending" ? "desc" : "asc"
            return s.error("unknown clause '\(t.lexeme)'", at: t,
                           help: "write '\(short)' after a sort key, for example: sort by x \(short)")
        }
        // `owner = Brian Neale`: a bare word compared, then more bare words.
        let i = s.index
        let comparisons: [TokenKind] = [.equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual]
        guard i >= 3, s.tokens[i - 1].kind == .identifier, comparisons.contains(s.tokens[i - 2].kind) else { return nil }
        var j = i
        while j < s.tokens.count, s.tokens[j].kind == .identifier { j += 1 }
        let value = s.tokens[(i - 1)..<j].map(\.lexeme).joined(separator: " ")
        let column = s.tokens[i - 3].lexeme
        return s.error("unknown clause '\(t.lexeme)'", at: t,
                       help: "if '\(value)' is one value, quote it: \(column) \(s.tokens[i - 2].lexeme) \"\(value)\"")
    }
}
