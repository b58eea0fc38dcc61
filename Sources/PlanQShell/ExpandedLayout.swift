import PlanQ

/// The expanded display (`.mode line`, `.expanded on|auto`): one `column | value` line
/// per field and a rule before each record, as psql's `\x` shows them:
///
///     -[ RECORD 1 ]----------------------------------------
///     code  | NI 15
///     title | Serious violent crime rate, the number of
///           | offences per 1,000 population
///     -[ RECORD 2 ]----------------------------------------
///     ...
///     2 rows
///
/// Long values wrap at spaces (or mid-word when one word is longer than the room) so
/// nothing runs past `width`; line breaks inside a value start a continuation line.
/// Null shows as `null`, as in the table format.
struct ExpandedLayout {
    /// The table to show; its text must already be safe for where it goes.
    let table: Table
    /// Screen columns to fit (nil: no wrapping, for files).
    let width: Int?
    /// Wraps red/amber/green values of RAG columns in these SGR colour codes.
    let ragColours: [String: String]?

    /// Fewest characters a value column gets, however narrow the screen.
    static let minimumValueWidth = 12

    /// Records, rules and the row-count footer, ending in a newline.
    func render() -> String {
        let names = table.columns.map(\.name)
        let nameWidth = names.map(\.count).max() ?? 0
        let valueWidth = width.map { max(ExpandedLayout.minimumValueWidth, $0 - nameWidth - 3) }
        let rag = Set(table.columns.indices.filter { ExpandedLayout.isRAG(table.columns[$0]) })
        var records: [[String]] = []
        var widest = 0
        for r in 0..<table.rowCount {
            var body: [String] = []
            for c in table.columns.indices {
                let pieces = ExpandedLayout.wrap(table.value(row: r, column: c).description, width: valueWidth)
                for (i, piece) in pieces.enumerated() {
                    widest = max(widest, piece.count)
                    let label = (i == 0 ? names[c] : "").padding(toLength: nameWidth, withPad: " ", startingAt: 0)
                    var shown = piece
                    if let colours = ragColours, rag.contains(c), let code = colours[piece.lowercased()] {
                        shown = "\u{1B}[\(code)m\(piece)\u{1B}[0m"
                    }
                    body.append(trimmed(label + " | " + shown))
                }
            }
            records.append(body)
        }
        // Every rule spans the widest line (within the screen), as psql's do.
        let lineWidth = min(width ?? Int.max, nameWidth + 3 + widest)
        var out = ""
        for (i, body) in records.enumerated() {
            out += ExpandedLayout.rule(record: i + 1, width: lineWidth) + "\n"
            out += body.joined(separator: "\n") + "\n"
        }
        return out + ResultWriter.rowCountFooter(table.rowCount) + "\n"
    }

    /// `-[ RECORD n ]` followed by dashes up to `width`.
    static func rule(record: Int, width: Int) -> String {
        let head = "-[ RECORD \(record) ]"
        return head + String(repeating: "-", count: max(0, width - head.count))
    }

    /// `text` split at its line breaks and then into pieces of at most `width`
    /// characters, breaking at a space where one falls in the second half of the piece.
    static func wrap(_ text: String, width: Int?) -> [String] {
        var out: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard let width, line.count > width else {
                out.append(String(line))
                continue
            }
            var rest = Array(line)
            while rest.count > width {
                // Break at the last space that keeps at least half the room filled; the
                // space itself is dropped, so joining the pieces with spaces gives the value.
                var cut = width, skip = 0
                if rest[width] == " " {
                    skip = 1
                } else if let space = rest[..<width].lastIndex(of: " "), space >= width / 2 {
                    cut = space
                    skip = 1
                }
                out.append(String(rest[..<cut]))
                rest.removeFirst(cut + skip)
            }
            if !rest.isEmpty || out.isEmpty { out.append(String(rest)) }
        }
        return out
    }

    /// True for an enum column holding the RAG words.
    static func isRAG(_ column: Column) -> Bool {
        if case .enumeration(let e) = column.type { return e.code(of: "red") != nil && e.code(of: "green") != nil }
        return false
    }

    /// Trailing blanks dropped (an empty value leaves `name |`), so files diff cleanly.
    private func trimmed(_ s: String) -> String {
        var s = s
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}
