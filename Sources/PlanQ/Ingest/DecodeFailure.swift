/// Why a document could not be read.
struct DecodeFailure: Error, Sendable {
    /// The message for the user.
    var message: String
    /// A failure with message `m`.
    init(_ m: String) { message = m }
}
