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
            out += "\(bold)\(src.name):\(line):\(col):\(reset) \(sev): \(d.message)\n"
            out += snippet(src, span)
        } else if let src = d.source {
            out += "\(bold)\(src.name):\(reset) \(sev): \(d.message)\n"
        } else {
            out += "\(sev): \(d.message)\n"
        }
        for n in d.notes { out += "note: \(n)\n" }
        if let h = d.help { out += "help: \(h)\n" }
        return out
    }

    /// The source line holding the span's start, and a caret line under the span.
    private func snippet(_ src: SourceText, _ span: SourceSpan) -> String {
        let bytes = Array(src.text.utf8)
        let start = min(max(0, span.start), bytes.count)
        var ls = start
        while ls > 0 && bytes[ls - 1] != UInt8(ascii: "\n") { ls -= 1 }
        var le = start
        while le < bytes.count && bytes[le] != UInt8(ascii: "\n") { le += 1 }
        let lineText = String(decoding: bytes[ls..<le], as: UTF8.self)
        let lead = String(decoding: bytes[ls..<start], as: UTF8.self)
        let spanEnd = min(max(span.end, start), le)
        let width = max(1, String(decoding: bytes[start..<spanEnd], as: UTF8.self).count)
        let pad = String(lead.map { $0 == "\t" ? "\t" : " " })
        let caret = "^" + String(repeating: "~", count: width - 1)
        let green = color ? "\u{1B}[1;32m" : "", reset = color ? "\u{1B}[0m" : ""
        return "\(lineText)\n\(pad)\(green)\(caret)\(reset)\n"
    }
}
