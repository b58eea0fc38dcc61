/// How a section's result is shown (`show: table | bar-chart | rag-matrix`).
public enum ReportDisplay: String, Sendable, CaseIterable {
    /// Rows and columns; RAG columns coloured and labelled.
    case table
    /// Horizontal bars: labels from the text columns, lengths from the last numeric column.
    case barChart = "bar-chart"
    /// A pivot with `red`, `amber`, `green` (and `null`) columns: counts in RAG-coloured
    /// cells, with a stacked bar per row.
    case ragMatrix = "rag-matrix"
}
