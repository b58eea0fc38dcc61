/// One page of a PDF's text layer: its number and its words, as poppler reports them.
struct PDFPage: Equatable, Sendable {
    /// The 1-based page number.
    var number: Int
    /// The page's width in points.
    var width: Double
    /// The page's height in points.
    var height: Double
    /// The words on the page, in poppler's order (not necessarily reading order).
    var words: [PDFWord]
}
