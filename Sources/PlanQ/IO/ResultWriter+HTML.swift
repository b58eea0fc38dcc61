/// HTML output: a `<table>` fragment for reports and web pages.
extension ResultWriter {
    /// A `<table>` with a header row; numeric columns carry `class="num"` so a
    /// style sheet can right-align them. Every name and value goes through
    /// ``htmlEscape(_:)``, so a cell holding `<script>` shows as text.
    static func html(_ t: Table) -> String {
        var out = "<table>\n<thead><tr>"
        for c in t.columns { out += "<th>" + htmlEscape(c.name) + "</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for r in 0..<t.rowCount {
            out += "<tr>"
            for c in t.columns.indices {
                let v = t.value(row: r, column: c)
                let cls = t.columns[c].type.isNumeric ? " class=\"num\"" : ""
                out += "<td\(cls)>" + (v.isNull ? "" : htmlEscape(v.description)) + "</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    /// Text made safe in HTML element content and in quoted attribute values:
    /// `& < > " '` become entities, and control characters (which HTML cannot
    /// show, and a terminal would obey) are spelled out as ``TerminalText`` does.
    /// Reports and other HTML writers should use this one function.
    public static func htmlEscape(_ s: String) -> String {
        TextEscaper.escaping(TerminalText.visible(s)) {
            switch $0 {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\"": "&quot;"
            case "'": "&#39;"
            default: nil
            }
        }
    }
}
