import Foundation

/// Writes an ingest's tables (one CSV each) and schema.json into a folder, atomically, through IO's
/// ``AtomicFileWriter/replaceDirectory(at:build:)``: everything goes to a temporary folder beside
/// the target, which then replaces the target in one exchange, so a reader never sees half-written
/// tables and a failed ingest leaves the folder as it was.
public enum IngestWriter {
    /// Writes `result` to `path`, replacing the CSV files and schema.json there.
    public static func write(_ result: IngestResult, to path: String) throws {
        let fm = FileManager.default
        let target = URL(fileURLWithPath: path).standardizedFileURL
        try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        let schema = try result.schemaJSONData()
        try AtomicFileWriter.replaceDirectory(at: target.path) { tmp in
            let dir = URL(fileURLWithPath: tmp)
            // Files in the target that the ingest does not write (README.md, notes) are kept.
            if fm.fileExists(atPath: target.path) {
                for f in try fm.contentsOfDirectory(atPath: target.path) where !f.hasSuffix(".csv") && f != "schema.json" {
                    try fm.copyItem(at: target.appendingPathComponent(f), to: dir.appendingPathComponent(f))
                }
            }
            for t in result.tables {
                try Data(t.csv().utf8).write(to: dir.appendingPathComponent(t.name + ".csv"))
            }
            try schema.write(to: dir.appendingPathComponent("schema.json"))
        }
    }
}
