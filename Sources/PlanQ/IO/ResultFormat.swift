/// The output formats a query result can be written in (`--format`, `.mode`).
public enum ResultFormat: String, CaseIterable, Sendable {
    /// Aligned columns for a terminal, with a row-count footer.
    case table
    /// RFC 4180 comma-separated values with a header row.
    case csv
    /// Tab-separated values; tabs, newlines and backslashes in values are escaped.
    case tsv
    /// One JSON array of objects.
    case json
    /// One JSON object per line.
    case jsonl
    /// A GitHub-flavoured Markdown table.
    case markdown
    /// An HTML `<table>` fragment, every cell escaped (for reports and web pages).
    case html
}
