/// Builds diagnostics that point into a data file.
///
/// A data file can be hundreds of megabytes, so a diagnostic carries only the one
/// physical line holding the problem (`SourceText.firstLine` = its line number)
/// and a span within it; the renderer then prints `file:line:col` and a caret.
enum DataFileError {
    /// A diagnostic for bytes `start..<end` of `bytes`, where `start` lies on physical line `line`.
    static func at(_ bytes: UnsafeBufferPointer<UInt8>, name: String, start: Int, end: Int, line: Int,
                   _ message: String, notes: [String] = [], help: String? = nil) -> Diagnostic {
        let s = min(max(0, start), bytes.count)
        var ls = s
        while ls > 0 && bytes[ls - 1] != UInt8(ascii: "\n") && bytes[ls - 1] != UInt8(ascii: "\r") { ls -= 1 }
        if ls == 0 && bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF && s >= 3 { ls = 3 }
        var le = s
        while le < bytes.count && bytes[le] != UInt8(ascii: "\n") && bytes[le] != UInt8(ascii: "\r") { le += 1 }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[ls..<le]), as: UTF8.self)
        let e = min(max(end, s), le)
        // Offsets in the decoded line equal byte offsets when the line is valid UTF-8,
        // which it is whenever the caret matters; invalid bytes only shift the caret.
        let span = SourceSpan(s - ls, e - ls)
        return Diagnostic(message, at: span, in: SourceText(name: name, text: text, firstLine: line),
                          notes: notes, help: help)
    }

    /// A diagnostic about a whole file (no position).
    static func file(_ name: String, _ message: String, notes: [String] = [], help: String? = nil) -> Diagnostic {
        Diagnostic(message, in: SourceText(name: name, text: ""), notes: notes, help: help)
    }

    /// A field's text for a message, shortened when very long.
    static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<max(start, end)]), as: UTF8.self)
        return s.count > 40 ? String(s.prefix(40)) + "…" : s
    }
}
