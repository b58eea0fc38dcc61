import Foundation
import PlanQ

/// Renders results for the shell's screen without losing information silently.
///
/// In `table` mode on a terminal, a result longer than the screen shows its first
/// rows and a result wider than the screen shows the columns that fit; either way
/// a marker line says what was left out and how to see it:
///
///      id | plan | theme            | … 
///     ----+------+------------------+
///     …
///     … 1,234 rows, 20 shown; 15 columns, 3 shown; .mode csv or .output to see all
///     hidden columns: code, title, ...
///
/// With ``expanded`` on (or auto, and a row wider than the screen) table mode shows
/// each record as `column | value` lines instead (``ExpandedLayout``), values wrapped
/// to the screen. With ``paging`` the result goes to a pager, so every row is kept
/// and lines are not cut to the screen (the pager scrolls sideways).
///
/// On a terminal every format escapes control characters in the data, and with
/// colour on, RAG values are coloured. Written to a file (`.output`), results are
/// complete and untouched.
public struct ResultDisplay {
    /// Screen size; results are fitted to it when `terminal` is true.
    public var rows: Int
    public var columns: Int
    /// The output goes to a terminal (fit, escape).
    public var terminal: Bool
    /// Colour RAG values (only meaningful with `terminal`).
    public var color: Bool

    /// Table or expanded records (`.expanded`, `.mode line`).
    public var expanded: ExpandedMode = .off
    /// The longest cell table mode shows in full (`.maxwidth`); longer ones end in `…`.
    public var cellLimit = ResultWriter.defaultCellLimit
    /// The text goes to a pager: keep every row and the full width.
    public var paging = false

    public init(rows: Int, columns: Int, terminal: Bool, color: Bool) {
        self.rows = rows
        self.columns = columns
        self.terminal = terminal
        self.color = color
    }

    /// Most rows rendered for a pager: a bigger result is cut there with a marker
    /// (rendering ten million rows as text would take long and much memory).
    static let pagedRowLimit = 100_000

    /// Lines kept free around a result: prompt, query, header, rule, footer lines.
    static let reservedLines = 7
    /// Fewest rows shown however small the terminal.
    static let minimumRows = 5

