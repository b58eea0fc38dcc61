/// The one place diagnostics become text:
///
///     <query>:1:18: error: unknown column 'statu'; did you mean 'status'?
///     indicators where statu = red
///                      ^~~~~
///
/// Columns count characters (not bytes) from 1, so a caret lines up under
/// non-ASCII text too.
public struct DiagnosticRenderer: Sendable {
    public var color: Bool

    public init(color: Bool) { self.color = color }

    /// Line and column (1-based) of a byte offset in `source`.
    public static func position(of offset: Int, in source: SourceText) -> (line: Int, column: Int) {
        let bytes = Array(source.text.utf8)
        let end = min(max(0, offset), bytes.count)
        var line = 0, lineStart = 0
        for i in 0..<end where bytes[i] == UInt8(ascii: "\n") {
            line += 1
            lineStart = i + 1
        }
        let col = String(decoding: bytes[lineStart..<end], as: UTF8.self).count + 1
        return (source.firstLine + line, col + (line == 0 ? source.columnOffset : 0))
    }

    public func render(_ d: Diagnostic) -> String {
        let red = color ? "\u{1B}[1;31m" : "", bold = color ? "\u{1B}[1m" : "", reset = color ? "\u{1B}[0m" : ""
        let sev = d.severity == .error ? "\(red)error\(reset)" : d.severity.rawValue
        var out = ""
        if let src = d.source, let span = d.span {
            let (line, col) = DiagnosticRenderer.position(of: span.start, in: src)
            out += "\(bold)\(src.name):\(line):\(col):\(reset) \(sev): \(safe(d.message))\n"
            out += snippet(src, span)
        } else if let src = d.source {
            out += "\(bold)\(src.name):\(reset) \(sev): \(safe(d.message))\n"
        } else {
            out += "\(sev): \(safe(d.message))\n"
        }
        for n in d.notes { out += "note: \(safe(n))\n" }
        if let h = d.help { out += "help: \(safe(h))\n" }
        return out
    }

    /// Messages quote data (a bad CSV field, a regex's value): control
    /// characters in them are spelled out, so an error cannot drive the terminal.
    private func safe(_ s: String) -> String { TerminalText.visible(s, keepLayout: true) }

    /// Source lines longer than this many characters are shown as a window
    /// around the caret (a 10,000-parenthesis line would otherwise fill the screen).
    static let maxSnippetWidth = 200

    /// The source line holding the span's start, and a caret line under the span.
    private func snippet(_ src: SourceText, _ span: SourceSpan) -> String {
        let bytes = Array(src.text.utf8)
        let start = min(max(0, span.start), bytes.count)
        var ls = start
        while ls > 0 && bytes[ls - 1] != UInt8(ascii: "\n") { ls -= 1 }
        var le = start
        while le < bytes.count && bytes[le] != UInt8(ascii: "\n") { le += 1 }
        var lineText = String(decoding: bytes[ls..<le], as: UTF8.self)
        var lead = String(decoding: bytes[ls..<start], as: UTF8.self)
        let spanEnd = min(max(span.end, start), le)
        var width = max(1, String(decoding: bytes[start..<spanEnd], as: UTF8.self).count)
        let total = lineText.count
        if total > DiagnosticRenderer.maxSnippetWidth {
            // A window of the line with the caret 60 characters in, "…" where cut.
            let chars = Array(lineText), at = lead.count
            let from = max(0, min(at - 60, total - DiagnosticRenderer.maxSnippetWidth))
            let to = min(total, from + DiagnosticRenderer.maxSnippetWidth)
            lineText = (from > 0 ? "…" : "") + String(chars[from..<to]) + (to < total ? "…" : "")
            lead = (from > 0 ? "…" : "") + String(chars[from..<at])
            width = max(1, min(width, to - at))
        }
        // Control characters are spelled out; the caret line is padded to match.
        lineText = safe(lineText)
        let pad = String(safe(lead).map { $0 == "\t" ? "\t" : " " })
        let caret = "^" + String(repeating: "~", count: width - 1)
        let green = color ? "\u{1B}[1;32m" : "", reset = color ? "\u{1B}[0m" : ""
        return "\(lineText)\n\(pad)\(green)\(caret)\(reset)\n"
    }
}
