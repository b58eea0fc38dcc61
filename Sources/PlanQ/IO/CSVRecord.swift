/// One CSV record parsed slowly into Strings: the header, and the extra look at a
/// ragged row needed to say how many fields it has.
struct CSVRecord {
    /// A field with its byte range (quotes included) and the line it starts on.
    struct Field {
        /// The unquoted, unescaped text.
        var text: String
        /// Offset of the first byte (the opening quote if quoted).
        var start: Int
        /// Offset just past the last byte.
        var end: Int
        /// Physical line of `start`.
        var line: Int
    }

    /// The record's fields in order.
    var fields: [Field]
    /// Offset just past the record's line end.
    var next: Int
    /// Physical line number of `next`.
    var nextLine: Int

    /// Parses the record starting at `pos` (on physical line `line`).
    static func parse(_ b: UnsafeBufferPointer<UInt8>, from pos: Int, line: Int, name: String) throws -> CSVRecord {
        var fields: [Field] = []
        var i = pos, ln = line
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        while true {
            let fs = i, fline = ln
            var bytes: [UInt8] = []
            if i < b.count && b[i] == quote {
                i += 1
                while true {
                    guard i < b.count else {
                        throw DataFileError.at(b, name: name, start: fs, end: fs + 1, line: fline,
                                               "unterminated quoted field",
                                               help: "close the field with a matching '\"'")
                    }
                    if b[i] == quote {
                        if i + 1 < b.count && b[i + 1] == quote { bytes.append(quote); i += 2; continue }
                        i += 1
                        break
                    }
                    if b[i] == lf { ln += 1 }
                    bytes.append(b[i])
                    i += 1
                }
                if i < b.count && b[i] != comma && b[i] != lf && b[i] != cr {
                    throw CSVScan.afterQuoteError(b, name: name, at: i, line: ln)
                }
            } else {
                while i < b.count && b[i] != comma && b[i] != lf && b[i] != cr {
                    if b[i] == quote {
                        throw CSVScan.strayQuoteError(b, name: name, at: i, fieldStart: fs, line: ln)
                    }
                    bytes.append(b[i])
                    i += 1
                }
            }
            fields.append(Field(text: String(decoding: bytes, as: UTF8.self), start: fs, end: i, line: fline))
            if i >= b.count { return CSVRecord(fields: fields, next: i, nextLine: ln) }
            if b[i] == comma { i += 1; continue }
            if b[i] == cr && i + 1 < b.count && b[i + 1] == lf { i += 1 }
            return CSVRecord(fields: fields, next: i + 1, nextLine: ln + 1)
        }
    }
}