    /// The text for `table` in `format`, ending in a newline.
    public func render(_ table: Table, format: ResultFormat) -> String {
        guard terminal else {
            if format == .table && expanded == .on { return ExpandedLayout(table: table, width: nil, ragColours: nil).render() }
            return ResultWriter.render(table, format: format, cellLimit: cellLimit)
        }
        if format != .table {
            return ResultWriter.render(ControlEscaper.escape(table, keep: ["\n", "\t"]), format: format)
        }
        let shown = paging && table.rowCount > ResultDisplay.pagedRowLimit ? ResultDisplay.firstRows(table, ResultDisplay.pagedRowLimit) : table
        var lines: [String]
        if showsExpanded(shown) {
            lines = ExpandedLayout(table: ControlEscaper.escape(shown, keep: ["\n"]), width: columns,
                                   ragColours: color ? ResultDisplay.ragColours : nil).render()
                .split(separator: "\n").map(String.init)
        } else if paging {
            lines = ResultWriter.render(ControlEscaper.escape(shown, keep: ["\n", "\t", "\r"]), format: .table, cellLimit: cellLimit)
                .split(separator: "\n").map(String.init)
            if color && lines.count >= 2 { colourRAG(&lines, shown) }
        } else {
            return fitted(table)
        }
        if shown.rowCount < table.rowCount, !lines.isEmpty {
            lines[lines.count - 1] = "… \(ResultWriter.rowCountFooter(table.rowCount)), \(ResultWriter.rowCountFooter(shown.rowCount).prefix { $0 != " " }) shown; "
                + ".output or .once to see all"
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The first `n` rows of `table`.
    static func firstRows(_ table: Table, _ n: Int) -> Table {
        Table(name: table.name, columns: table.columns.map { Column(name: $0.name, vector: $0.vector.slice(0, n)) }, rowCount: n)
    }

    /// True when table mode shows `table` expanded: always with `.expanded on`, and
    /// with `auto` when a row laid out as a table would not fit the screen's width.
    func showsExpanded(_ table: Table) -> Bool {
        switch expanded {
        case .off: return false
        case .on: return true
        case .auto: return tableWidth(table) > columns
        }
    }

    /// The width of a table-mode line for `table` with every value in full (nothing cut
    /// at ``cellLimit`` or narrowed), looking at the rows the screen would show (the
    /// first thousand when paging); stops counting once past the screen's width.
    func tableWidth(_ table: Table) -> Int {
        let sample = min(table.rowCount, paging ? 1000 : max(ResultDisplay.minimumRows, rows - ResultDisplay.reservedLines))
        var total = 0
        for (i, c) in table.columns.enumerated() {
            var w = c.name.count
            for r in 0..<sample where total + w <= columns { w = max(w, table.value(row: r, column: i).description.count) }
            total += w + 2 + (i > 0 ? 1 : 0)
            if total > columns { return total }
        }
        return total
    }

    /// Table mode fitted to the screen.
    private func fitted(_ full: Table) -> String {
        let maxRows = max(ResultDisplay.minimumRows, rows - ResultDisplay.reservedLines)
        let shownRows = full.rowCount > maxRows ? maxRows : full.rowCount
        var table = full
        if shownRows < full.rowCount { table = ResultDisplay.firstRows(full, shownRows) }
        table = ControlEscaper.escape(table, keep: ["\n", "\t", "\r"])
        let keep = columnsThatFit(table)
        let hidden = table.columns.count - keep
        if hidden > 0 {
            table = Table(name: table.name, columns: Array(table.columns.prefix(keep)), rowCount: table.rowCount)
        }
        var lines = ResultWriter.render(table, format: .table, maxWidth: columns - (hidden > 0 ? 2 : 0), cellLimit: cellLimit)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        if lines.count >= 2 {
            if hidden > 0 { lines[0] = lines[0].padding(toLength: lines[1].count, withPad: " ", startingAt: 0) + " …" }
            if color { colourRAG(&lines, table) }
        }
        guard shownRows < full.rowCount || hidden > 0 else { return lines.joined(separator: "\n") + "\n" }
        lines.removeLast()  // the plain row count
        var marker = "… " + ResultWriter.rowCountFooter(full.rowCount)
        if shownRows < full.rowCount { marker += ", \(shownRows) shown" }
        if hidden > 0 { marker += "; \(full.columns.count) columns, \(keep) shown" }
        let advice = ".mode csv or .output to see all"
        if marker.count + advice.count + 2 <= columns {
            lines.append(marker + "; " + advice)
        } else {
            lines.append(marker + ";")
            lines.append("  " + advice)
        }
        if hidden > 0 {
            let names = full.columns.dropFirst(keep).map { ControlEscaper.escape($0.name) }.joined(separator: ", ")
            lines.append(cut("hidden columns: " + names, columns))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// How many leading columns fit the width when each is narrowed to at most
    /// ``ResultWriter``'s 8-character minimum (always at least one).
    private func columnsThatFit(_ table: Table) -> Int {
        var used = 0
        for (i, c) in table.columns.enumerated() {
            var w = c.name.count
            for r in 0..<table.rowCount where w < 8 { w = max(w, table.value(row: r, column: i).description.count) }
            let need = min(w, 8) + 2 + (i > 0 ? 1 : 0)
            // Leave room for the " …" marker unless this is the last column.
            let reserve = i == table.columns.count - 1 ? 0 : 2
            if i > 0 && used + need + reserve > columns { return i }
            used += need
        }
        return table.columns.count
    }

    /// Wraps `red`/`amber`/`green` cells of RAG columns in colour, using the rule line's
    /// `+` positions to find the cells (the layout pads by characters).
    private func colourRAG(_ lines: inout [String], _ table: Table) {
        let ragColumns = table.columns.indices.filter { i in
            if case .enumeration(let e) = table.columns[i].type { return e.code(of: "red") != nil && e.code(of: "green") != nil }
            return false
        }
        guard !ragColumns.isEmpty else { return }
        let rule = Array(lines[1])
        var bounds = [0]
        for (i, ch) in rule.enumerated() where ch == "+" { bounds.append(i + 1) }
        bounds.append(Int.max)
        for li in 2..<max(2, lines.count - 1) {
            var chars = Array(lines[li])
            for c in ragColumns.reversed() where c + 1 < bounds.count {
                let lo = bounds[c], hi = min(bounds[c + 1] - (c + 1 < bounds.count - 1 ? 1 : 0), chars.count)
                guard lo < hi else { continue }
                let cell = String(chars[lo..<hi])
                let word = cell.trimmingCharacters(in: .whitespaces).lowercased()
                guard let code = ResultDisplay.ragColours[word],
                      let start = cell.firstIndex(where: { !$0.isWhitespace }) else { continue }
                let offset = lo + cell.distance(from: cell.startIndex, to: start)
                let end = offset + word.count
                chars.replaceSubrange(offset..<end, with: Array("\u{1B}[\(code)m" + String(chars[offset..<end]) + "\u{1B}[0m"))
            }
            lines[li] = String(chars)
        }
    }

    static let ragColours = ["red": "31", "amber": "33", "green": "32"]

    private func cut(_ s: String, _ width: Int) -> String {
        s.count <= width ? s : String(s.prefix(max(1, width - 1))) + "…"
    }
}
