import Foundation

/// One HTML `<table>` laid out on a grid: `rowspan` and `colspan` expanded so every row has the
/// table's full column count, header rows (`<th>` cells or `<thead>`) found and, when a period or
/// group heading spans several columns over a second header row (`2008/09` over `Value | Target |
/// Status`), merged into one header row (`2008/09 Value`) that the recognisers read as one.
struct HTMLTable {
    /// One cell of the grid.
    struct Cell {
        /// The cell's text (an icon's `alt` text or a status colour when it has no text).
        var text: String
        /// Whether it is a header cell (`<th>`, or any cell in `<thead>`).
        var header: Bool
        /// Whether it is a copy placed by a `rowspan` or `colspan` (not the cell's own position).
        var spanned: Bool
        /// Whether it is a copy placed by a `colspan`.
        var spannedAcross: Bool
    }

    /// A row of the grid with the source line of its `<tr>`.
    struct Row {
        /// The cells, `columnCount` of them once laid out.
        var cells: [Cell]
        /// Source line of the row.
        var line: Int
    }

    /// Largest `colspan` honoured (as browsers do).
    static let maxColspan = 1000
    /// Largest `rowspan` honoured.
    static let maxRowspan = 1000
    /// Most grid cells in one table, so a hostile span cannot blow up memory.
    static let maxCells = 2_000_000

    /// The table's caption, if any.
    var caption: String?
    /// The rows, laid out.
    var rows: [Row] = []
    /// Columns in the widest row.
    var columnCount = 0

    /// Lays out `table`; rows of tables nested inside its cells are not its rows (their text is
    /// part of the enclosing cell).
    init(_ table: HTMLNode) throws(DecodeFailure) {
        var pending: [Int: (cell: Cell, left: Int)] = [:]  // column → a rowspan still to place
        var stack: [(HTMLNode, Bool)] = []
        var c = table.firstChild
        var top: [HTMLNode] = []
        while let k = c { top.append(k); c = k.next }
        for k in top.reversed() { stack.append((k, false)) }
        var cellsSoFar = 0
        while let (n, inHead) = stack.popLast() {
            guard n.isElement else { continue }
            let name = n.name
            if HTMLText.skipped.contains(name) || name == "table" { continue }
            if name == "caption" { caption = HTMLText.of(n); continue }
            if name == "tr" {
                var row = Row(cells: [], line: n.line)
                var col = 0
                func fillPending() {
                    while let p = pending[col] {
                        row.cells.append(p.cell)
                        pending[col] = p.left > 1 ? (p.cell, p.left - 1) : nil
                        col += 1
                    }
                }
                var k = n.firstChild
                while let cellNode = k {
                    k = cellNode.next
                    guard cellNode.isElement, cellNode.name == "td" || cellNode.name == "th" else { continue }
                    fillPending()
                    var text = HTMLText.of(cellNode)
                    if text.isEmpty { text = HTMLText.colourStatus(cellNode) ?? "" }
                    let cell = Cell(text: text, header: cellNode.name == "th" || inHead, spanned: false, spannedAcross: false)
                    let across = cellNode.span("colspan", limit: Self.maxColspan)
                    let down = cellNode.span("rowspan", limit: Self.maxRowspan)
                    for j in 0..<across {
                        var copy = cell
                        copy.spanned = j > 0
                        copy.spannedAcross = j > 0
                        row.cells.append(copy)
                        if down > 1 {
                            var below = copy
                            below.spanned = true
                            pending[col] = (below, down - 1)
                        }
                        col += 1
                    }
                    cellsSoFar += across * down
                    if cellsSoFar > Self.maxCells {
                        throw DecodeFailure("a table on line \(n.line) spans over \(Self.maxCells) cells (rowspan/colspan too large)")
                    }
                }
                // Spans from rows above that reach past this row's last cell.
                while let maxCol = pending.keys.max(), maxCol >= col {
                    if let p = pending[col] {
                        row.cells.append(p.cell)
                        pending[col] = p.left > 1 ? (p.cell, p.left - 1) : nil
                    } else {
                        row.cells.append(Cell(text: "", header: false, spanned: true, spannedAcross: false))
                    }
                    col += 1
                }
                columnCount = max(columnCount, row.cells.count)
                rows.append(row)
                continue
            }
            // thead/tbody/tfoot (and stray wrappers) hold rows: look inside.
            let head = inHead || name == "thead"
            var kids: [HTMLNode] = []
            var k = n.firstChild
            while let x = k { kids.append(x); k = x.next }
            for x in kids.reversed() { stack.append((x, head)) }
        }
        for i in rows.indices where rows[i].cells.count < columnCount {
            rows[i].cells += Array(repeating: Cell(text: "", header: false, spanned: true, spannedAcross: false),
                                   count: columnCount - rows[i].cells.count)
        }
    }

