import ArgumentParser
import Foundation
import PlanQ
#if canImport(PlanQPostgres)
import PlanQPostgres
#endif

extension QueryCommand {
    /// Where the statements' tables come from: a data folder loaded into memory, or with
    /// `--engine` a PostgreSQL database whose catalog is read (the rows stay there).
    struct Tables {
        var catalog: Catalog
        /// Set with `--engine`: runs each bound statement on the database.
        var remote: RemoteExecutor?
        /// What the `--timer` Load line says besides the time.
        var summary: String
        /// Ends the connection, if any.
        var close: () -> Void = {}
    }

    /// Loads `--data` (or the bundled datasets/) or connects to `--engine`.
    func openTables() throws -> Tables {
        if let engine {
            return try Self.connect(engine, today: today.flatMap(CivilDate.parse)?.days)
        }
        guard let dir = data ?? defaultDataDirectory() else {
            throw Diagnostic("no --data given and no datasets/ folder found")
        }
        let catalog = try DataDirectory.load(dir, threads: threads ?? ProcessInfo.processInfo.activeProcessorCount,
                                             maxFileBytes: maxFileBytes)
        let rows = catalog.tables.values.reduce(0) { $0 + $1.rowCount }
        let columns = Double(catalog.tables.values.reduce(0) { $0 + $1.storageBytes }) / 1_048_576
        let rss = Double(residentBytes() ?? 0) / 1_048_576
        return Tables(catalog: catalog, remote: nil,
                      summary: String(format: "%d tables, %d rows, columns %.1f MB, rss %.1f MB", catalog.tables.count, rows, columns, rss))
    }

    #if canImport(PlanQPostgres)
    /// A bad `--engine` URL is a usage error (exit 2), found before anything runs.
    func validateEngine() throws {
        guard let engine else { return }
        do {
            _ = try PostgresURL(engine)
        } catch let d as Diagnostic {
            throw ValidationError(d.message)
        }
    }

    /// Connects to the database at `url` and reads its catalog.
    static func connect(_ url: String, today: Int32?) throws -> Tables {
        let session = try PostgresSession.connect(try PostgresURL(url))
        do {
            let read = try PostgresCatalogReader.read(session)
            let catalog = read.catalog
            let executor = PostgresExecutor(session: session, catalog: catalog, rowOrdered: read.rowOrdered)
            return Tables(catalog: catalog, remote: executor,
                          summary: "\(catalog.tables.count) tables from \(session.url.redacted), catalog only",
                          close: { session.close() })
        } catch {
            session.close()
            throw error
        }
    }
    #else
    /// This planq was built without PLANQ_POSTGRES=1: `--engine` cannot work.
    func validateEngine() throws {
        if engine != nil {
            throw ValidationError("this planq was built without PostgreSQL support; build it with PLANQ_POSTGRES=1 to use --engine")
        }
    }

    /// This planq was built without PLANQ_POSTGRES=1.
    static func connect(_ url: String, today: Int32?) throws -> Tables {
        throw Diagnostic("this planq was built without PostgreSQL support; build it with PLANQ_POSTGRES=1 to use --engine")
    }
    #endif
}
