/// Repaints the line readline has just drawn, in colour, without moving anything.
///
/// readline keeps the layout (where each character sits, wrapping, the cursor), and
/// the highlighter only adds colour, so the painter writes the very same characters
/// over the ones on the screen with SGR sequences between them, then puts the cursor
/// back where readline left it. Positions are computed as readline computes them:
/// the prompt's visible width (``visibleWidth(_:)`` skips the `\001`…`\002` and ESC
/// sequences readline does not count), each character's terminal width (wide
/// characters take two columns and move whole to the next row when they do not
/// fit), and rows of readline's screen width. Each row is reached with explicit
/// cursor moves rather than the terminal's own wrapping, so a terminal that wraps
/// one column early still gets the right picture.
struct LinePainter {
    /// One character on the screen: its byte offset in the line, text, row and column
    /// (counted from the prompt's first row) and width.
    struct Cell {
        var offset: Int
        var scalar: Unicode.Scalar
        var row: Int
        var column: Int
        var width: Int
    }

    /// The screen width readline wraps at.
    let columns: Int
    /// The prompt's visible width.
    let promptWidth: Int

    /// Where each character of `line` goes, and the (row, column) after the last one.
    func layout(_ line: String) -> (cells: [Cell], end: (row: Int, column: Int)) {
        var row = promptWidth / columns, col = promptWidth % columns
        var cells: [Cell] = []
        var offset = 0
        for u in line.unicodeScalars {
            let w = Terminal.width(u)
            if w > 0 && col + w > columns {
                row += 1
                col = 0
            }
            cells.append(Cell(offset: offset, scalar: u, row: row, column: col, width: w))
            col += w
            offset += String(u).utf8.count
        }
        if col >= columns {
            row += 1
            col = 0
        }
        return (cells, (row, col))
    }

    /// The escape sequences and text that colour `line` in place, the cursor standing
    /// where readline left it (`cursor`: row from the prompt's first row, and column,
    /// which equals `columns` when the terminal is about to wrap); nil when the line
    /// holds characters readline draws otherwise (controls, tabs) or has more rows than
    /// `screenRows`.
    func paint(_ line: String, styles: [SyntaxHighlighter.Style?], cursor: (Int, Int), screenRows: Int) -> String? {
        guard columns > 0, line.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) else { return nil }
        let (cells, end) = layout(line)
        guard end.row < screenRows - 1, cursor.0 >= 0, cursor.0 <= end.row, cursor.1 >= 0 else { return nil }
        let startRow = promptWidth / columns, startCol = promptWidth % columns
        var out = "\r" + LinePainter.vertical(startRow - cursor.0)
        if startCol > 0 { out += "\u{1B}[\(startCol)C" }
        var row = startRow
        var current: SyntaxHighlighter.Style?
        for c in cells {
            if c.row > row {
                out += String(repeating: "\r\n", count: c.row - row)
                row = c.row
                if c.column > 0 { out += "\u{1B}[\(c.column)C" }
            }
            let s = c.offset < styles.count ? styles[c.offset] : nil
            if s != current {
                out += "\u{1B}[0m" + (s.map { "\u{1B}[\($0.sgr)m" } ?? "")
                current = s
            }
            out.unicodeScalars.append(c.scalar)
        }
        out += "\u{1B}[0m\r" + LinePainter.vertical(cursor.0 - row)
        if cursor.1 >= columns, let last = cells.last(where: { $0.row == cursor.0 && $0.column + $0.width == columns }) {
            // At the right edge, about to wrap: write the row's last character again to
            // get there, as moving the cursor cannot.
            if last.column > 0 { out += "\u{1B}[\(last.column)C" }
            let s = last.offset < styles.count ? styles[last.offset] : nil
            out += (s.map { "\u{1B}[\($0.sgr)m" } ?? "") + String(last.scalar) + "\u{1B}[0m"
        } else if cursor.1 > 0 {
            out += "\u{1B}[\(min(cursor.1, columns - 1))C"
        }
        return out
    }

    /// Moves the cursor `n` rows down (negative: up) without scrolling.
    static func vertical(_ n: Int) -> String {
        n > 0 ? "\u{1B}[\(n)B" : n < 0 ? "\u{1B}[\(-n)A" : ""
    }

    /// Terminal columns `prompt` takes: readline's invisible markers (`\001`…`\002`) and
    /// ESC sequences take none.
    static func visibleWidth(_ prompt: String) -> Int {
        var width = 0, hidden = false, escape = false
        for u in prompt.unicodeScalars {
            if u == "\u{01}" { hidden = true; continue }
            if u == "\u{02}" { hidden = false; continue }
            if hidden { continue }
            if escape {
                if u.value >= 0x40 && u.value <= 0x7E && u != "[" { escape = false }
                continue
            }
            if u == "\u{1B}" { escape = true; continue }
            width += Terminal.width(u)
        }
        return width
    }
}
