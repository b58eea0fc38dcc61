/// Every record of a small CSV file as text, for callers that want fields rather than a typed
/// ``Table``: the ingest's reference list, overrides and CSV documents (whose rows may be ragged,
/// whose headers may repeat or be empty). Same rules and messages as ``CSVReader``.
extension CSVRecord {
    /// The records of `bytes` with the physical line each starts on; blank lines skipped, a UTF-8
    /// BOM ignored. A syntax error (a stray or unterminated quote) throws a diagnostic with its position.
    static func records(_ bytes: [UInt8], name: String) throws -> [(line: Int, fields: [String])] {
        try bytes.withUnsafeBufferPointer { buf in
            var out: [(line: Int, fields: [String])] = []
            var pos = buf.count >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF ? 3 : 0
            var line = 1
            while pos < buf.count {
                let rec = try parse(buf, from: pos, line: line, name: name)
                let fields = rec.fields.map(\.text)
                if !(fields.count == 1 && fields[0].isEmpty) { out.append((line, fields)) }
                pos = rec.next
                line = rec.nextLine
            }
            return out
        }
    }

    /// The records of `text` (see ``records(_:name:)``).
    static func records(_ text: String, name: String) throws -> [(line: Int, fields: [String])] {
        try records(Array(text.utf8), name: name)
    }
}
