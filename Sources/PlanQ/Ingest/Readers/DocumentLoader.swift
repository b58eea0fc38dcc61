import Foundation

/// Picks the reader for a document's format and reads it into a ``Document``.
struct DocumentLoader {
    /// Documents larger than this are refused.
    var maxBytes: Int

    /// The document in `data`; `format` overrides detection.
    func load(_ data: Data, name: String, fileName: String, format: DocumentFormat? = nil) throws(DecodeFailure) -> Document {
        if data.isEmpty { throw DecodeFailure("the document is empty") }
        if data.count > maxBytes { throw DecodeFailure("the document is \(data.count) bytes, over the \(maxBytes)-byte limit") }
        let f = format ?? DocumentFormat.detect(data, name: fileName)
        return try reader(for: f).read(data, name: name)
    }

    /// The reader of format `f`.
    func reader(for f: DocumentFormat) -> any DocumentFormatReader {
        switch f {
        case .text: return TextDocumentReader()
        case .pdf: return PDFDocumentReader()
        case .html: return HTMLDocumentReader()
        case .xlsx: return XLSXDocumentReader()
        case .csv: return DelimitedDocumentReader(separator: ",")
        case .tsv: return DelimitedDocumentReader(separator: "\t")
        }
    }
}
