/// Something a dialect cannot express (or an internal inconsistency); the front end
/// turns it into a positioned ``Diagnostic`` pointing at ``anchor``.
public struct SQLUnsupported: Error, Sendable {
    /// What in the query the message is about, to place the caret.
    public enum Anchor: Sendable {
        case function(String)
        case textOp(TextMatchOp)
        case clause(String)
        case query
    }
    public var message: String
    public var help: String?
    public var anchor: Anchor

    static func internalError(_ s: String) -> SQLUnsupported {
        SQLUnsupported(message: "internal error compiling to SQL: \(s)", help: nil, anchor: .query)
    }
}
