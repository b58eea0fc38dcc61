import Foundation

/// Reads plain text: each line as it is (tab-separated rows stay rows), with tables laid out with
/// runs of spaces turned into tab rows (``SpacedTableLayout``), and tables exported one cell per
/// line folded into rows (``CellPerLineLayout``).
struct TextDocumentReader: DocumentFormatReader {
    /// The lines of `data` as UTF-8 (or Windows-1252) text.
    func read(_ data: Data, name: String) throws(DecodeFailure) -> Document {
        let sample = data.prefix(65536)
        if sample.contains(0) { throw DecodeFailure("the document looks binary (it holds NUL bytes); export it as text first") }
        guard let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .windowsCP1252) else {
            throw DecodeFailure("the document is not UTF-8 or Windows-1252 text")
        }
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw DecodeFailure("the document holds only whitespace") }
        var doc = Document(name: name, format: .text)
        let raw = text.components(separatedBy: "\n").map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
        // Tables laid out with spaces become tab rows; lines holding tabs are kept as they are.
        let lines = SpacedTableLayout.rewrite(raw)
        // Tables exported one cell per line become tab rows too, each at the line it starts.
        let rows = CellPerLineLayout.rewrite(lines)
        for r in rows {
            doc.appendRaw(r.text, origin: SourceOrigin(line: r.source + 1))
        }
        if lines != raw { doc.notes.append("\(zip(lines, raw).filter { $0 != $1 }.count) lines laid out with spaces read as table rows") }
        let folded = rows.filter { $0.text.contains("\t") && !lines[$0.source].contains("\t") }.count
        if folded > 0 { doc.notes.append("lines of one cell each folded into \(folded) table rows") }
        return doc
    }
}
