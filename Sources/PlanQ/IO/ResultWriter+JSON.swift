/// JSON and JSON lines output.
extension ResultWriter {
    /// An array of objects, one per line between the brackets; `[]` when empty.
    static func json(_ t: Table) -> String {
        if t.rowCount == 0 { return "[]\n" }
        let rows = (0..<t.rowCount).map { jsonObject(t, row: $0) }
        return "[\n" + rows.joined(separator: ",\n") + "\n]\n"
    }

    /// A JSON string literal for `s` (as cells are written): for text placed inside
    /// a JSON document by callers, such as an `explain` plan among several results.
    public static func jsonQuoted(_ s: String) -> String { jsonString(s) }

    /// One object per line.
    static func jsonLines(_ t: Table) -> String {
        (0..<t.rowCount).map { jsonObject(t, row: $0) + "\n" }.joined()
    }

    /// `{"col": value, ...}` with keys in column order.
    static func jsonObject(_ t: Table, row: Int) -> String {
        let members = t.columns.indices.map { c in
            jsonString(t.columns[c].name) + ":" + jsonValue(t.value(row: row, column: c))
        }
        return "{" + members.joined(separator: ",") + "}"
    }

    /// A value as JSON: NaN and infinities have no JSON spelling, so they become null.
    static func jsonValue(_ v: Value) -> String {
        switch v {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return d.isFinite ? Value.format(d) : "null"
        case .date, .text: return jsonString(v.description)
        }
    }

    /// A quoted JSON string with `"`, `\` and control characters escaped. DEL,
    /// C1 controls, bidi overrides and U+2028/U+2029 are escaped too (they break
    /// JavaScript and terminals; see ``TerminalText``), and `</` is written `<\/` so the text can sit inside an HTML
    /// `<script>` block without closing it.
    static func jsonString(_ s: String) -> String {
        var out = "\""
        var previous: Unicode.Scalar = " "
        for ch in s.unicodeScalars {
            defer { previous = ch }
            switch ch {
            case "/" where previous == "<": out += "\\/"
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if TerminalText.needsEscape(ch) {
                    let hex = String(ch.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(ch)
                }
            }
        }
        return out + "\""
    }
}