    /// The lines this table gives a ``Document``: its caption and any full-width title rows as
    /// prose, then the header (merged when it has two or three rows) and the body rows as cells.
    /// A body cell spanning several columns keeps its text in the first of them; one spanning
    /// several rows repeats it in each (so a theme cell names every row it covers).
    func lines() -> [(text: String?, cells: [String]?, line: Int)] {
        var out: [(text: String?, cells: [String]?, line: Int)] = []
        if let c = caption, !c.isEmpty { out.append((c, nil, rows.first?.line ?? 0)) }
        var body = rows[...]
        // Title rows: one cell across the whole table, at the top.
        while let first = body.first, columnCount > 1, isFullWidth(first) {
            if let t = first.cells.first?.text, !t.isEmpty { out.append((t, nil, first.line)) }
            body = body.dropFirst()
        }
        var header: [Row] = []
        while let first = body.first, header.count < 3, isHeaderRow(first) {
            header.append(first)
            body = body.dropFirst()
        }
        if header.count == 1 {
            out.append((nil, header[0].cells.map(\.text), header[0].line))
        } else if header.count > 1 {
            let merged = (0..<columnCount).map { col -> String in
                var parts: [String] = []
                for h in header {
                    let t = h.cells[col].text
                    if !t.isEmpty && parts.last != t { parts.append(t) }
                }
                return parts.joined(separator: " ")
            }
            out.append((nil, merged, header[0].line))
        }
        for row in body {
            if columnCount > 1, isFullWidth(row) {
                // A section row (a theme or outcome across the table) stays a row with its text in
                // the first cell, as a text export has it, so the table goes on under it.
                if let t = row.cells.first?.text, !t.isEmpty { out.append((nil, [t] + Array(repeating: "", count: columnCount - 1), row.line)) }
                continue
            }
            let cells = row.cells.map { $0.spannedAcross ? "" : $0.text }
            if cells.allSatisfy(\.isEmpty) { continue }
            out.append((nil, cells, row.line))
        }
        return out
    }

    /// Whether `table` has another table inside it (then it lays out the page, not data).
    static func holdsTable(_ table: HTMLNode) -> Bool {
        var stack: [HTMLNode] = []
        var c = table.firstChild
        while let k = c { stack.append(k); c = k.next }
        while let n = stack.popLast() {
            guard n.isElement else { continue }
            if n.name == "table" { return true }
            var k = n.firstChild
            while let x = k { stack.append(x); k = x.next }
        }
        return false
    }

    /// A row that is one cell spanning every column.
    func isFullWidth(_ row: Row) -> Bool {
        guard let first = row.cells.first, !first.spanned else { return false }
        return row.cells.dropFirst().allSatisfy { $0.spannedAcross && $0.text == first.text }
    }

    /// A header row: every cell with text is a header cell, and at least one has text.
    func isHeaderRow(_ row: Row) -> Bool {
        let named = row.cells.filter { !$0.text.isEmpty }
        return !named.isEmpty && named.allSatisfy(\.header)
    }
}
