import ArgumentParser
import Foundation
import PlanQ

/// `planq report FILE [--param name=value ...] [--format html|markdown] [-o OUT] [--data DIR]`:
/// runs every query of a report file and writes one document.
///
/// Nothing is written unless every section ran: the document is rendered in memory
/// and then written atomically (or printed to stdout without `-o`).
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Run a report file (reports/*.pqr) and write an HTML or Markdown document.")

    @Argument(help: "The report file.")
    var file: String

    @Option(name: .customLong("param"), help: "Set a parameter: --param theme=\"Community Safety\" (repeatable).")
    var params: [String] = []

    @Option(help: "html or markdown (default: from -o's extension, else html).")
    var format: String?

    @Option(name: [.customShort("o"), .customLong("output")], help: "Write here (atomically) instead of stdout.")
    var output: String?

    @Option(help: "Data directory (default: the bundled datasets/).")
    var data: String?

    @Option(help: "Worker threads (default: all cores).")
    var threads: Int?

    @Option(name: .customLong("max-rows"), help: "Most rows a join may produce before the report stops with an error (default 10000000).")
    var maxRows: Int?

    @Option(name: .customLong("max-memory"), help: "Most memory an intermediate result may need, e.g. 512M or 4G (default: no limit).")
    var maxMemory: String?

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        if let maxRows, maxRows < 1 { throw ValidationError("--max-rows must be at least 1") }
        if let maxMemory, ExecutionLimits.parseSize(maxMemory) == nil {
            throw ValidationError("--max-memory '\(maxMemory)' is not a size (e.g. 512M, 4G)")
        }
    }

    /// Runs the report and writes the document; returns the exit status.
    func execute() -> ExitStatus {
        let renderer = DiagnosticRenderer(color: stderrColor)
        guard let fmt = resolvedFormat() else {
            writeError("planq report: error: unknown format '\(format ?? "")' (html or markdown)\n")
            return .usage
        }
        var overrides: [(name: String, value: String)] = []
        for p in params {
            guard let eq = p.firstIndex(of: "="), eq != p.startIndex else {
                writeError("planq report: error: --param wants name=value, got '\(p)'\n")
                return .usage
            }
            overrides.append((String(p[..<eq]), String(p[p.index(after: eq)...])))
        }
        do {
            let text = try UTF8Input.readFile(file)
            let definition = try ReportParser.parse(SourceText(name: file, text: text))
            guard let dir = data ?? defaultDataDirectory() else {
                writeError("planq report: no --data given and no datasets/ folder found\n")
                return .failure
            }
            let runner = ReportRunner(definition: definition, catalog: try DataDirectory.load(dir), dataSource: dir)
            // The same settings the query CLI builds from the same flags (the report's as_of sets today).
            let settings = ExecutionSettings.fromFlags(today: nil, threads: threads, maxRows: maxRows, maxMemory: maxMemory)
            let result = try runner.run(overrides, settings: settings)
            for w in result.warnings { writeError(renderer.render(w)) }
            let document = try ReportRenderer.render(result, format: fmt)
            if let output {
                try AtomicFile.write(document, to: output)
            } else {
                FileHandle.standardOutput.write(Data(document.utf8))
            }
            return .success
        } catch let d as Diagnostic {
            writeError(renderer.render(d))
            return .failure
        } catch {
            writeError("planq report: \(error)\n")
            return .failure
        }
    }

    func resolvedFormat() -> ReportFormat? {
        if let format { return ReportFormat(rawValue: format.lowercased()) ?? (format.lowercased() == "md" ? .markdown : nil) }
        if let output, output.hasSuffix(".md") { return .markdown }
        return .html
    }
}
