/// The `table` output format: a header, a rule, aligned rows and a row count.
///
///      id | name  | score
///     ----+-------+-------
///       1 | alice |   3.5
///       2 | null  |  null
///     2 rows
///
/// Numbers are right-aligned and everything else left-aligned. Cells longer than
/// 60 characters are cut with `…`; tabs and newlines show as `\t` and `\n` so a
/// row stays on one line. With a `maxWidth`, the widest columns are narrowed
/// (never below 8 characters) until a line fits.
struct TableLayout {
    /// Longest cell shown in full unless the caller gives another limit.
    static let cellLimit = ResultWriter.defaultCellLimit
    /// Narrowest a column gets when fitting `maxWidth`.
    static let minimumWidth = 8

    private let table: Table
    private let header: [String]
    private let cells: [[String]]
    private let rightAligned: [Bool]
    private var widths: [Int]

    /// Lays out `table`, narrowing columns to fit `maxWidth` when given; cells longer
    /// than `cellLimit` (at least 1) are cut with `…`.
    init(_ table: Table, maxWidth: Int?, cellLimit: Int = TableLayout.cellLimit) {
        self.table = table
        header = table.columns.map { TableLayout.clean($0.name) }
        cells = (0..<table.rowCount).map { r in
            table.columns.indices.map { TableLayout.clean(table.value(row: r, column: $0).description) }
        }
        rightAligned = table.columns.map { $0.type.isNumeric }
        let h = header, body = cells
        widths = h.indices.map { c in
            min(max(1, cellLimit), body.reduce(h[c].count) { max($0, $1[c].count) })
        }
        if let maxWidth { narrow(to: maxWidth) }
    }

    /// Shrinks the widest column step by step until the line fits or nothing can shrink.
    private mutating func narrow(to maxWidth: Int) {
        while lineWidth > maxWidth {
            guard let c = widths.indices.max(by: { widths[$0] < widths[$1] }),
                  widths[c] > TableLayout.minimumWidth else { return }
            widths[c] = max(TableLayout.minimumWidth, widths[c] - (lineWidth - maxWidth))
        }
    }

    /// Characters in one rendered line: each cell has a space either side, joined by `|`.
    private var lineWidth: Int { widths.reduce(0) { $0 + $1 + 2 } + max(0, widths.count - 1) }

    /// Header, rule, rows and the row-count footer.
    func render() -> String {
        var out = ""
        if !widths.isEmpty {
            out += line(header, alignNumbers: false) + "\n"
            out += widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "+") + "\n"
            for row in cells { out += line(row, alignNumbers: true) + "\n" }
        }
        return out + ResultWriter.rowCountFooter(table.rowCount) + "\n"
    }

    private func line(_ values: [String], alignNumbers: Bool) -> String {
        var parts: [String] = []
        for (c, v) in values.enumerated() {
            let w = widths[c]
            let text = v.count > w ? String(v.prefix(max(0, w - 1))) + "…" : v
            let pad = String(repeating: " ", count: w - text.count)
            parts.append(" " + (alignNumbers && rightAligned[c] ? pad + text : text + pad) + " ")
        }
        // Trailing spaces would make golden files fragile, so the last cell is trimmed.
        var s = parts.joined(separator: "|")
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }

    /// Control characters spelled out (see ``TerminalText``): one row is one
    /// line, and nothing in a cell can drive the terminal.
    private static func clean(_ s: String) -> String {
        TerminalText.visible(s)
    }
}
