/// Makes text from data cells safe to print on a terminal.
///
/// A cell can hold anything a CSV file held, including ESC sequences that
/// recolour the terminal, move the cursor, rewrite the window title or hide the
/// rest of a line, a bare CR that overwrites what was printed before it, or
/// Unicode bidirectional overrides that display text in another order than it
/// is stored. None of that may reach the terminal from a data cell: each such
/// character is spelled out visibly instead, so the reader sees that it is there.
///
/// - `\n`, `\r`, `\t` become the two characters `\n`, `\r`, `\t` (one row stays one line);
/// - other C0 controls, DEL and C1 controls become `\xNN` (ESC is `\x1B`);
/// - bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069)
///   and the line/paragraph separators U+2028/U+2029 become `\u{NNNN}`.
enum TerminalText {
    /// `s` with every control character spelled out; `s` itself when it has none.
    /// `keepLayout` leaves tabs and newlines as they are (for error messages and
    /// quoted source lines, where they are layout, not data).
    static func visible(_ s: String, keepLayout: Bool = false) -> String {
        guard s.unicodeScalars.contains(where: { needsEscape($0) && !(keepLayout && ($0 == "\t" || $0 == "\n")) }) else { return s }
        var out = ""
        out.unicodeScalars.reserveCapacity(s.unicodeScalars.count + 8)
        for ch in s.unicodeScalars {
            if keepLayout && (ch == "\t" || ch == "\n") {
                out.unicodeScalars.append(ch)
                continue
            }
            switch ch {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if !needsEscape(ch) {
                    out.unicodeScalars.append(ch)
                } else if ch.value < 0x100 {
                    let hex = String(ch.value, radix: 16, uppercase: true)
                    out += "\\x" + (hex.count < 2 ? "0" : "") + hex
                } else {
                    out += "\\u{" + String(ch.value, radix: 16, uppercase: true) + "}"
                }
            }
        }
        return out
    }

    /// Whether `ch` must not be printed as itself.
    static func needsEscape(_ ch: Unicode.Scalar) -> Bool {
        let v = ch.value
        if v < 0x20 || (v >= 0x7F && v <= 0x9F) { return true }
        if v < 0x2028 { return false }
        return v <= 0x2029 || (v >= 0x202A && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069)
    }
}
