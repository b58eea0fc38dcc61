/// Renders a result ``Table`` as text in one of the ``ResultFormat``s.
///
/// Writers read boxed values through ``Table/value(row:column:)``: output is at
/// most a screenful or a file, so clarity beats speed here.
public enum ResultWriter {
    /// The longest cell the table format shows in full; longer ones are cut with `…`.
    public static let defaultCellLimit = 60

    /// The whole result as text, ending in a newline. `maxWidth` (table format only)
    /// narrows the widest columns so a line fits a terminal; `cellLimit` (table format
    /// only) is the longest cell shown in full (the shell's `.maxwidth`).
    public static func render(_ table: Table, format: ResultFormat, maxWidth: Int? = nil,
                              cellLimit: Int = ResultWriter.defaultCellLimit) -> String {
        switch format {
        case .table: return TableLayout(table, maxWidth: maxWidth, cellLimit: cellLimit).render()
        case .csv: return DelimitedWriter(table: table, separator: UInt8(ascii: ","), escape: csvField, quoteEmpty: true).render()
        case .tsv: return DelimitedWriter(table: table, separator: UInt8(ascii: "\t"), escape: tsvField, quoteEmpty: false).render()
        case .json: return json(table)
        case .jsonl: return jsonLines(table)
        case .markdown: return markdown(table)
        case .html: return html(table)
        }
    }

    /// `1 row`, `0 rows`, `1,234 rows`.
    public static func rowCountFooter(_ n: Int) -> String {
        "\(groupThousands(n)) \(n == 1 ? "row" : "rows")"
    }

    /// `1234567` → `1,234,567`.
    static func groupThousands(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }

    /// The text of a non-null value as every plain-text format prints it.
    static func plain(_ v: Value) -> String {
        switch v {
        case .null: return ""
        default: return v.description
        }
    }

    /// RFC 4180: quote when the field holds a comma, quote, CR or LF; double the quotes.
    static func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return s }
        return "\"" + replacing(s, "\"", "\"\"") + "\""
    }

    /// Backslash escapes for the characters TSV cannot hold.
    static func tsvField(_ s: String) -> String {
        TextEscaper.escaping(s) {
            switch $0 {
            case "\t": "\\t"
            case "\n": "\\n"
            case "\r": "\\r"
            case "\\": "\\\\"
            default: nil
            }
        }
    }

    private static func markdown(_ t: Table) -> String {
        // Markdown is read on terminals and rendered as HTML: pipes would split the
        // cell, line breaks the row, and `<`/`&` would be taken as HTML (`<script>`).
        func cell(_ s: String) -> String {
            var x = replacing(s, "\\", "\\\\")
            x = replacing(x, "&", "&amp;")
            x = replacing(x, "<", "&lt;")
            x = replacing(x, ">", "&gt;")
            x = replacing(x, "|", "\\|")
            x = replacing(x, "\r\n", "<br>")
            x = replacing(x, "\n", "<br>")
            return TerminalText.visible(x)
        }
        var out = "| " + t.columns.map { cell($0.name) }.joined(separator: " | ") + " |\n"
        out += "|" + t.columns.map { $0.type.isNumeric ? " ---: |" : " --- |" }.joined() + "\n"
        for r in 0..<t.rowCount {
            out += "| " + t.columns.indices.map { c in cell(t.value(row: r, column: c).description) }
                .joined(separator: " | ") + " |\n"
        }
        return out
    }
}

extension ResultWriter {
    /// `s` with every occurrence of `target` replaced by `replacement`.
    static func replacing(_ s: String, _ target: String, _ replacement: String) -> String {
        var out = ""
        var rest = Substring(s)
        while let r = rest.firstRange(of: target) {
            out += rest[..<r.lowerBound]
            out += replacement
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}
