import Foundation

/// What an ingest produced: the tables, the report lines and the warnings.
public struct IngestResult: Sendable {
    /// Every output table, in write order.
    public var tables: [IngestTable]
    /// `--report` lines: per document what was recognised, and every skipped block with its line.
    public var report: [String]
    /// Warnings (stale overrides, code/title disagreements, unreadable documents).
    public var warnings: [String]
    /// Documents that could not be read at all, with the reason.
    public var failures: [String]

    /// The table called `name`.
    public func table(_ name: String) -> IngestTable? { tables.first { $0.name == name } }

    /// schema.json for the tables: ``IngestSchema/schema(_:)`` encoded as JSON.
    public func schemaJSONData() throws -> Data { try IngestSchema.schema(tables).jsonData() }

    /// schema.json for the tables, as text ("" if it could not be encoded, which a schema of
    /// strings never fails to be).
    public var schemaJSON: String { (try? schemaJSONData()).map { String(decoding: $0, as: UTF8.self) } ?? "" }
}
