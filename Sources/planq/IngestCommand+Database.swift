import Foundation
import ArgumentParser
import PlanQ
#if canImport(PlanQPostgres)
import PlanQPostgres
#endif

extension IngestCommand {
    /// True when `--out` names a PostgreSQL database rather than a folder.
    var outIsDatabase: Bool {
        let l = out.lowercased()
        return l.hasPrefix("postgresql://") || l.hasPrefix("postgres://")
    }

    /// `--out` as messages show it: a database URL without its password.
    var outForMessages: String {
        #if canImport(PlanQPostgres)
        if outIsDatabase, let url = try? PostgresURL(out) { return url.redacted }
        #endif
        return out
    }

    /// Checks a database `--out` before any document is read (a bad URL is a usage error).
    func validateDatabaseOut() throws {
        #if canImport(PlanQPostgres)
        do {
            _ = try PostgresURL(out)
        } catch let d as Diagnostic {
            throw ValidationError(d.message)
        }
        #else
        throw ValidationError("this planq was built without PostgreSQL support (build it with PLANQ_POSTGRES=1)")
        #endif
    }

    /// Writes the ingested tables into the database at `--out`, in one transaction that replaces
    /// the previous load (see `PostgresTableWriter`). The tables are first written as a data
    /// folder and loaded back, so their column types and enums are exactly what `--data` gives.
    func writeToDatabase(_ result: IngestResult) -> ExitStatus {
        let fm = FileManager.default
        let tmp = fm.temporaryDirectory.appendingPathComponent("planq-ingest-\(getpid())-\(UUID().uuidString)").path
        defer { try? fm.removeItem(atPath: tmp) }
        do {
            try IngestWriter.write(result, to: tmp)
        } catch {
            writeError("planq ingest: nothing written to \(outForMessages): \(error.localizedDescription)\n")
            return .failure
        }
        return copyToDatabase(tmp)
    }

    /// Loads the data folder `dir` as `--data` would and writes its tables to the `--out` database.
    func copyToDatabase(_ dir: String) -> ExitStatus {
        #if canImport(PlanQPostgres)
        do {
            let url = try PostgresURL(out)
            let catalog = try DataDirectory.load(dir, threads: ProcessInfo.processInfo.activeProcessorCount)
            let session = try PostgresSession.connect(url)
            defer { session.close() }
            let summary = try PostgresTableWriter.write(catalog, to: session)
            if report {
                let rows = summary.tables.reduce(0) { $0 + $1.rows }
                print("wrote \(summary.tables.count) tables (\(rows) rows) to \(url.redacted), schema \(url.schema)")
            }
            return .success
        } catch {
            let d = error as? Diagnostic ?? Diagnostic("\(error)")
            if d.source != nil {
                // A data file's error keeps its line, column and caret.
                writeError("planq ingest: nothing written to \(outForMessages)\n" + DiagnosticRenderer(color: stderrColor).render(d))
                return .failure
            }
            var text = "planq ingest: nothing written to \(outForMessages): \(d.message)\n"
            for n in d.notes { text += "  note: \(n)\n" }
            if let h = d.help { text += "  help: \(h)\n" }
            writeError(text)
            return .failure
        }
        #else
        writeError("planq ingest: this planq was built without PostgreSQL support (build it with PLANQ_POSTGRES=1)\n")
        return .failure
        #endif
    }
}
