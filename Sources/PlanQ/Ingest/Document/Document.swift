/// A document as every reader gives it to the recognisers, whatever its file format: lines in
/// reading order, each prose (a heading, paragraph or list item) or a table row whose cells are
/// joined by tabs, with the origin of each line.
///
/// The recognisers (``DocumentReader`` and ``DocumentIngest``) work on these lines unchanged, so a
/// table read from a PDF's word boxes, an HTML `<table>` or a spreadsheet's sheet is recognised the
/// same way as a tab-separated export.
struct Document: Sendable {
    /// The document's name (the file name without extension), written to `document` columns.
    var name: String
    /// The format it was read as.
    var format: DocumentFormat
    /// Prose lines and tab-joined table rows, in reading order.
    private(set) var lines: [String] = []
    /// The origin of each line (same count as `lines`).
    private(set) var origins: [SourceOrigin] = []
    /// What the reader found, for `--report` (pages, tables, sheets, what it could not read).
    var notes: [String] = []

    /// An empty document.
    init(name: String, format: DocumentFormat) {
        self.name = name
        self.format = format
    }

    /// Adds a prose line (tabs and line breaks inside it become spaces).
    mutating func append(text: String, origin: SourceOrigin) {
        lines.append(Self.flatten(text))
        origins.append(origin)
    }

    /// Adds a line exactly as a text file holds it (a tab-separated row stays a row).
    mutating func appendRaw(_ line: String, origin: SourceOrigin) {
        lines.append(line)
        origins.append(origin)
    }

    /// Adds a table row; each cell's tabs and line breaks become spaces so the row stays one line.
    mutating func append(cells: [String], origin: SourceOrigin) {
        var cells = cells.map(Self.flatten)
        // A row must hold a tab to be read as a row: a one-cell row gets an empty second cell.
        if cells.count == 1 { cells.append("") }
        lines.append(cells.joined(separator: "\t"))
        origins.append(origin)
    }

    /// The origin of 1-based line `n`, or a plain line origin past the end.
    func origin(ofLine n: Int) -> SourceOrigin {
        n >= 1 && n <= origins.count ? origins[n - 1] : SourceOrigin(line: n)
    }

    /// `s` with tabs, carriage returns and line breaks turned into single spaces.
    static func flatten(_ s: String) -> String {
        guard s.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return s }
        return s.split(whereSeparator: { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }).joined(separator: " ")
    }
}
