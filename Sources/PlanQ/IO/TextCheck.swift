/// Rejects files that are not text before a loader spends time (and memory) on
/// them: a binary file passed as CSV should fail at once with a clear message,
/// not after building a table of garbage.
///
/// Only the first block is inspected (``blockSize`` bytes): a NUL byte there, or
/// bytes that are not UTF-8, mark the file as binary or in another encoding.
/// A UTF-8 sequence cut by the block's end is allowed.
enum TextCheck {
    /// Bytes inspected at the start of a file.
    static let blockSize = 64 * 1024

    /// Throws a diagnostic naming `name` when the first block of `buf` is not UTF-8 text.
    static func requireText(_ buf: UnsafeBufferPointer<UInt8>, name: String) throws {
        let n = min(buf.count, blockSize)
        if let i = firstInvalid(buf, count: n, cutAtEndAllowed: n < buf.count) {
            if buf[i] == 0 {
                throw binary(buf, name: name, at: i, "the file contains a NUL byte at offset \(i); it looks binary, not text")
            }
            throw invalid(buf, name: name, at: i)
        }
    }

    /// The offset of the first byte of `buf[0..<count]` that does not start a
    /// well-formed UTF-8 sequence (or that is NUL when `nulIsInvalid`), or nil.
    /// Overlong forms and surrogates are invalid. A sequence cut by `count` is
    /// allowed only when `cutAtEndAllowed` (a block cut from a longer file).
    /// The one UTF-8 check for data files and query text (``UTF8Input``).
    static func firstInvalid(_ buf: UnsafeBufferPointer<UInt8>, count n: Int, cutAtEndAllowed: Bool,
                             nulIsInvalid: Bool = true) -> Int? {
        var i = 0
        while i < n {
            let b = buf[i]
            if b == 0 && nulIsInvalid { return i }
            if b < 0x80 { i += 1; continue }
            let length = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0
            if length == 0 { return i }
            if i + length > n && !cutAtEndAllowed { return i }
            var k = 1
            while k < length && i + k < n {
                if buf[i + k] & 0xC0 != 0x80 { return i }
                k += 1
            }
            // Overlong and surrogate forms (E0 80..9F, ED A0..BF, F0 80..8F, F4 90..).
            if i + 1 < n {
                let c = buf[i + 1]
                if (b == 0xE0 && c < 0xA0) || (b == 0xED && c >= 0xA0) || (b == 0xF0 && c < 0x90) || (b == 0xF4 && c >= 0x90) {
                    return i
                }
            }
            i += length
        }
        return nil
    }

    private static func invalid(_ buf: UnsafeBufferPointer<UInt8>, name: String, at i: Int) -> Diagnostic {
        binary(buf, name: name, at: i, "the file is not UTF-8 text: byte 0x\(String(buf[i], radix: 16, uppercase: true)) at offset \(i)",
               help: "if it is a spreadsheet export in Windows-1252/Latin-1, save it again as \"CSV UTF-8\"")
    }

    private static func binary(_ buf: UnsafeBufferPointer<UInt8>, name: String, at i: Int, _ message: String,
                               help: String? = "pass a .csv or .jsonl text file") -> Diagnostic {
        var line = 1
        for k in 0..<i where buf[k] == UInt8(ascii: "\n") { line += 1 }
        return DataFileError.at(buf, name: name, start: i, end: i + 1, line: line, message, help: help)
    }
}
