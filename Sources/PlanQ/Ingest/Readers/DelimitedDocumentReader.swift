import Foundation

/// Reads a CSV or TSV file as one table with a header. (Being built: issue 13.)
struct DelimitedDocumentReader: DocumentFormatReader {
    /// The field separator.
    var separator: Character

    /// The document in `data`.
    func read(_ data: Data, name: String) throws(DecodeFailure) -> Document {
        throw DecodeFailure("reading delimited files is not built yet")
    }
}
