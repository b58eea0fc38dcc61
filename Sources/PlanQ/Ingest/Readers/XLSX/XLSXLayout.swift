/// Turns a worksheet's cells into document lines, reading merged cells as the page shows them.
struct XLSXLayout {
    /// Most cells a merged range is copied into (a range over the whole sheet keeps its first cell only).
    static let maxMergeFill = 10_000

    /// The sheet's cells.
    var sheet: XLSXSheet

    /// Appends the sheet's rows to `doc` (see ``XLSXDocumentReader``).
    func emit(sheetName: String, into doc: inout Document) {
        var rows = sheet.rows
        // Cells a merge covers, other than its first: merged across (`across`) or down only.
        var across: [XLSXCellRef: XLSXSheet.Merge] = [:]
        var fullWidthRows: Set<Int> = []
        let usedColumns = rows.values.flatMap(\.keys)
        guard let firstColumn = usedColumns.min(), let lastColumn = usedColumns.max() else { return }
        for m in sheet.merges {
            let area = (m.to.row - m.from.row + 1) * (m.to.column - m.from.column + 1)
            guard area > 1, area <= Self.maxMergeFill, let text = rows[m.from.row]?[m.from.column] else { continue }
            if m.from.row == m.to.row, m.from.column <= firstColumn, m.to.column >= lastColumn, lastColumn > firstColumn {
                fullWidthRows.insert(m.from.row)
                continue
            }
            for r in m.from.row...m.to.row {
                for c in m.from.column...m.to.column where !(r == m.from.row && c == m.from.column) {
                    if c > m.from.column { across[XLSXCellRef(column: c, row: r)] = m }
                    // Down: the value repeats, so each row it covers is named (not a continuation).
                    if c == m.from.column { rows[r, default: [:]][c] = text }
                }
            }
        }
        // A row holding a group heading merged across some columns, over a row naming those columns.
        func isGroupHeader(_ r: Int) -> Bool {
            guard let below = rows[r + 1], !below.isEmpty else { return false }
            return sheet.merges.contains { m in
                m.from.row == r && m.to.row == r && m.to.column > m.from.column && !fullWidthRows.contains(r)
                    && rows[r]?[m.from.column] != nil && (m.from.column...m.to.column).allSatisfy { below[$0] != nil }
            }
        }
        let order = rows.keys.sorted()
        var skip: Int? = nil
        // Whether the row above was a table row (not a title or prose line).
        var inTable = false
        for r in order {
            if r == skip { continue }
            guard let row = rows[r], !row.isEmpty else { continue }
            let origin = SourceOrigin(sheet: sheetName, cell: XLSXCellRef(column: firstColumn, row: r).name)
            let width = (row.keys.max() ?? firstColumn) - firstColumn + 1
            if fullWidthRows.contains(r) || (row.count == 1 && row[firstColumn] != nil) {
                let text = row[firstColumn] ?? row.values.first ?? ""
                if inTable && fullWidthRows.contains(r) {
                    // A theme or section merged across a table: a row, as a text export has it,
                    // so the table goes on under it.
                    doc.append(cells: [text] + Array(repeating: "", count: lastColumn - firstColumn), origin: origin)
                } else {
                    // A title or a line of prose in the first column.
                    doc.append(text: text, origin: origin)
                    inTable = false
                }
                continue
            }
            inTable = true
            if isGroupHeader(r), let below = rows[r + 1] {
                let last = max(row.keys.max() ?? firstColumn, below.keys.max() ?? firstColumn)
                var cells: [String] = []
                for c in firstColumn...last {
                    let top = headerText(rows, row: r, column: c, across: across)
                    let bottom = below[c] ?? ""
                    cells.append(top == bottom || top.isEmpty ? bottom : bottom.isEmpty ? top : top + " " + bottom)
                }
                doc.append(cells: cells, origin: origin)
                skip = r + 1
                continue
            }
            let cells = (0..<width).map { row[firstColumn + $0] ?? "" }
            doc.append(cells: cells, origin: origin)
        }
    }

    /// A header cell's text, repeated across the columns its merge covers.
    func headerText(_ rows: [Int: [Int: String]], row r: Int, column c: Int, across: [XLSXCellRef: XLSXSheet.Merge]) -> String {
        if let t = rows[r]?[c] { return t }
        if let m = across[XLSXCellRef(column: c, row: r)] { return rows[m.from.row]?[m.from.column] ?? "" }
        return ""
    }
}
