import Foundation

/// Reads PDF documents into a Document. (Being built: issue 13.)
struct PDFDocumentReader: DocumentFormatReader {
    /// The document in `data`.
    func read(_ data: Data, name: String) throws(DecodeFailure) -> Document {
        throw DecodeFailure("reading PDF is not built yet")
    }
}
