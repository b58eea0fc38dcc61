import CReadline
import Foundation

/// Facts about the terminal the shell talks to.
enum Terminal {
    /// True when `fd` is a terminal.
    static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) != 0 }

    /// Colour is used only on a terminal and when `NO_COLOR` is unset (https://no-color.org).
    static func colorAllowed(_ fd: Int32) -> Bool {
        isTerminal(fd) && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// Rows and columns of the terminal on `fd`; `LINES`/`COLUMNS`, then 24×80, when it has none.
    static func size(_ fd: Int32 = 1) -> (rows: Int, columns: Int) {
        var rows: Int32 = 0, cols: Int32 = 0
        if planq_terminal_size(fd, &rows, &cols) == 0 { return (Int(rows), Int(cols)) }
        let env = ProcessInfo.processInfo.environment
        return (env["LINES"].flatMap(Int.init) ?? 24, env["COLUMNS"].flatMap(Int.init) ?? 80)
    }

    /// The widest line of `text` in terminal columns, not counting SGR colour sequences.
    static func widestLine(_ text: String) -> Int {
        var widest = 0, current = 0, inEscape = false
        for u in text.unicodeScalars {
            if inEscape {
                if u.value >= 0x40 && u.value <= 0x7E && u != "[" { inEscape = false }
                continue
            }
            if u == "\u{1B}" { inEscape = true; continue }
            if u == "\n" { widest = max(widest, current); current = 0; continue }
            current += width(u)
        }
        return max(widest, current)
    }

    /// Columns a character takes on the terminal: 0 for combining marks, 2 for wide
    /// (East Asian) characters, as the C library's `wcwidth` says; 1 when it does not know.
    static func width(_ u: Unicode.Scalar) -> Int {
        if u.value < 0x7F { return u.value < 0x20 ? 0 : 1 }
        let w = Int(planq_wcwidth(u.value))
        return w < 0 ? 1 : w
    }
}
