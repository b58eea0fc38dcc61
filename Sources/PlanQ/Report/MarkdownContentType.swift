import Mustache

/// Escapes data for GitHub Markdown: HTML-significant characters become entities
/// (so `<script>` shows as text), Markdown punctuation gets a backslash, `|` cannot
/// end a table cell, and a line break cannot end a table row.
struct MarkdownContentType: MustacheContentType {
    static let name = "MARKDOWN"

    func escapeText(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\n", "\r": out += " "
            case "\\", "|", "*", "_", "`", "[", "]", "#", "~": out += "\\" + String(ch)
            default: out.append(ch)
            }
        }
        return out
    }
}
