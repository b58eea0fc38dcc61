import Foundation
import PlanQ

/// Context-aware tab completion for the shell, independent of readline so it can be tested.
///
/// The text before the word being completed is lexed with planq's lexer and the last
/// token decides what can come next:
/// - nothing yet, `explain`, `join` → table names
/// - `where`, `by`, `select`, `let`, `on`, `and`, an operator, `(`, `,` → the columns
///   of the tables named so far (the first table and every joined one)
/// - `status =`, `theme = "`, `status in (red, ` → the values of that column when it
///   is an enum, a bool, or a text column with few distinct values
/// - a name or a literal → the keywords that can follow (clause starters, `and`, ...)
/// - a leading `.` → meta commands, then their arguments (`.schema` and `.export` → tables,
///   `.mode` → formats, `.help` → topics, file names after `.ingest`, `.report`, ...)
public struct Completer {
    /// A text column with at most this many distinct values offers them as completions.
    public static let valueLimit = 200

    public let catalog: Catalog

    public init(catalog: Catalog) { self.catalog = catalog }

    /// The candidates for `word`.
    /// - Parameters:
    ///   - before: the whole pending input before the word (earlier lines included).
    ///   - word: the partial word under the cursor (without an opening quote).
    ///   - quoted: the word is inside an open string, after `before`'s last character, the quote.
    /// - Returns: matching candidates in a useful order, or nil when file names fit
    ///   better (the argument of `.read`, `.load`, `.output`, `.once`, `.ingest`,
    ///   `.report`, and the second of `.export`).
    public func complete(before: String, word: String, quoted: Bool) -> [String]? {
        let lead = before.drop(while: \.isWhitespace)
        if lead.isEmpty && !quoted && word.hasPrefix(".") { return filter(MetaCommand.names, word) }
        if lead.hasPrefix(".") { return metaArgument(String(lead), word) }
        var text = before
        if quoted, !text.isEmpty { text.removeLast() }
        guard let tokens = Completer.lastStatementTokens(text) else { return [] }
        return filter(candidates(tokens, word: word, quoted: quoted), word)
    }

    // MARK: - Contexts

    private func candidates(_ tokens: [Token], word: String, quoted: Bool) -> [String] {
        let tables = Completer.tablesNamed(in: tokens).compactMap(catalog.table)
        if !quoted, Completer.opensQuery(tokens) { return catalog.tableNames }
        if let value = valueContext(tokens) {
            return values(of: value, in: tables, quoted: quoted)
        }
        if quoted { return [] }
        guard let prev = tokens.last else { return catalog.tableNames + ["explain", "table"] }
        if let dot = word.firstIndex(of: "."), let t = catalog.table(String(word[..<dot])) {
            return t.columns.map { "\(t.name).\(Completer.spelled($0.name))" }
        }
        // `over (`: a window's partition or order comes next (never `order` alone).
        if prev.kind == .leftParen, tokens.count >= 2, tokens[tokens.count - 2].kind == .identifier,
           tokens[tokens.count - 2].value.lowercased() == "over" {
            return ["per", "sort by"]
        }
        switch prev.kind {
        case .keyword(.explain), .keyword(.join): return catalog.tableNames
        case .keyword(.left): return ["join"]
        case .keyword(.group), .keyword(.sort), .keyword(.order): return ["by"]
        case .keyword(.limit), .keyword(.top): return []
        case .keyword(.aggregate), .keyword(.having): return Completer.aggregates + columns(of: tables)
        case .keyword(.is): return ["null", "not null"]
        case .identifier, .quotedIdentifier, .integer, .decimal, .string, .rightParen,
             .keyword(.null), .keyword(.true), .keyword(.false), .keyword(.asc), .keyword(.desc), .keyword(.distinct):
            if Completer.endsTableName(tokens) { return Completer.clauseStarters }
            return Completer.clauseStarters + Completer.expressionWords
        default:
            return columns(of: tables) + Completer.namesDefined(in: tokens)
        }
    }

