import Foundation

/// The contents of a data directory's `schema.json`: shared enums, null tokens,
/// and per-table column types and join keys.
///
///     { "enums": { "rag": ["red", "amber", "green"] },
///       "null": ["", "N/A"],
///       "tables": { "indicators": {
///           "columns": { "status": {"type": "enum", "enum": "rag"}, "due": {"type": "date"} },
///           "null": ["TBC"],
///           "join_keys": {"outcomes": ["plan", "outcome_no"]} } } }
///
/// Decoding rejects unknown keys and unknown types, so a typo in the schema is an
/// error instead of a silently inferred column. ``load(_:)`` turns decoding errors
/// into a ``Diagnostic`` naming `schema.json` and the path to the bad entry.
public struct DatasetSchema: Decodable, Sendable {
    /// Named enums shared between columns: name → values in their sort order.
    public var enums: [String: [String]]
    /// Null tokens for every table.
    public var null: [String]
    /// Per-table entries by table name.
    public var tables: [String: TableEntry]

    /// One table's entry.
    public struct TableEntry: Decodable, Sendable {
        /// Declared columns by name.
        public var columns: [String: ColumnEntry]
        /// Null tokens added to the shared ones for this table.
        public var null: [String]
        /// `join_keys`: other table → key columns.
        public var joinKeys: [String: [String]]
    }

    /// One column's entry: `type`, and for enums either `enum` (a shared name) or `values`.
    public struct ColumnEntry: Decodable, Sendable {
        /// One of ``DatasetSchema/typeNames``.
        public var type: String
        /// `enum`: the name of a shared entry of `enums`.
        public var enumName: String?
        /// `values`: an inline enum's values in sort order.
        public var values: [String]?
    }

    /// A schema built in code (tests, the REPL); the defaults declare nothing.
    public init(enums: [String: [String]] = [:], null: [String] = [], tables: [String: TableEntry] = [:]) {
        self.enums = enums
        self.null = null
        self.tables = tables
    }

    /// The type names a column entry may use.
    public static let typeNames = ["int", "double", "bool", "date", "text", "enum"]

    /// Reads and decodes the schema file at `path`.
    public static func load(_ path: String) throws -> DatasetSchema {
        let bytes = try FileBytes.read(path)
        // Our own scanner first: it points at the exact character of a syntax error.
        try bytes.withUnsafeBufferPointer { b in
            var s = JSONScanner(b, from: 0, to: b.count)
            do {
                try s.skipValue()
                s.skipSpace()
                if s.pos < b.count { throw JSONScanner.Failure(message: "unexpected text after the schema", offset: s.pos) }
            } catch let f as JSONScanner.Failure {
                var line = 1
                for i in 0..<min(f.offset, b.count) where b[i] == UInt8(ascii: "\n") { line += 1 }
                throw DataFileError.at(b, name: path, start: f.offset, end: f.offset + 1, line: line, f.message)
            }
        }
        do {
            return try JSONDecoder().decode(DatasetSchema.self, from: Data(bytes))
        } catch let d as Diagnostic {
            throw d
        } catch let e as DecodingError {
            throw DataFileError.file(path, SchemaKey.describe(e))
        }
    }

    /// The resolved schema of the table named `name` (matched case-insensitively);
    /// tables the schema does not mention get only the shared null tokens.
    public func table(_ name: String, file: String = "schema.json") throws -> TableSchema {
        let entry = tables[name] ?? tables.first { $0.key.lowercased() == name.lowercased() }?.value
        var schema = TableSchema(nullTokens: null + (entry?.null ?? []), joinKeys: entry?.joinKeys ?? [:])
        for (column, c) in entry?.columns ?? [:] {
            schema.columnTypes[column] = try type(of: c, column: "tables.\(name).columns.\(column)", file: file)
        }
        return schema
    }

    /// Shared enum types, one object per name, so columns that share an enum compare equal by identity.
    private static let enumCache = EnumCache()

    private func type(of c: ColumnEntry, column path: String, file: String) throws -> DataType {
        switch c.type {
        case "int": return .int
        case "double": return .double
        case "bool": return .bool
        case "date": return .date
        case "text": return .text
        case "enum":
            if let values = c.values {
                return .enumeration(EnumType(name: path.split(separator: ".").last.map(String.init) ?? path, values: values))
            }
            guard let name = c.enumName else {
                throw DataFileError.file(file, "\(path): an enum column needs \"enum\" (a name from \"enums\") or \"values\"")
            }
            guard let values = enums[name] else {
                throw DataFileError.file(file, "\(path): unknown enum '\(name)'",
                                         help: EditDistance.suggest(name, among: Array(enums.keys)).map { "did you mean '\($0)'?" })
            }
            return .enumeration(Self.enumCache.type(name: name, values: values))
        default:
            throw DataFileError.file(file, "\(path): unknown type '\(c.type)'",
                                     notes: ["types are: " + Self.typeNames.joined(separator: ", ")],
                                     help: EditDistance.suggest(c.type, among: Self.typeNames).map { "did you mean '\($0)'?" })
        }
    }
}
