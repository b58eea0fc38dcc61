import Foundation

/// Reads plain text: each line as it is (tab-separated rows stay rows).
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
        for (i, raw) in text.components(separatedBy: "\n").enumerated() {
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : raw
            doc.appendRaw(line, origin: SourceOrigin(line: i + 1))
        }
        return doc
    }
}
