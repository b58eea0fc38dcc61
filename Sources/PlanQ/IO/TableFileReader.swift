/// A loader that turns a file's bytes into a ``Table`` (CSV, JSON lines).
public protocol TableFileReader {
    /// Loads `bytes`; `name` is the file name used in diagnostics.
    func read(bytes: [UInt8], name: String, tableName: String) throws -> Table
}

extension TableFileReader {
    /// Loads the file at `path` as a table named `tableName` (default: the file stem).
    /// Files over `maxBytes` are refused before reading (see ``FileBytes/defaultMaxBytes``).
    public func read(path: String, tableName: String? = nil, maxBytes: Int = FileBytes.defaultMaxBytes) throws -> Table {
        let bytes = try FileBytes.read(path, maxBytes: maxBytes)
        let table = try read(bytes: bytes, name: path, tableName: tableName ?? FileBytes.stem(path))
        table.source = path
        return table
    }
}
