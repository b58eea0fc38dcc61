/// One block of a document, in reading order.
enum DocumentBlock: Sendable {
    /// A line of text outside any table, cleaned (headings, paragraphs, list items).
    case text(line: Int, text: String)
    /// A table with a recognised header.
    case table(DocumentTable)
    /// Tab-separated rows outside any recognised table (no header row the mapper knows).
    case loose(line: Int, rows: [SourceRow])
}
