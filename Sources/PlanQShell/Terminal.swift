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
}
