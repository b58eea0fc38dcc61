/// The text predicates the kernels implement (Execution's own, not the parser's).
///
/// `contains`, `starts with`, `ends with` and `like` ignore case; `matches` is a
/// regular expression.
public enum TextMatchKind: String, Sendable, CaseIterable {
    case contains
    case startsWith = "starts with"
    case endsWith = "ends with"
    case like
    case matches
}
