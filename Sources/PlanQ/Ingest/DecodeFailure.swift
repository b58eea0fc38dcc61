/// Why a document could not be read.
struct DecodeFailure: Error, Sendable {
    var message: String
    init(_ m: String) { message = m }
}
