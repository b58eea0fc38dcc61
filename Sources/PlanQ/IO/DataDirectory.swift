import Foundation

/// Loads a folder of data files into a ``Catalog``.
///
/// Every `*.csv` and `*.jsonl` directly inside the folder (sorted by name, not
/// recursive) becomes a table named after the file stem. A `schema.json` in the
/// folder declares column types, null tokens and join keys; see ``DatasetSchema``.
public enum DataDirectory {
    /// The file extensions loaded, and the reader each one uses.
    public static let extensions = ["csv", "jsonl"]

    /// Loads every data file in the folder at `path`, applying its `schema.json` if present.
    /// Large CSV files are parsed on up to `threads` threads; data files larger than
    /// `maxFileBytes` are refused before they are read.
    public static func load(_ path: String, threads: Int = 1, maxFileBytes: Int = FileBytes.defaultMaxBytes) throws -> Catalog {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue else {
            throw Diagnostic("data folder '\(path)' does not exist or is not a folder")
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        } catch {
            throw Diagnostic("cannot list data folder '\(path)': \(error.localizedDescription)")
        }
        let schemaPath = join(path, "schema.json")
        let schema = names.contains("schema.json") ? try DatasetSchema.load(schemaPath) : DatasetSchema()
        let files = names.filter { extensions.contains(($0 as NSString).pathExtension.lowercased()) }
        let catalog = Catalog()
        var loaded: [String: String] = [:]
        for file in files {
            let stem = FileBytes.stem(file)
            if let other = loaded[stem.lowercased()] {
                throw Diagnostic("two files define table '\(stem)': '\(other)' and '\(file)'")
            }
            let tableSchema = try schema.table(stem, file: schemaPath)
            let table = try loadFile(join(path, file), name: stem, schema: tableSchema, threads: threads, maxFileBytes: maxFileBytes)
            catalog.add(table)
            loaded[stem.lowercased()] = file
            for (other, keys) in tableSchema.joinKeys {
                catalog.joinKeys[table.name, default: [:]][other] = keys
            }
        }
        for name in schema.tables.keys.sorted() where loaded[name.lowercased()] == nil {
            throw DataFileError.file(schemaPath, "schema.json describes table '\(name)', but there is no \(name).csv or \(name).jsonl",
                                     help: EditDistance.suggest(name, among: files.map(FileBytes.stem)).map { "did you mean '\($0)'?" })
        }
        try checkJoinKeys(catalog, schemaPath)
        return catalog
    }

    /// Loads one CSV or JSON lines file (chosen by extension; anything else is read as CSV).
    public static func loadFile(_ path: String, name: String? = nil, schema: TableSchema = TableSchema(),
                                threads: Int = 1, maxFileBytes: Int = FileBytes.defaultMaxBytes) throws -> Table {
        let tableName = name ?? FileBytes.stem(path)
        if (path as NSString).pathExtension.lowercased() == "jsonl" {
            return try JSONLinesReader(schema: schema).read(path: path, tableName: tableName, maxBytes: maxFileBytes)
        }
        return try CSVReader(schema: schema, threads: threads).read(path: path, tableName: tableName, maxBytes: maxFileBytes)
    }

    /// Declared join keys must name loaded tables and columns present on both sides.
    private static func checkJoinKeys(_ catalog: Catalog, _ schemaPath: String) throws {
        for (left, targets) in catalog.joinKeys.sorted(by: { $0.key < $1.key }) {
            for (right, keys) in targets.sorted(by: { $0.key < $1.key }) {
                guard let other = catalog.table(right) else {
                    throw DataFileError.file(schemaPath, "join_keys of table '\(left)' name unknown table '\(right)'",
                                             help: EditDistance.suggest(right, among: catalog.tableNames).map { "did you mean '\($0)'?" })
                }
                for t in [catalog.table(left), other].compactMap({ $0 }) {
                    for k in keys where t.columnIndex(k) == nil {
                        throw DataFileError.file(schemaPath, "join key '\(k)' (\(left) → \(right)) is not a column of table '\(t.name)'",
                                                 help: EditDistance.suggest(k, among: t.columns.map(\.name)).map { "did you mean '\($0)'?" })
                    }
                }
            }
        }
    }

    private static func join(_ dir: String, _ file: String) -> String {
        dir.hasSuffix("/") ? dir + file : dir + "/" + file
    }
}
