import Foundation

/// Reads HTML documents into a Document. (Being built: issue 13.)
struct HTMLDocumentReader: DocumentFormatReader {
    /// The document in `data`.
    func read(_ data: Data, name: String) throws(DecodeFailure) -> Document {
        throw DecodeFailure("reading HTML is not built yet")
    }
}
