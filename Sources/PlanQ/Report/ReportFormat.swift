/// The document formats `planq report` writes.
public enum ReportFormat: String, CaseIterable, Sendable {
    case html, markdown

    /// The usual file extension.
    public var fileExtension: String { self == .html ? "html" : "md" }
}
