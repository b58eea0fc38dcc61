import Foundation

/// Writes an ingest's tables (one CSV each) and schema.json into a folder, atomically: everything
/// goes to a temporary folder beside the target, which then replaces the target in one rename, so a
/// reader never sees half-written tables.
public enum IngestWriter {
    /// Writes `result` to `path`, replacing the CSV files and schema.json there.
    public static func write(_ result: IngestResult, to path: String) throws {
        let fm = FileManager.default
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let tmp = parent.appendingPathComponent(".\(target.lastPathComponent).ingest-\(ProcessInfo.processInfo.processIdentifier)")
        try? fm.removeItem(at: tmp)
        try fm.createDirectory(at: tmp, withIntermediateDirectories: true)
        // Files in the target that the ingest does not write (README.md, notes) are kept.
        if fm.fileExists(atPath: target.path) {
            for f in try fm.contentsOfDirectory(atPath: target.path) where !f.hasSuffix(".csv") && f != "schema.json" {
                try fm.copyItem(at: target.appendingPathComponent(f), to: tmp.appendingPathComponent(f))
            }
        }
        for t in result.tables {
            try Data(t.csv().utf8).write(to: tmp.appendingPathComponent(t.name + ".csv"))
        }
        try Data(result.schemaJSON.utf8).write(to: tmp.appendingPathComponent("schema.json"))
        // Swap in with renames: the old folder moves aside, the new one takes its name, the old goes.
        let old = parent.appendingPathComponent(".\(target.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
        try? fm.removeItem(at: old)
        if fm.fileExists(atPath: target.path) { try fm.moveItem(at: target, to: old) }
        try fm.moveItem(at: tmp, to: target)
        try? fm.removeItem(at: old)
    }
}
