/// Where a line of a document came from, in the terms its format has: a page and line for PDF
/// and text, a sheet and cell for spreadsheets, a line for HTML.
struct SourceOrigin: Equatable, Sendable {
    /// The 1-based page (PDF), or nil.
    var page: Int? = nil
    /// The 1-based line (text, HTML; the line on its page for PDF), or nil.
    var line: Int? = nil
    /// The sheet's name (spreadsheets), or nil.
    var sheet: String? = nil
    /// The first cell of the row, as `B14` (spreadsheets), or nil.
    var cell: String? = nil

    /// A short description for reports: `p. 3 line 12`, `Q3 returns!B14`, `line 40`.
    var description: String {
        if let s = sheet { return cell.map { "\(s)!\($0)" } ?? s }
        var parts: [String] = []
        if let p = page { parts.append("p. \(p)") }
        if let l = line { parts.append("line \(l)") }
        return parts.joined(separator: " ")
    }
}
