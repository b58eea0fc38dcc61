/// A planq query inside a report section, kept as written (with `$param`s).
public struct ReportQuery: Sendable {
    /// Shown above the result when a section has several queries.
    public var caption: String
    /// The query text exactly as in the file.
    public var text: String
    /// Byte offset of `text` in the report file, to map error positions back.
    public var offset: Int
    /// Tables (and their columns) the query needs. When one is missing the section
    /// says so instead of failing, so a report runs on datasets with and without
    /// optional tables such as `status_counts`.
    public var requires: [ReportRequirement]
}
