/// One record of a table as read: the line it starts on and its cells, with continuation rows
/// (a cell that ran over a page) already appended to the cells they continue.
struct SourceRow: Equatable, Sendable {
    /// The 1-based line of the record's first row.
    var line: Int
    /// Raw cell text, tab-separated in the source.
    var cells: [String]
    /// How many source rows were joined into this record.
    var joinedRows = 1

    /// The raw text of cell `i`, or "" past the end.
    subscript(_ i: Int) -> String { i < cells.count ? cells[i] : "" }
}
