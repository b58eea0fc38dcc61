/// Warnings for quoted values a text column never holds.
///
/// A bare word compared with a column (`status = rde`) is an error with a
/// did-you-mean, because it can only mean one of the column's values. A quoted value
/// (`theme = "community safety"`) is a legal string, so the query runs, but a value
/// the column does not hold can only match nothing: the binder warns, naming the
/// closest stored value. The column's dictionary is its set of distinct values, so
/// the check costs one lookup.
extension Binder {
    /// Most stored values searched by edit distance for a did-you-mean (a free-text
    /// column can hold hundreds of thousands; a case-insensitive match is always tried).
    static let maxSuggestionCandidates = 2_000

    /// Warns when `expr` is a quoted text literal, bound as `operand`, compared with a
    /// text column (`other`) whose values never include it. The empty string is
    /// exempt: data files load it as null, and reports use `$param = ""` for "all".
    mutating func checkLiteral(_ expr: Expr, _ operand: BoundExpr, against other: BoundExpr, _ scope: Scope) {
        guard case .literal(.string(let s)) = expr.kind, !s.isEmpty, case .constant(.text, _) = operand, other.type == .text,
              let col = sourceColumn(other, scope), let dict = col.dictionary, dict.code(of: s) == nil else { return }
        var message = "no \(col.name) is \(Binder.quoted(s))"
        if let hint = Binder.closest(s, in: dict) { message += "; did you mean \(Binder.quoted(hint))?" }
        warnings.append(Diagnostic(message, at: expr.span, in: source, severity: .warning,
                                   help: dict.count == 0 ? "\(col.name) holds no values" : nil))
    }

    /// `s` as a double-quoted planq string literal (backslash and quote escaped), as the user would write it.
    static func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// The stored value closest to `word`: equal ignoring case first, then by edit distance.
    static func closest(_ word: String, in dict: StringDictionary) -> String? {
        let l = word.lowercased()
        if let s = dict.strings.first(where: { $0.lowercased() == l }) { return s }
        guard dict.count <= maxSuggestionCandidates else { return nil }
        return EditDistance.suggest(word, among: Array(dict.strings))
    }
}
