/// Loads an RFC 4180 CSV file into a columnar ``Table``.
///
/// The file is read once into memory and scanned as bytes: field boundaries are
/// found by a small state machine, and each field goes straight into its column's
/// typed buffer (``ColumnBuilder``), so a number never becomes a `String` and a
/// text value becomes one only the first time the column sees it. Type inference
/// happens during the same scan; a column that turns out to be text after other
/// values were consumed is re-read on its own in a second pass.
///
/// Accepted: a header row, quoted fields with `""` escapes, commas and newlines in
/// quotes, CRLF or LF (or lone CR) line ends, an optional UTF-8 BOM, an optional
/// final newline. Blank lines are skipped when the table has more than one column.
/// Any error throws a ``Diagnostic`` pointing at `file:line:col`; nothing is
/// half-loaded.
public struct CSVReader: TableFileReader, Sendable {
    /// Declared types and extra null tokens for the table.
    public var schema: TableSchema
    /// Threads for parsing a large file in chunks (see `CSVReader+Parallel.swift`).
    public var threads: Int
    /// The smallest chunk worth a thread (tests make it tiny).
    public var chunkBytes = CSVReader.defaultChunkBytes

    /// A reader applying `schema` (declared types, extra null tokens).
    public init(schema: TableSchema = TableSchema(), threads: Int = 1) {
        self.schema = schema
        self.threads = threads
    }

    /// Loads CSV `bytes`; `name` is the file name used in diagnostics.
    public func read(bytes: [UInt8], name: String, tableName: String) throws -> Table {
        try bytes.withUnsafeBufferPointer { buf in
            try readBuffer(buf, name: name, tableName: tableName)
        }
    }

    private func readBuffer(_ buf: UnsafeBufferPointer<UInt8>, name: String, tableName: String) throws -> Table {
        try TextCheck.requireText(buf, name: name)
        let hasBOM = buf.count >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF
        let start = hasBOM ? 3 : 0
        if start >= buf.count {
            throw DataFileError.file(name, "the file is empty; a CSV file needs a header row")
        }
        let header = try CSVRecord.parse(buf, from: start, line: 1, name: name)
        let names = try checkHeader(header.fields, buf, name: name)
        let missing = schema.missingColumns(in: names)
        if let first = missing.first {
            let list = missing.map { "'\($0)'" }.joined(separator: ", ")
            throw DataFileError.file(
                name, "schema.json declares column\(missing.count > 1 ? "s" : "") \(list) for table '\(tableName)', "
                    + "but the file has no such column",
                notes: ["the file's columns are: " + names.joined(separator: ", ")],
                help: EditDistance.suggest(first, among: names).map { "did you mean '\($0)'?" })
        }
        // Reserve from the header's share of the file: a cheap guess at the row count.
        let headerBytes = max(1, header.next - start)
        let guess = min(buf.count / max(headerBytes, names.count * 2), 1 << 26)
        if threads > 1, let table = readParallel(buf, names: names, from: header.next, rowGuess: guess,
                                                 name: name, tableName: tableName) {
            return table
        }
        let (builders, rows) = try scanRecords(buf, names: names, from: header.next, to: buf.count,
                                               line: header.nextLine, reserve: guess, name: name)
        let columns = zip(names, builders).map { Column(name: $0, vector: $1.finish()) }
        return Table(name: tableName, columns: columns, rowCount: rows)
    }

    /// Scans the records in `from..<to` (whole lines; `line` is the line `from`
    /// starts on) into fresh builders: the serial read and each chunk of the parallel one.
    func scanRecords(_ buf: UnsafeBufferPointer<UInt8>, names: [String], from: Int, to: Int, line: Int,
                     reserve: Int, name: String) throws -> (builders: ContiguousArray<ColumnBuilder>, rows: Int) {
        let sub = UnsafeBufferPointer(rebasing: buf[0..<to])
        var builders = ContiguousArray(names.map { ColumnBuilder(type: schema.type(of: $0)) })
        for i in builders.indices { builders[i].reserve(reserve) }
        var scan = CSVScan(buf: sub, name: name, columnNames: names, nullTokens: schema.nullTokens)
        try scan.run(&builders, from: from, line: line)
        for i in builders.indices { builders[i].settle() }
        if builders.contains(where: { $0.needsTextPass }) {
            // Second pass: only the columns that became text; the rest are left as they are.
            var second = ContiguousArray(builders.map { b -> ColumnBuilder in
                var c = ColumnBuilder.skipping()
                if b.needsTextPass { c = b; c.restartAsText() }
                return c
            })
            try scan.run(&second, from: from, line: line)
            for i in builders.indices where builders[i].needsTextPass { builders[i] = second[i] }
        }
        return (builders, scan.rowCount)
    }

    /// Header names must be present and distinct (case-insensitively, as lookups are).
    private func checkHeader(_ fields: [CSVRecord.Field], _ buf: UnsafeBufferPointer<UInt8>,
                             name: String) throws -> [String] {
        var seen: [String: Int] = [:]
        for (i, f) in fields.enumerated() {
            if f.text.isEmpty {
                throw DataFileError.at(buf, name: name, start: f.start, end: f.end, line: f.line,
                                       "column \(i + 1) of the header has an empty name")
            }
            if let j = seen[f.text.lowercased()] {
                throw DataFileError.at(buf, name: name, start: f.start, end: f.end, line: f.line,
                                       "duplicate column name '\(f.text)' in the header",
                                       notes: ["column \(j + 1) is also named '\(fields[j].text)'"])
            }
            seen[f.text.lowercased()] = i
        }
        return fields.map(\.text)
    }
}
