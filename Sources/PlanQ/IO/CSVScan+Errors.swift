/// The diagnostics ``CSVScan`` throws. Kept apart from the loop so the loop stays readable.
extension CSVScan {
    /// `"abc"x`: something other than a delimiter right after a closing quote.
    static func afterQuoteError(_ b: UnsafeBufferPointer<UInt8>, name: String, at i: Int, line: Int) -> Diagnostic {
        DataFileError.at(b, name: name, start: i, end: i + 1, line: line,
                         "unexpected character after a closing quote",
                         help: "a quote inside a quoted field is written twice (\"\")")
    }

    /// `ab"c`: a quote in a field that did not start with one.
    static func strayQuoteError(_ b: UnsafeBufferPointer<UInt8>, name: String, at i: Int, fieldStart: Int,
                                line: Int) -> Diagnostic {
        DataFileError.at(b, name: name, start: i, end: i + 1, line: line,
                         "quote inside an unquoted field",
                         help: "quote the whole field and double the quote: \"...\"\"...\"")
    }

    /// A row whose field count differs from the header's. `at` is the first extra
    /// field, or nil when fields are missing (the caret then marks the row's end).
    func raggedError(_ recordStart: Int, _ recordLine: Int, expected: Int, at: Int?, line: Int) throws -> Diagnostic {
        let record = try CSVRecord.parse(buf, from: recordStart, line: recordLine, name: name)
        let got = record.fields.count
        let plural = expected == 1 ? "" : "s"
        if let at {
            return DataFileError.at(buf, name: name, start: at, end: record.fields[expected].end, line: line,
                                    "row has \(got) fields but the header has \(expected) column\(plural)",
                                    help: "a comma inside a value needs the value to be quoted")
        }
        let last = record.fields[record.fields.count - 1]
        let missing = columnNames[got...].map { "'\($0)'" }.joined(separator: ", ")
        return DataFileError.at(buf, name: name, start: last.end, end: last.end, line: last.line,
                                "row has \(got) field\(got == 1 ? "" : "s") but the header has \(expected) column\(plural)",
                                notes: ["missing: \(missing)"])
    }

    /// A value that does not fit the type the schema declared for its column.
    func mismatchError(_ b: ColumnBuilder, column: Int, span: (Int, Int), line: Int) -> Diagnostic {
        let colName = columnNames[column]
        var s = span.0, e = span.1
        if s < e && buf[s] == UInt8(ascii: "\"") { s += 1; e -= 1 }
        let value = DataFileError.text(buf, s, e).split(separator: "\"\"", omittingEmptySubsequences: false)
            .joined(separator: "\"")
        if let e = b.enumType {
            return DataFileError.at(buf, name: name, start: span.0, end: span.1, line: line,
                                    "'\(value)' is not a value of enum '\(e.name)' for column '\(colName)'",
                                    notes: ["allowed values: " + e.values.joined(separator: ", ")],
                                    help: EditDistance.suggest(value, among: e.values).map { "did you mean '\($0)'?" })
        }
        let typeName: String
        switch b.kind {
        case .int: typeName = "int"
        case .double: typeName = "double"
        case .date: typeName = "date (YYYY-MM-DD)"
        case .bool: typeName = "bool (true/false)"
        default: typeName = "value"
        }
        return DataFileError.at(buf, name: name, start: span.0, end: span.1, line: line,
                                "\"\(value)\" is not a valid \(typeName) for column '\(colName)'")
    }
}
