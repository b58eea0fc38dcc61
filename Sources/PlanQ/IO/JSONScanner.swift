/// A small JSON scanner over bytes that reports the exact offset of every error.
///
/// Foundation's `JSONSerialization` says only that a line is invalid; a data file
/// error should point at the character. The scanner parses the scalars a loader
/// needs and validates (then keeps as raw text) nested arrays and objects.
struct JSONScanner {
    /// A syntax error at a byte offset.
    struct Failure: Error {
        /// What is wrong.
        var message: String
        /// Byte offset into the file.
        var offset: Int
    }

    /// The whole file.
    let b: UnsafeBufferPointer<UInt8>
    /// The next byte to read.
    var pos: Int
    /// Where the value ends (exclusive): the end of the line for JSON lines.
    let end: Int

    /// A scanner over `b[pos..<end]`.
    init(_ b: UnsafeBufferPointer<UInt8>, from pos: Int, to end: Int) {
        self.b = b
        self.pos = pos
        self.end = end
    }

    /// The byte at `pos`, or 0 at the end.
    var peek: UInt8 { pos < end ? b[pos] : 0 }

    /// Skips JSON whitespace.
    mutating func skipSpace() {
        while pos < end, b[pos] == 0x20 || b[pos] == 0x09 || b[pos] == 0x0A || b[pos] == 0x0D { pos += 1 }
    }

    /// Consumes `c` or fails with "expected `what`".
    mutating func expect(_ c: UInt8, _ what: String) throws {
        skipSpace()
        guard peek == c else { throw Failure(message: "expected \(what)\(found)", offset: pos) }
        pos += 1
    }

    /// ", found 'x'" or ", found the end of the line", for messages.
    var found: String {
        if pos >= end { return ", found the end of the line" }
        let c = b[pos]
        return c >= 0x20 && c < 0x7F ? ", found '\(Character(Unicode.Scalar(c)))'" : ""
    }

    /// A string starting at the opening quote at `pos`.
    mutating func string() throws -> String {
        let open = pos
        pos += 1
        var out: [UInt8] = []
        while true {
            guard pos < end else { throw Failure(message: "unterminated string", offset: open) }
            let c = b[pos]
            if c == UInt8(ascii: "\"") { pos += 1; break }
            if c < 0x20 { throw Failure(message: "control character in a string (escape it)", offset: pos) }
            if c != UInt8(ascii: "\\") { out.append(c); pos += 1; continue }
            pos += 1
            guard pos < end else { throw Failure(message: "unterminated string", offset: open) }
            let e = b[pos]
            pos += 1
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"): try unicodeEscape(into: &out)
            default: throw Failure(message: "invalid escape '\\\(Character(Unicode.Scalar(e)))'", offset: pos - 2)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `\uXXXX`, joining a surrogate pair when one follows.
    private mutating func unicodeEscape(into out: inout [UInt8]) throws {
        let at = pos - 2
        var v = try hex4(at)
        if v >= 0xD800 && v < 0xDC00, pos + 1 < end, b[pos] == UInt8(ascii: "\\"), b[pos + 1] == UInt8(ascii: "u") {
            pos += 2
            let lo = try hex4(at)
            if lo >= 0xDC00 && lo < 0xE000 { v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00) }
        }
        let scalar = Unicode.Scalar(v) ?? "\u{FFFD}"
        out.append(contentsOf: Array(String(Character(scalar)).utf8))
    }

    private mutating func hex4(_ at: Int) throws -> UInt32 {
        guard pos + 4 <= end else { throw Failure(message: "invalid \\u escape", offset: at) }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = b[pos] | 0x20
            let d: UInt8
            if c &- 48 <= 9 { d = c &- 48 } else if c >= UInt8(ascii: "a") && c <= UInt8(ascii: "f") { d = c - 87 } else {
                throw Failure(message: "invalid \\u escape", offset: at)
            }
            v = v << 4 | UInt32(d)
            pos += 1
        }
        return v
    }

    /// A number's extent, validated against the JSON grammar; `integral` when it has no fraction or exponent.
    mutating func number() throws -> (start: Int, end: Int, integral: Bool) {
        let s = pos
        if peek == UInt8(ascii: "-") { pos += 1 }
        guard peek &- 48 <= 9 else { throw Failure(message: "invalid number", offset: s) }
        if peek == UInt8(ascii: "0") { pos += 1 } else { while peek &- 48 <= 9 { pos += 1 } }
        var integral = true
        if peek == UInt8(ascii: ".") {
            integral = false
            pos += 1
            guard peek &- 48 <= 9 else { throw Failure(message: "invalid number", offset: s) }
            while peek &- 48 <= 9 { pos += 1 }
        }
        if peek | 0x20 == UInt8(ascii: "e") {
            integral = false
            pos += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { pos += 1 }
            guard peek &- 48 <= 9 else { throw Failure(message: "invalid number", offset: s) }
            while peek &- 48 <= 9 { pos += 1 }
        }
        return (s, pos, integral)
    }

    /// Consumes the literal `word` (`true`, `false`, `null`).
    mutating func literal(_ word: String) throws {
        let s = pos
        for c in word.utf8 {
            guard peek == c else { throw Failure(message: "invalid literal (expected '\(word)')", offset: s) }
            pos += 1
        }
    }

    /// Validates any value, nesting included, without building it.
    mutating func skipValue(depth: Int = 0) throws {
        skipSpace()
        guard depth < 512 else { throw Failure(message: "nesting is too deep", offset: pos) }
        switch peek {
        case UInt8(ascii: "{"):
            pos += 1
            skipSpace()
            if peek == UInt8(ascii: "}") { pos += 1; return }
            while true {
                skipSpace()
                guard peek == UInt8(ascii: "\"") else { throw Failure(message: "expected a key string\(found)", offset: pos) }
                _ = try string()
                try expect(UInt8(ascii: ":"), "':'")
                try skipValue(depth: depth + 1)
                skipSpace()
                if peek == UInt8(ascii: ",") { pos += 1; continue }
                try expect(UInt8(ascii: "}"), "',' or '}'")
                return
            }
        case UInt8(ascii: "["):
            pos += 1
            skipSpace()
            if peek == UInt8(ascii: "]") { pos += 1; return }
            while true {
                try skipValue(depth: depth + 1)
                skipSpace()
                if peek == UInt8(ascii: ",") { pos += 1; continue }
                try expect(UInt8(ascii: "]"), "',' or ']'")
                return
            }
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default:
            if peek == UInt8(ascii: "-") || peek &- 48 <= 9 { _ = try number(); return }
            throw Failure(message: "expected a value\(found)", offset: pos)
        }
    }
}