    /// The column whose values fit here: the operand of a trailing `=`-like operator,
    /// or of an open `in (` list.
    private func valueContext(_ tokens: [Token]) -> String? {
        guard let last = tokens.last else { return nil }
        let n = tokens.count
        switch last.kind {
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual:
            return n >= 2 ? Completer.columnName(tokens[n - 2]) : nil
        case .leftParen, .comma:
            // Walk back over the list to `in (`.
            var i = n - 1
            while i > 0 {
                if tokens[i].kind == .leftParen {
                    guard i >= 2, tokens[i - 1].kind == .keyword(.in) else { return nil }
                    var j = i - 2
                    if tokens[j].kind == .keyword(.not), j > 0 { j -= 1 }
                    return Completer.columnName(tokens[j])
                }
                if tokens[i].kind == .rightParen { return nil }
                i -= 1
            }
            return nil
        default:
            return nil
        }
    }

    private func columns(of tables: [Table]) -> [String] {
        var seen = Set<String>(), out: [String] = []
        for t in tables {
            for c in t.columns where seen.insert(c.name.lowercased()).inserted {
                out.append(Completer.spelled(c.name))
            }
        }
        return out
    }

    /// The values of column `name` (first table that has it), spelled for where they go.
    private func values(of name: String, in tables: [Table], quoted: Bool) -> [String] {
        guard let column = tables.lazy.compactMap({ $0.column(name) }).first else { return [] }
        let raw: [String]
        switch column.vector.data {
        case .enumeration(_, let e): raw = e.values
        case .bool: raw = ["true", "false"]
        case .text(_, let d) where d.count <= Completer.valueLimit:
            raw = d.strings.filter { !$0.isEmpty }.sorted()
        default: return []
        }
        if quoted { return raw }
        // Enum and bool values are written bare; text values as strings, since a bare
        // word could also be read as a column name.
        if case .text = column.vector.data { return raw.map(Completer.stringLiteral) }
        return raw
    }

    private func metaArgument(_ line: String, _ word: String) -> [String]? {
        let parts = line.split(whereSeparator: \.isWhitespace)
        guard let command = parts.first.map(String.init)?.lowercased() else { return [] }
        let position = parts.count  // 1: the first argument
        switch (command, position) {
        case (".load", 2): return filter(["as"], word)
        // Every argument of .ingest and .report is a file (report parameters are typed out).
        case (".ingest", _), (".report", _): return nil
        case (".export", 1): return filter(catalog.tableNames, word)
        case (".export", 2): return nil
        case (_, 1): break
        default: return []
        }
        switch command {
        case ".schema": return filter(catalog.tableNames, word)
        case ".mode": return filter(MetaCommand.modes, word)
        case ".timer", ".pager", ".highlight": return filter(["on", "off"], word)
        case ".expanded": return filter(ExpandedMode.allCases.map(\.rawValue), word)
        case ".help": return filter(LanguageHelp.topics.filter(\.clause).map { $0.names[0] } + ["functions", "clauses"]
                                    + LanguageHelp.functions.map(\.name), word)
        case ".read", ".load", ".output", ".once": return nil
        default: return []
        }
    }

    private func filter(_ candidates: [String], _ word: String) -> [String] {
        let w = word.lowercased()
        var seen = Set<String>()
        return candidates.filter { c in
            let l = c.lowercased()
            let bare = l.hasPrefix("\"") || l.hasPrefix("`") ? String(l.dropFirst()) : l
            return (l.hasPrefix(w) || bare.hasPrefix(w)) && seen.insert(c).inserted
        }
    }

    // MARK: - Token helpers

    /// Tokens of the statement being typed (after the last `;`), without the end marker.
    /// Nil when the text does not lex (then nothing sensible can be offered).
    static func lastStatementTokens(_ text: String) -> [Token]? {
        guard let all = try? Lexer.tokenize(SourceText(name: "<input>", text: text)) else { return nil }
        var tokens: [Token] = []
        for t in all where t.kind != .endOfInput {
            if t.kind == .semicolon { tokens = [] } else { tokens.append(t) }
        }
        return tokens
    }

