/// A parsed report file (`reports/*.pqr`): what to run and how to show it.
///
/// A report is plain text an analyst can read and version. ``ReportParser`` reads
/// it; ``ReportRunner`` runs its queries; ``ReportRenderer`` draws the result.
public struct ReportDefinition: Sendable {
    /// The report file's text and name; every span below points into it.
    public var source: SourceText
    public var title: String
    /// The RAG rule the report applies, in words (may use `$param`).
    public var ragRule: String
    public var parameters: [ReportParameter]
    public var sections: [ReportSection]

    /// The parameter called `name`, if declared.
    public func parameter(_ name: String) -> ReportParameter? {
        parameters.first { $0.name == name }
    }
}
