/// A table found in a document: its header columns and records.
///
/// A header row that repeats after a page break does not start a new table: its rows go on in
/// this one, so a record whose cell continued past the break stays one record.
struct DocumentTable: Sendable {
    /// The line of the header row.
    var line: Int
    /// The header cells as written.
    var headerCells: [String]
    /// The recognised column of each header cell (nil for an empty or unknown cell).
    var columns: [HeaderColumn?]
    /// The records, in order.
    var rows: [SourceRow] = []
    /// How many times the header was repeated (page breaks).
    var repeats = 0
    /// Whether this table carries on an earlier one's header after a heading split it.
    var continued = false

    /// The index of the first column with `role`, or nil.
    func index(of role: HeaderRole) -> Int? { columns.firstIndex { $0?.role == role } }

    /// The indexes of every column with `role`.
    func indexes(of role: HeaderRole) -> [Int] { columns.indices.filter { columns[$0]?.role == role } }

    /// Whether any column has `role`.
    func has(_ role: HeaderRole) -> Bool { index(of: role) != nil }
}
