/// The reserved words of planq, matched case-insensitively by the lexer.
///
/// A reserved word can never be a bare name; a column that collides is written
/// with backticks (`` `order` ``). Words such as `date`, `today`, `starts`,
/// `with`, `months` are *not* here: they are contextual and lex as identifiers,
/// so they stay usable as column names.
public enum Keyword: String, CaseIterable, Sendable {
    // Clause words.
    case `where`, `let`, group, by, aggregate, having, pivot, sort, order, limit, top, per
    case select, distinct, join, left, on, explain
    // Operator and literal words.
    case and, or, not, `in`, between, `is`, null, `true`, `false`, `as`, asc, desc
    case like, matches, contains

    /// The keywords that can begin a clause, offered as "did you mean" suggestions.
    static let clauseStarters: [Keyword] = [
        .where, .let, .group, .aggregate, .having, .pivot, .sort, .order, .limit, .top,
        .select, .distinct, .join, .left,
    ]

    /// Looks a word up case-insensitively; nil when it is not reserved.
    static func lookup(_ word: String) -> Keyword? {
        Keyword(rawValue: word.lowercased())
    }
}
