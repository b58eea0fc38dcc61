import ArgumentParser
import Foundation
import PlanQ

/// `planq ingest DOC... --out DIR`: read council plan documents into planq tables.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Read council plan documents (text exported from PDF papers) into tables planq --data loads.",
        discussion: """
        Writes one CSV per table plus schema.json into DIR atomically (a temporary folder is \
        renamed into place). The National Indicator list (--reference; by default \
        ../shared/reference/national-indicators.csv found from the documents or the working \
        folder) becomes the national_indicators table and gives polarities. A derived status is \
        green when the target is met, amber within --tolerance of it, red otherwise. \
        PLANQ_INGEST_TRACE=1 prints the blocks the reader found.

        Example: planq ingest ../shared/seeds/*.txt --out datasets --report
        """)

    @Argument(help: "Documents to read: text, PDF, HTML, xlsx, CSV or TSV files.")
    var documents: [String] = []

    @Option(help: ArgumentHelp(
        "Folder to write the tables to, or a PostgreSQL database (postgresql://USER@HOST:PORT/DB).",
        discussion: "A database gets the tables with COPY in one transaction that replaces its previous load; ?schema=NAME picks the schema (default public), ?host=/socket/dir a Unix socket."))
    var out: String

    @Flag(help: "Print what was recognised per document and every skipped block with its line.")
    var report = false

    @Option(help: "A CSV of corrections: id,column,value,reason.")
    var overrides: String?

    @Option(help: "Relative tolerance for a derived amber status (0.05 = 5% of the target).")
    var tolerance: Double = 0.05

    @Option(help: "Read every document as this format instead of detecting it: text, pdf, html, xlsx, csv, tsv.")
    var inputFormat: String?

    @Option(help: "The National Indicator reference CSV.")
    var reference: String?

    @Option(name: .customLong("from-data"), help: ArgumentHelp(
        "Copy the tables of this planq data folder (CSV, JSON lines, schema.json) to the --out database instead of reading documents.",
        valueName: "dir"))
    var fromData: String?

    /// Rejects an empty document list and a tolerance outside 0…1.
    func validate() throws {
        if fromData != nil {
            if !documents.isEmpty { throw ValidationError("give either documents or --from-data, not both") }
            if !outIsDatabase { throw ValidationError("--from-data copies a data folder into a database: --out must be a postgresql:// URL") }
        } else if documents.isEmpty {
            throw ValidationError("give at least one document to ingest")
        }
        if !(0...1).contains(tolerance) { throw ValidationError("--tolerance must be between 0 and 1") }
        if outIsDatabase { try validateDatabaseOut() }
    }

    /// Runs the ingest and writes the tables; returns the exit status.
    func execute() -> ExitStatus {
        if let fromData { return copyToDatabase(fromData) }
        var docs: [(name: String, fileName: String, data: Data)] = []
        for path in documents {
            // A folder, FIFO or device is refused by name before any byte is read.
            let data: Data
            do {
                data = Data(try FileBytes.readRegularFile(path, what: "document"))
            } catch {
                writeError("planq ingest: \((error as? Diagnostic)?.message ?? "cannot read '\(path)'")\n")
                return .failure
            }
            let url = URL(fileURLWithPath: path)
            docs.append((url.deletingPathExtension().lastPathComponent, url.lastPathComponent, data))
        }
        var refs: [NationalIndicator] = []
        if let refPath = reference ?? defaultReference() {
            guard let text = try? String(contentsOfFile: refPath, encoding: .utf8) else {
                writeError("planq ingest: cannot read the reference list '\(refPath)'\n")
                return .failure
            }
            do {
                refs = try NationalIndicator.parseChecked(csv: text, name: refPath)
            } catch {
                writeError("planq ingest: \(error)\n")
                return .failure
            }
        } else {
            writeError("planq ingest: warning: no National Indicator reference found; national_indicators will be empty (use --reference FILE)\n")
        }
        var fixes: [Override] = []
        if let o = overrides {
            guard let text = try? String(contentsOfFile: o, encoding: .utf8) else {
                writeError("planq ingest: cannot read overrides '\(o)'\n")
                return .failure
            }
            let parsed = Override.parse(csv: text)
            for p in parsed.problems { writeError("planq ingest: \(o): \(p)\n") }
            if !parsed.problems.isEmpty { return .failure }
            fixes = parsed.overrides
        }
        var ingester = Ingester(reference: refs, rule: StatusRule(tolerance: tolerance), overrides: fixes)
        if let f = inputFormat {
            guard let format = DocumentFormat(rawValue: f.lowercased()) else {
                writeError("planq ingest: error: unknown --input-format '\(f)' (one of: \(DocumentFormat.allCases.map(\.rawValue).joined(separator: ", ")))\n")
                return .usage
            }
            ingester.inputFormat = format
        }
        let result = ingester.ingest(files: docs)
        for f in result.failures { writeError("planq ingest: \(f)\n") }
        for w in result.warnings { writeError("planq ingest: \(w)\n") }
        if report { print(result.report.joined(separator: "\n")) }
        // All or nothing: a document that cannot be read leaves --out as it was.
        if !result.failures.isEmpty {
            writeError("planq ingest: nothing written to '\(outForMessages)': \(result.failures.count) of \(docs.count) document\(docs.count == 1 ? "" : "s") could not be read\n")
            return .failure
        }
        if outIsDatabase { return writeToDatabase(result) }
        do {
            try IngestWriter.write(result, to: out)
        } catch {
            writeError("planq ingest: cannot write '\(out)': \(error.localizedDescription)\n")
            return .failure
        }
        return .success
    }

    /// `../shared/reference/national-indicators.csv` relative to the documents' folder or the working folder.
    func defaultReference() -> String? {
        let fm = FileManager.default
        var starts = [fm.currentDirectoryPath]
        if let first = documents.first { starts.insert(URL(fileURLWithPath: first).deletingLastPathComponent().path, at: 0) }
        for s in starts {
            var dir = URL(fileURLWithPath: s)
            for _ in 0..<5 {
                let c = dir.appendingPathComponent("shared/reference/national-indicators.csv").path
                if fm.fileExists(atPath: c) { return c }
                let c2 = dir.appendingPathComponent("reference/national-indicators.csv").path
                if fm.fileExists(atPath: c2) { return c2 }
                dir.deleteLastPathComponent()
            }
        }
        return nil
    }
}
