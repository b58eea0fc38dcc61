/// An error or warning found by any phase (lexer, parser, binder, executor, loader).
///
/// Phases create diagnostics and throw them; only ``DiagnosticRenderer`` turns
/// them into text, so every message has the same `source:line:col` shape and caret.
public struct Diagnostic: Error, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning, note }

    public var severity: Severity
    public var message: String
    /// Where in `source` the problem is; nil for errors with no position (an I/O failure).
    public var span: SourceSpan?
    /// The text the span points into (a query, or a line of a data file).
    public var source: SourceText?
    public var notes: [String]
    /// A suggestion, rendered as `help: ...`.
    public var help: String?

    public init(_ message: String, at span: SourceSpan? = nil, in source: SourceText? = nil,
                severity: Severity = .error, notes: [String] = [], help: String? = nil) {
        self.severity = severity
        self.message = message
        self.span = span
        self.source = source
        self.notes = notes
        self.help = help
    }

    /// The same diagnostic pointing into `source` (set by the driver, which knows the text).
    public func located(in source: SourceText) -> Diagnostic {
        var d = self
        if d.source == nil { d.source = source }
        return d
    }

    public var description: String { DiagnosticRenderer(color: false).render(self) }
}

/// A named text that spans point into: a query (`<query>`, `<stdin>`, a `.pq` file) or a data file.
public struct SourceText: Sendable {
    public let name: String
    public let text: String
    /// Line number of the text's first line within its file (for a single CSV line quoted in an error).
    public let firstLine: Int
    /// Column offset added to the first line (for text embedded in a larger line).
    public let columnOffset: Int

    public init(name: String, text: String, firstLine: Int = 1, columnOffset: Int = 0) {
        self.name = name
        self.text = text
        self.firstLine = firstLine
        self.columnOffset = columnOffset
    }
}
