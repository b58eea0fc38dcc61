/// The lines a table's rows on one page were cut from, kept while the table is open at the
/// page's end so its rows can be cut again under better column boundaries from the next page.
struct PDFTableSource: Sendable {
    /// The page's lines.
    var lines: [PDFTextLine]
    /// The table's region among them.
    var region: PDFRegion
    /// The page's metrics.
    var metrics: PDFPageMetrics
    /// The 1-based page.
    var page: Int
    /// Where the rows sit in the layout's items.
    var items: Range<Int>
}
