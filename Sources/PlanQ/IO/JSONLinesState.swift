/// The columns of a JSON lines file being read, one line at a time.
struct JSONLinesState {
    /// A value that does not fit its column's declared type, with its byte range.
    struct Mismatch: Error {
        /// What is wrong.
        var message: String
        /// Byte range of the value.
        var start: Int
        var end: Int
        var notes: [String] = []
        var help: String?
    }

    /// Declared types and null tokens.
    let schema: TableSchema
    private(set) var columns: [JSONColumn] = []
    private var index: [String: Int] = [:]
    private(set) var rows = 0
    private let nullTokens: Set<String>

    /// An empty state for a file read with `schema`.
    init(schema: TableSchema) {
        self.schema = schema
        nullTokens = Set(schema.nullTokens)
    }

    /// Reads the line `start..<end` (a blank line adds no row).
    mutating func readLine(_ b: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) throws {
        var s = JSONScanner(b, from: start, to: end)
        s.skipSpace()
        if s.pos >= end { return }
        guard s.peek == UInt8(ascii: "{") else {
            throw JSONScanner.Failure(message: "expected a JSON object on this line\(s.found)", offset: s.pos)
        }
        s.pos += 1
        var seen = Set<Int>()
        s.skipSpace()
        if s.peek == UInt8(ascii: "}") { s.pos += 1 } else {
            while true {
                s.skipSpace()
                guard s.peek == UInt8(ascii: "\"") else {
                    throw JSONScanner.Failure(message: "expected a key string\(s.found)", offset: s.pos)
                }
                let keyStart = s.pos
                let key = try s.string()
                try s.expect(UInt8(ascii: ":"), "':'")
                s.skipSpace()
                let valueStart = s.pos
                let cell = try value(&s)
                let c = column(key)
                if !seen.insert(c).inserted {
                    throw Mismatch(message: "duplicate key '\(key)' in this object", start: keyStart, end: valueStart)
                }
                try check(cell, column: c, start: valueStart, end: s.pos)
                columns[c].cells.append(cell)
                s.skipSpace()
                if s.peek == UInt8(ascii: ",") { s.pos += 1; continue }
                try s.expect(UInt8(ascii: "}"), "',' or '}'")
                break
            }
        }
        s.skipSpace()
        if s.pos < end {
            throw JSONScanner.Failure(message: "unexpected text after the object", offset: s.pos)
        }
        rows += 1
        for c in columns.indices where columns[c].cells.count < rows { columns[c].cells.append(.null) }
    }

    /// The index of the column for `key`, adding it (null in earlier rows) when new.
    private mutating func column(_ key: String) -> Int {
        if let c = index[key] { return c }
        let c = columns.count
        columns.append(JSONColumn(name: key, declared: schema.type(of: key), nullRowsBefore: rows))
        index[key] = c
        return c
    }

    /// One member value as a cell.
    private mutating func value(_ s: inout JSONScanner) throws -> JSONColumn.Cell {
        switch s.peek {
        case UInt8(ascii: "\""):
            let str = try s.string()
            return nullTokens.contains(str) ? .null : .string(str)
        case UInt8(ascii: "t"): try s.literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try s.literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try s.literal("null"); return .null
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let start = s.pos
            try s.skipValue()
            return .raw(String(decoding: UnsafeBufferPointer(rebasing: s.b[start..<s.pos]), as: UTF8.self))
        default:
            guard s.peek == UInt8(ascii: "-") || s.peek &- 48 <= 9 else {
                throw JSONScanner.Failure(message: "expected a value\(s.found)", offset: s.pos)
            }
            let (a, e, integral) = try s.number()
            let p = s.b.baseAddress.unsafelyUnwrapped + a
            if integral, let v = FieldParser.parseInt(p, e - a) { return .int(v) }
            let text = String(decoding: UnsafeBufferPointer(start: p, count: e - a), as: UTF8.self)
            return .double(FieldParser.parseDouble(p, e - a) ?? 0, text)
        }
    }

    /// Checks a value against the column's declared type.
    private func check(_ cell: JSONColumn.Cell, column c: Int, start: Int, end: Int) throws {
        guard let type = columns[c].declared else { return }
        let name = columns[c].name
        let ok: Bool
        switch (type, cell) {
        case (_, .null), (.text, _): ok = true
        case (.int, .int): ok = true
        case (.int, .string(let s)): ok = JSONColumn.parse(s, FieldParser.parseInt) != nil
        case (.double, .int), (.double, .double): ok = true
        case (.double, .string(let s)): ok = JSONColumn.parse(s, FieldParser.parseDouble) != nil
        case (.bool, .bool): ok = true
        case (.bool, .string(let s)): ok = JSONColumn.parse(s, FieldParser.parseBool) != nil
        case (.date, .string(let s)): ok = JSONColumn.parse(s, FieldParser.parseDate) != nil
        case (.enumeration(let e), .string(let s)):
            if e.code(of: s) == nil {
                throw Mismatch(message: "'\(s)' is not a value of enum '\(e.name)' for column '\(name)'",
                               start: start, end: end, notes: ["allowed values: " + e.values.joined(separator: ", ")],
                               help: EditDistance.suggest(s, among: e.values).map { "did you mean '\($0)'?" })
            }
            ok = true
        default: ok = false
        }
        if !ok {
            var shown = JSONColumn.text(cell) ?? "null"
            if shown.count > 40 { shown = String(shown.prefix(40)) + "…" }
            if case .string = cell { shown = "\"\(shown)\"" }
            let typeName = type == .date ? "date (YYYY-MM-DD)" : type.description
            throw Mismatch(message: "\(shown) is not a valid "
                                + "\(typeName) for column '\(name)'", start: start, end: end)
        }
    }
}
