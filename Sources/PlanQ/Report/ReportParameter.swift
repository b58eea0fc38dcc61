import Foundation

/// A declared report parameter (`param theme: text = "Community Safety"`).
public struct ReportParameter: Sendable {
    /// The kinds of value a parameter may hold; each substitutes as a planq literal.
    public enum Kind: String, Sendable, CaseIterable {
        case text, date, number
    }

    public var name: String
    public var kind: Kind
    public var defaultValue: ReportParameterValue
    /// The declaration's line, for messages.
    public var span: SourceSpan

    /// Reads `raw` (as typed on the command line, unquoted) as a value of this parameter's kind.
    /// Returns nil when it does not fit.
    public func value(parsing raw: String) -> ReportParameterValue? {
        switch kind {
        case .text: return .text(raw)
        case .date: return CivilDate.parse(raw).map { .date($0) }
        case .number:
            guard let d = Double(raw.trimmingCharacters(in: .whitespaces)), d.isFinite else { return nil }
            return .number(d)
        }
    }
}
