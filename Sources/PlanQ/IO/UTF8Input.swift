import Foundation

/// Query text from outside (`-c`, `-f`, standard input, the shell, `.read`,
/// report files, `--param` values) is decoded here, strictly: bytes that are not
/// UTF-8 are refused with their offset, never replaced. A lossy decode would turn
/// a Latin-1 `é` into U+FFFD and a filter on it would silently match nothing.
public enum UTF8Input {
    /// `bytes` as a string, or a diagnostic `name:line:col` with the offending
    /// byte and its offset. NUL bytes are allowed (the lexer reports them).
    public static func decode(_ bytes: [UInt8], name: String) throws -> String {
        try bytes.withUnsafeBufferPointer { buf in
            if let i = TextCheck.firstInvalid(buf, count: buf.count, cutAtEndAllowed: false, nulIsInvalid: false) {
                throw error(buf, name: name, at: i)
            }
            return String(decoding: buf, as: UTF8.self)
        }
    }

    /// The offset of the first byte of `bytes` that is not well-formed UTF-8, or nil.
    public static func firstInvalidByte(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { TextCheck.firstInvalid($0, count: $0.count, cutAtEndAllowed: false, nulIsInvalid: false) }
    }

    /// The text of the file at `path`: refused when it is not a regular file
    /// (a folder, a FIFO, a device), larger than `maxBytes`, or not UTF-8.
    public static func readFile(_ path: String, maxBytes: Int = Parser.maxSourceBytes) throws -> String {
        try decode(FileBytes.read(path, maxBytes: maxBytes, what: "file"), name: path)
    }

    /// A diagnostic pointing at byte `i` of `buf` (line and column of that byte).
    static func error(_ buf: UnsafeBufferPointer<UInt8>, name: String, at i: Int) -> Diagnostic {
        var line = 1
        for k in 0..<i where buf[k] == UInt8(ascii: "\n") { line += 1 }
        return DataFileError.at(buf, name: name, start: i, end: i + 1, line: line,
                                "not UTF-8 text: byte 0x\(String(buf[i], radix: 16, uppercase: true)) at offset \(i)",
                                help: "planq reads queries as UTF-8; convert the text (e.g. iconv -f latin1 -t utf-8)")
    }
}
