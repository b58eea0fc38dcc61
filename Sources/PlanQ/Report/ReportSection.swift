/// One section of a report: a heading, a sentence of commentary, one or more
/// queries and how to show their results.
public struct ReportSection: Sendable {
    public var heading: String
    public var commentary: String
    public var display: ReportDisplay
    /// Usually one; a second query is shown beside the first (a document's own
    /// tallies beside planq's counts).
    public var queries: [ReportQuery]
    /// The `section:` line.
    public var span: SourceSpan
}
