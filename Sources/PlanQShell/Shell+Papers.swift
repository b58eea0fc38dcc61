import Foundation
import PlanQ

/// Council papers from inside the shell: `.ingest` reads plan documents into session
/// tables, `.report` renders a report file on the session's tables, and `.export`
/// writes a table to a file. Each reuses the library code the `planq ingest` and
/// `planq report` commands run, so the shell and the CLI agree.
extension Shell {
    /// `.ingest FILE... [as NAME]`: runs the ``Ingester`` on the files (the format of
    /// each is detected by the ingester from its content and file name) and loads the
    /// resulting tables, named `NAME_table` when NAME is given. Empty tables are loaded
    /// only where they replace nothing, so an ingest that finds no risks does not
    /// empty the session's `risks`.
    func ingest(_ paths: [String], as prefix: String?) {
        let fm = FileManager.default
        var docs: [(name: String, fileName: String, data: Data)] = []
        for path in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue else {
                sayError("error: cannot read '\(ControlEscaper.escape(path))': no such file\n")
                return
            }
            guard let data = fm.contents(atPath: path) else {
                sayError("error: cannot read '\(ControlEscaper.escape(path))'\n")
                return
            }
            let url = URL(fileURLWithPath: path)
            docs.append((url.deletingPathExtension().lastPathComponent, url.lastPathComponent, data))
        }
        var reference: [NationalIndicator] = []
        if let refPath = Shell.referenceList(near: paths.first),
           let text = try? String(contentsOfFile: refPath, encoding: .utf8) {
            reference = NationalIndicator.parse(csv: text)
        } else {
            sayError("warning: no National Indicator reference found (PLANQ_REFERENCE names one); national_indicators stays empty\n")
        }
        let result = Ingester(reference: reference).ingest(files: docs)
        for f in result.failures { sayError("error: \(ControlEscaper.escape(f))\n") }
        for w in result.warnings { sayError("warning: \(ControlEscaper.escape(w))\n") }
        // The first report line for each document says what was recognised in it.
        for doc in docs {
            if let line = result.report.first(where: { $0.hasPrefix(doc.name + ": ") }) { say(ControlEscaper.escape(line) + "\n") }
        }
        if result.failures.count == docs.count { return }
        do {
            try loadIngested(result, prefix: prefix)
        } catch {
            sayError("error: \(ControlEscaper.escape(String(describing: error)))\n")
        }
    }

    /// Writes the ingest's tables and schema.json to a private folder and loads them
    /// from there, so they get the same types, enums and join keys `planq --data`
    /// gives an ingested folder.
    private func loadIngested(_ result: IngestResult, prefix: String?) throws {
        let dir = NSTemporaryDirectory() + "planq-ingest-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try IngestWriter.write(result, to: dir)
        let loaded = try DataDirectory.load(dir, threads: engine.threads)
        func named(_ n: String) -> String { prefix.map { "\($0)_\(n)" } ?? n }
        var added: Set<String> = [], empty: [String] = []
        for t in loaded.tableNames.compactMap(loaded.table) {
            let name = named(t.name)
            let replaces = engine.catalog.table(name) != nil
            if t.rowCount == 0 && replaces { continue }
            engine.catalog.add(prefix == nil ? t : Table(name: name, columns: t.columns, rowCount: t.rowCount))
            added.insert(t.name)
            if t.rowCount == 0 {
                empty.append(name)
            } else {
                say("loaded \(name): \(ResultWriter.rowCountFooter(t.rowCount)), \(t.columns.count) columns"
                    + (replaces ? " (replaces the earlier table)" : "") + "\n")
            }
        }
        if !empty.isEmpty { say("and \(empty.count) empty: \(empty.joined(separator: ", "))\n") }
        for (left, targets) in loaded.joinKeys where added.contains(left) {
            for (right, keys) in targets where added.contains(right) {
                engine.catalog.joinKeys[named(left), default: [:]][named(right)] = keys
            }
        }
    }

    /// The National Indicator list, found as `planq ingest` finds it: `PLANQ_REFERENCE`,
    /// else `shared/reference/national-indicators.csv` or `reference/national-indicators.csv`
    /// in the first document's folder or the working folder, or up to four folders above.
    static func referenceList(near document: String?) -> String? {
        let fm = FileManager.default
        if let p = ProcessInfo.processInfo.environment["PLANQ_REFERENCE"], !p.isEmpty { return p }
        var starts = [fm.currentDirectoryPath]
        if let document { starts.insert(URL(fileURLWithPath: document).deletingLastPathComponent().path, at: 0) }
        for s in starts {
            var dir = URL(fileURLWithPath: s)
            for _ in 0..<5 {
                for rel in ["shared/reference/national-indicators.csv", "reference/national-indicators.csv"] {
                    let c = dir.appendingPathComponent(rel).path
                    if fm.fileExists(atPath: c) { return c }
                }
                dir.deleteLastPathComponent()
            }
        }
        return nil
    }

    /// `.report FILE [name=value...] [-o OUT]`: runs the report on the session's tables
    /// and writes it atomically; OUT defaults to the report's name in the working folder,
    /// and its extension (`.md`) picks Markdown over HTML.
    func report(_ file: String, parameters: [String], output: String?) {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            sayError("error: cannot read '\(ControlEscaper.escape(file))'\n")
            return
        }
        let format: ReportFormat = output.map { $0.lowercased().hasSuffix(".md") } == true ? .markdown : .html
        let stem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let path = output ?? (FileManager.default.currentDirectoryPath as NSString)
            .appendingPathComponent(stem + "." + format.fileExtension)
        let overrides = parameters.compactMap { p -> (name: String, value: String)? in
            guard let eq = p.firstIndex(of: "=") else { return nil }
            return (String(p[..<eq]), String(p[p.index(after: eq)...]))
        }
        do {
            let definition = try ReportParser.parse(SourceText(name: file, text: text))
            let runner = ReportRunner(definition: definition, catalog: engine.catalog, dataSource: "the planq shell session")
            let result = try runner.run(overrides, settings: engine.settings)
            let document = try ReportRenderer.render(result, format: format)
            try AtomicFile.write(document, to: path)
            let sections = result.sections.count
            say("wrote \(ControlEscaper.escape(path)) (\(format.rawValue), \(sections) section\(sections == 1 ? "" : "s"))\n")
        } catch let d as Diagnostic {
            FileHandle.standardError.write(Data(ControlEscaper.escape(DiagnosticRenderer(color: false).render(d), keep: ["\n", "\t"]).utf8))
        } catch {
            sayError("error: \(ControlEscaper.escape(String(describing: error)))\n")
        }
    }

    /// `.export TABLE FILE`: the whole table (not fitted to the screen) in the format
    /// FILE's extension names, written atomically.
    func export(_ name: String, to path: String) {
        guard let table = engine.catalog.table(name) else {
            let hint = EditDistance.suggest(name, among: engine.catalog.tableNames).map { "; did you mean '\($0)'?" } ?? ""
            sayError("error: unknown table '\(ControlEscaper.escape(name))'\(hint)\n")
            return
        }
        let ext = (path as NSString).pathExtension.lowercased()
        guard let format = MetaCommand.exportFormats[ext] else {
            sayError("error: cannot tell the format of '\(ControlEscaper.escape(path))'; end it in .csv, .tsv, .json or .jsonl\n")
            return
        }
        do {
            try AtomicFileWriter.write(Data(ResultWriter.render(table, format: format).utf8), to: path)
            say("wrote \(ControlEscaper.escape(table.name)) to \(ControlEscaper.escape(path)): "
                + "\(ResultWriter.rowCountFooter(table.rowCount)), \(format.rawValue)\n")
        } catch {
            sayError("error: \(ControlEscaper.escape(String(describing: error)))\n")
        }
    }
}