    /// The statement's table and every table after `join`, `union (` or `in (`, and
    /// the query's table in `table NAME = query`, in order.
    static func tablesNamed(in tokens: [Token]) -> [String] {
        var names: [String] = []
        for (i, t) in tokens.enumerated() where t.kind == .identifier || t.kind == .quotedIdentifier {
            let prev = i > 0 ? tokens[i - 1].kind : nil
            let defined = i == 3 && tokens[2].kind == .equal && Completer.isWord(tokens[0], "table")
            if defined || i == 0 || prev == .keyword(.explain) && i == 1 || prev == .keyword(.join)
                || opensQuery(Array(tokens[..<i])) {
                names.append(t.value)
            }
        }
        return names
    }

    /// Whether `t` is the contextual word `word` (an identifier, any case).
    static func isWord(_ t: Token, _ word: String) -> Bool {
        t.kind == .identifier && t.lexeme.lowercased() == word
    }

    /// True when the tokens end with `union (` or `in (` (a query may start there), or
    /// with `table NAME =`.
    static func opensQuery(_ tokens: [Token]) -> Bool {
        let n = tokens.count
        if n == 3, tokens[2].kind == .equal, Completer.isWord(tokens[0], "table") { return true }
        guard n >= 2, tokens[n - 1].kind == .leftParen else { return false }
        return Completer.isWord(tokens[n - 2], "union")
    }

    /// Names the statement itself defines, usable in later clauses: `let gap = ...`
    /// (and `, other = ...` in the same `let`) and `... as name`.
    static func namesDefined(in tokens: [Token]) -> [String] {
        var names: [String] = []
        var inLet = false
        for (i, t) in tokens.enumerated() {
            if case .keyword(let k) = t.kind { inLet = k == .let ? true : (Completer.endsLet.contains(k) ? false : inLet) }
            guard t.kind == .identifier || t.kind == .quotedIdentifier, i > 0 else { continue }
            let prev = tokens[i - 1].kind
            let defines = prev == .keyword(.as)
                || (inLet && (prev == .keyword(.let) || prev == .comma) && i + 1 < tokens.count && tokens[i + 1].kind == .equal)
            if defines { names.append(spelled(t.value)) }
        }
        return names
    }

    /// True when the last token is the statement's table or a joined table.
    static func endsTableName(_ tokens: [Token]) -> Bool {
        let n = tokens.count
        guard n >= 1, tokens[n - 1].kind == .identifier || tokens[n - 1].kind == .quotedIdentifier else { return false }
        return n == 1 || tokens[n - 2].kind == .keyword(.join) || (n == 2 && tokens[0].kind == .keyword(.explain))
    }

    /// The column a token names (`status`, `` `Lead officer` ``, the `status` of `indicators.status`).
    static func columnName(_ t: Token) -> String? {
        t.kind == .identifier || t.kind == .quotedIdentifier ? t.value : nil
    }

    /// A name as it must be typed: backticks when it is not a plain word.
    static func spelled(_ name: String) -> String {
        isBareWord(name) ? name : "`\(name)`"
    }

    /// Letters, digits and `_`, not starting with a digit, and not reserved.
    static func isBareWord(_ s: String) -> Bool {
        guard let f = s.unicodeScalars.first, f.properties.isAlphabetic || f == "_" else { return false }
        return s.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_" }
            && Keyword(rawValue: s.lowercased()) == nil
    }

    /// `"text"` with inner double quotes doubled.
    static func stringLiteral(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Keywords that start a clause after a `let` list.
    static let endsLet: Set<Keyword> = [
        .where, .group, .aggregate, .having, .pivot, .sort, .order, .limit, .top, .select, .distinct, .join, .left,
    ]

    static let clauseStarters = [
        "where", "let", "group by", "aggregate", "having", "pivot", "sort by", "order by",
        "limit", "top", "select", "distinct", "join", "left join", "semi join", "anti join", "union (", "unnest split(",
    ]

    static let expressionWords = [
        "and", "or", "not", "in", "between", "is", "like", "matches", "contains",
        "starts with", "ends with", "as", "asc", "desc",
    ]

    static let aggregates = [
        "count()", "count(", "count_distinct(", "sum(", "avg(", "min(", "max(", "median(",
        "percentile(", "stddev(", "corr(", "share()", "count_if(", "sum_if(", "avg_if(", "string_agg(",
    ]
}
