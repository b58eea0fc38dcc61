import Foundation

/// A reader of one file format: turns a file's bytes into a ``Document``.
protocol DocumentFormatReader {
    /// The document in `data`, or a ``DecodeFailure`` saying why it cannot be read
    /// (encrypted, damaged, no text layer, not a zip, over a size limit, …).
    func read(_ data: Data, name: String) throws(DecodeFailure) -> Document
}
