/// One output table of an ingest: its columns and rows of text values ("" or absent = null).
public struct IngestTable: Sendable {
    /// The table (and file) name.
    public var name: String
    /// The columns, in file order.
    var columns: [IngestColumn]
    /// Tables this one joins to, with the key columns.
    var joinKeys: [(String, [String])] = []
    /// The rows, as column → value.
    public var rows: [[String: String]] = []

    /// The column names in file order.
    public var columnNames: [String] { columns.map(\.name) }

    /// The table as RFC 4180 CSV with a header row and `\n` line ends, quoted as every planq CSV
    /// output is (``ResultWriter/csvField(_:)``); "" is written bare, so it reads back as null.
    public func csv() -> String {
        var out = columns.map { ResultWriter.csvField($0.name) }.joined(separator: ",") + "\n"
        for row in rows {
            out += columns.map { ResultWriter.csvField(row[$0.name] ?? "") }.joined(separator: ",") + "\n"
        }
        return out
    }
}
