/// The hot loop of ``CSVReader``: finds field boundaries and feeds each field to
/// its column's ``ColumnBuilder``.
///
/// Works on a raw pointer over the file's bytes. Line numbers are counted as the
/// scan goes (a newline inside quotes counts), so an error can name its physical
/// line without a second look at the file.
struct CSVScan {
    /// The whole file.
    let buf: UnsafeBufferPointer<UInt8>
    /// The file name for diagnostics.
    let name: String
    /// Header names, for messages.
    let columnNames: [String]
    /// Extra null spellings as bytes, and a bitmask of their lengths (< 64) to skip most fields fast.
    private let tokens: [[UInt8]]
    private let tokenLengths: UInt64
    private(set) var rowCount = 0
    /// Unescaped bytes of the current field when it held `""` escapes.
    private var scratch = ContiguousArray<UInt8>()

    init(buf: UnsafeBufferPointer<UInt8>, name: String, columnNames: [String], nullTokens: [String]) {
        self.buf = buf
        self.name = name
        self.columnNames = columnNames
        let toks = nullTokens.filter { !$0.isEmpty }.map { Array($0.utf8) }
        tokens = toks
        var mask: UInt64 = 0
        for t in toks { mask |= t.count < 64 ? 1 << UInt64(t.count) : 1 << 63 }
        tokenLengths = mask
    }

    /// Scans every record after the header into `builders`.
    mutating func run(_ builders: inout ContiguousArray<ColumnBuilder>, from start: Int, line startLine: Int) throws {
        guard let p = buf.baseAddress else { return }
        let n = buf.count, ncols = builders.count
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        var pos = start, line = startLine, rows = 0
        try builders.withUnsafeMutableBufferPointer { b in
            while pos < n {
                if ncols > 1 && (p[pos] == lf || p[pos] == cr) {
                    pos += (p[pos] == cr && pos + 1 < n && p[pos + 1] == lf) ? 2 : 1
                    line += 1
                    continue
                }
                let recordStart = pos, recordLine = line
                var col = 0
                while true {
                    let fieldStart = pos, fieldLine = line
                    var fs = pos, fe = pos, quoted = false, escaped = false
                    if pos < n && p[pos] == quote {  // a trailing comma at the very end leaves pos == n
                        quoted = true
                        pos += 1
                        fs = pos
                        while true {
                            if pos >= n {
                                throw DataFileError.at(buf, name: name, start: fieldStart, end: fieldStart + 1,
                                                       line: fieldLine, "unterminated quoted field",
                                                       help: "close the field with a matching '\"'")
                            }
                            let c = p[pos]
                            if c == quote {
                                if pos + 1 < n && p[pos + 1] == quote { escaped = true; pos += 2; continue }
                                break
                            }
                            if c == lf { line += 1 }
                            pos += 1
                        }
                        fe = pos
                        pos += 1
                        if pos < n && p[pos] != comma && p[pos] != lf && p[pos] != cr {
                            throw CSVScan.afterQuoteError(buf, name: name, at: pos, line: line)
                        }
                    } else {
                        while pos < n {
                            let c = p[pos]
                            if c == comma || c == lf || c == cr { break }
                            if c == quote {
                                throw CSVScan.strayQuoteError(buf, name: name, at: pos, fieldStart: fieldStart, line: line)
                            }
                            pos += 1
                        }
                        fe = pos
                    }
                    if col >= ncols {
                        throw try raggedError(recordStart, recordLine, expected: ncols, at: fieldStart, line: fieldLine)
                    }
                    try feed(b.baseAddress.unsafelyUnwrapped + col, p + fs, fe - fs, quoted: quoted, escaped: escaped,
                             column: col, span: (fieldStart, quoted ? fe + 1 : fe), line: fieldLine)
                    col += 1
                    if pos >= n { break }
                    let c = p[pos]
                    if c == comma { pos += 1; continue }
                    pos += (c == cr && pos + 1 < n && p[pos + 1] == lf) ? 2 : 1
                    line += 1
                    break
                }
                if col != ncols {
                    throw try raggedError(recordStart, recordLine, expected: ncols, at: nil, line: line)
                }
                rows += 1
            }
        }
        rowCount = rows
    }

    /// Hands one field to its builder: null tokens first, then the typed append.
    @inline(__always)
    private mutating func feed(_ builder: UnsafeMutablePointer<ColumnBuilder>, _ p: UnsafePointer<UInt8>, _ len: Int,
                               quoted: Bool, escaped: Bool, column: Int, span: (Int, Int), line: Int) throws {
        if len == 0 && !quoted { builder.pointee.appendNull(); return }
        var outcome = ColumnBuilder.Outcome.ok
        if escaped {
            scratch.removeAll(keepingCapacity: true)
            var i = 0
            while i < len {
                scratch.append(p[i])
                i += p[i] == UInt8(ascii: "\"") ? 2 : 1
            }
            let isNull = isNullToken(scratch)
            outcome = scratch.withUnsafeBufferPointer { s in
                guard let base = s.baseAddress else { return .ok }
                if isNull { builder.pointee.appendNull(); return .ok }
                return builder.pointee.append(base, s.count)
            }
        } else if tokenLengths != 0 && tokenLengths >> UInt64(min(len, 63)) & 1 == 1
                    && isNullToken(UnsafeBufferPointer(start: p, count: len)) {
            builder.pointee.appendNull()
        } else {
            outcome = builder.pointee.append(p, len, quotedEmpty: quoted && len == 0)
        }
        if outcome == .mismatch {
            throw mismatchError(builder.pointee, column: column, span: span, line: line)
        }
    }

    private func isNullToken<C: Collection>(_ field: C) -> Bool where C.Element == UInt8 {
        tokens.contains { $0.count == field.count && $0.elementsEqual(field) }
    }
}
