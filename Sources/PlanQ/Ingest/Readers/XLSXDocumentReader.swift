import Foundation

/// Reads xlsx documents into a Document. (Being built: issue 13.)
struct XLSXDocumentReader: DocumentFormatReader {
    /// The document in `data`.
    func read(_ data: Data, name: String) throws(DecodeFailure) -> Document {
        throw DecodeFailure("reading xlsx is not built yet")
    }
}
