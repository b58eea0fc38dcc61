/// One line of a PDF's rebuilt reading order: a paragraph or heading, or a table row.
struct PDFLayoutItem: Equatable, Sendable {
    /// Prose text, or nil for a row.
    var text: String?
    /// A table row's cells, or nil for prose.
    var cells: [String]?
    /// The 1-based page.
    var page: Int
    /// The 1-based line on the page where the item starts.
    var line: Int
    /// For a row: the table it belongs to (numbered across the document), so a table that goes
    /// on over a page break can be told from a new one.
    var table: Int? = nil
    /// For a row: whether it is the table's header (the rows above its first data row).
    var header = false
}
