/// Loads a JSON lines file (one object per line) into a ``Table``.
///
/// Columns are the union of the objects' keys in first-seen order; a key missing
/// from a line is null there. Blank lines are skipped. Numbers become int when all
/// are integral and fit `Int64`, else double; strings become text, or dates when
/// every one is `YYYY-MM-DD`; nested arrays and objects are kept as JSON text.
/// A type declared by the schema is checked value by value, and every error names
/// the file, line and column.
public struct JSONLinesReader: TableFileReader, Sendable {
    /// Declared types and extra null tokens (matched against string values).
    public var schema: TableSchema

    /// A reader applying `schema` (declared types, extra null tokens).
    public init(schema: TableSchema = TableSchema()) {
        self.schema = schema
    }

    /// Loads JSON lines `bytes`; `name` is the file name used in diagnostics.
    public func read(bytes: [UInt8], name: String, tableName: String) throws -> Table {
        try bytes.withUnsafeBufferPointer { buf in
            try TextCheck.requireText(buf, name: name)
            var state = JSONLinesState(schema: schema)
            var pos = buf.count >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF ? 3 : 0
            var line = 1
            while pos < buf.count {
                var end = pos
                while end < buf.count && buf[end] != UInt8(ascii: "\n") { end += 1 }
                do {
                    try state.readLine(buf, from: pos, to: end)
                } catch let f as JSONScanner.Failure {
                    throw DataFileError.at(buf, name: name, start: f.offset, end: f.offset + 1, line: line, f.message)
                } catch let m as JSONLinesState.Mismatch {
                    throw DataFileError.at(buf, name: name, start: m.start, end: m.end, line: line, m.message,
                                           notes: m.notes, help: m.help)
                }
                pos = end + 1
                line += 1
            }
            if state.columns.isEmpty && state.rows == 0 {
                throw DataFileError.file(name, "the file has no JSON objects")
            }
            let missing = schema.missingColumns(in: state.columns.map(\.name))
            if let first = missing.first {
                throw DataFileError.file(
                    name, "schema.json declares column '\(first)' for table '\(tableName)', but no line has that key",
                    help: EditDistance.suggest(first, among: state.columns.map(\.name)).map { "did you mean '\($0)'?" })
            }
            let columns = state.columns.map { Column(name: $0.name, vector: $0.finish()) }
            return Table(name: tableName, columns: columns, rowCount: state.rows)
        }
    }
}
