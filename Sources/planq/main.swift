import ArgumentParser
import Foundation
import PlanQ
import PlanQShell

/// Exit statuses: 0 success, 1 a query or data error, 2 a usage error.
enum ExitStatus: Int32 {
    case success = 0, failure = 1, usage = 2
}

func writeError(_ s: String) {
    FileHandle.standardError.write(Data(s.utf8))
}

let stderrColor = isatty(2) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

/// Finds the bundled `datasets/` folder: `PLANQ_DATA`, then the working directory
/// and its parents, then the executable's parents, then the source checkout.
func defaultDataDirectory() -> String? {
    let fm = FileManager.default
    if let env = ProcessInfo.processInfo.environment["PLANQ_DATA"] { return env }
    func search(from start: URL) -> String? {
        var dir = start
        for _ in 0..<8 {
            let candidate = dir.appendingPathComponent("datasets")
            if fm.fileExists(atPath: candidate.appendingPathComponent("schema.json").path) { return candidate.path }
            dir.deleteLastPathComponent()
        }
        return nil
    }
    if let d = search(from: URL(fileURLWithPath: fm.currentDirectoryPath)) { return d }
    if let d = search(from: URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()) { return d }
    return search(from: URL(fileURLWithPath: #filePath).deletingLastPathComponent())
}

func runCommand(_ cmd: PlanqCommand) -> ExitStatus {
    let renderer = DiagnosticRenderer(color: stderrColor)
    // The query text and its name for messages.
    let source: SourceText
    // A terminal on stdin and no -c/-f: the interactive shell (piped stdin keeps the script behaviour).
    let interactive = cmd.command == nil && cmd.file == nil && isatty(0) != 0
    if interactive {
        source = SourceText(name: "<shell>", text: "")
    } else if let c = cmd.command {
        source = SourceText(name: "<query>", text: c)
    } else if let f = cmd.file {
        // Refuse a huge file before reading it (the parser would refuse it anyway).
        if let size = (try? FileManager.default.attributesOfItem(atPath: f))?[.size] as? Int, size > Parser.maxSourceBytes {
            writeError("planq: '\(f)' is \(size) bytes; a query file may have at most \(Parser.maxSourceBytes)\n")
            return .failure
        }
        do {
            source = SourceText(name: f, text: try UTF8Input.readFile(f))
        } catch {
            writeError(renderer.render(error as? Diagnostic ?? Diagnostic("cannot read '\(f)': \(error)")))
            return .failure
        }
    } else {
        // Read at most one byte past the parser's limit, so `planq < huge.bin` stops early.
        var data = Data()
        while data.count <= Parser.maxSourceBytes,
              let chunk = try? FileHandle.standardInput.read(upToCount: 1 << 16), !chunk.isEmpty {
            data.append(chunk)
        }
        if data.count > Parser.maxSourceBytes {
            writeError("planq: standard input has more than \(Parser.maxSourceBytes) bytes; a script may have at most that\n")
            return .failure
        }
        do {
            source = SourceText(name: "<stdin>", text: try UTF8Input.decode([UInt8](data), name: "<stdin>"))
        } catch {
            writeError(renderer.render(error as? Diagnostic ?? Diagnostic("\(error)")))
            return .failure
        }
    }

    let t0 = Date()
    let catalog: Catalog
    do {
        guard let dir = cmd.data ?? defaultDataDirectory() else {
            writeError("planq: no --data given and no datasets/ folder found\n")
            return .failure
        }
        catalog = try DataDirectory.load(dir, threads: cmd.threads ?? ProcessInfo.processInfo.activeProcessorCount,
                                         maxFileBytes: cmd.maxFileBytes)
    } catch let d as Diagnostic {
        writeError(renderer.render(d))
        return .failure
    } catch {
        writeError("planq: \(error)\n")
        return .failure
    }
    if cmd.timer {
        let rows = catalog.tables.values.reduce(0) { $0 + $1.rowCount }
        let ms = Date().timeIntervalSince(t0) * 1000
        let columns = Double(catalog.tables.values.reduce(0) { $0 + $1.storageBytes }) / 1_048_576
        let rss = Double(residentBytes() ?? 0) / 1_048_576
        writeError(String(format: "Load: %.2f ms (%d tables, %d rows, columns %.1f MB, rss %.1f MB)\n", ms, catalog.tables.count, rows, columns, rss))
    }

    let engine = Engine(catalog: catalog,
                        today: cmd.today.flatMap(CivilDate.parse)?.days,
                        threads: cmd.threads ?? ProcessInfo.processInfo.activeProcessorCount)
    engine.limits = cmd.limits
    engine.explainsEmptyResults = !cmd.quiet
    if interactive {
        let shell = Shell(engine: engine, format: cmd.format, timer: cmd.timer, historyPath: Shell.defaultHistoryPath())
        return shell.run() == 0 ? .success : .failure
    }
    var first = true
    // The benchmark harness times execution only; it sets this so that a 1e7-row
    // result is not rendered five times just to be thrown away.
    let discard = ProcessInfo.processInfo.environment["PLANQ_BENCH_DISCARD_OUTPUT"] == "1"
    // With -o the results are collected and written in one atomic step at the end,
    // so a failing statement (or Ctrl-C) never leaves a half-written file.
    var collected = ""
    // Several statements with --format json: one document, an array holding each
    // statement's array of rows (named results, which show nothing, take no place).
    let shown = (try? Parser.parse(source))?.statements.filter {
        if case .define = $0.kind { return false }
        return true
    }.count ?? 0
    let jsonDocument = cmd.format == .json && shown > 1 && !discard
    func put(_ out: String) {
        if cmd.output != nil {
            collected += out
        } else if !out.isEmpty {
            FileHandle.standardOutput.write(Data(out.utf8))
        }
    }
    /// Closes the document (also after a failing statement, so what was written stays valid JSON).
    func closeDocument() { if jsonDocument { put(first ? "[]\n" : "\n]\n") } }
    do {
        _ = try engine.run(source) { result in
            let t = Date()
            for w in result.warnings { writeError(renderer.render(w)) }
            // `table NAME = query` keeps its result for later statements and shows nothing.
            if result.defined != nil { return }
            if let why = result.emptyResult {
                writeError(renderer.render(Diagnostic(why.message, at: why.span, in: source, severity: .note)))
            }
            var out: String
            if jsonDocument {
                let element = result.explain.map(ResultWriter.jsonQuoted)
                    ?? ResultWriter.render(result.table, format: .json).trimmingCharacters(in: .newlines)
                out = (first ? "[\n" : ",\n") + element
            } else if let e = result.explain {
                out = e + "\n"
            } else if discard {
                out = ""
            } else {
                out = ResultWriter.render(result.table, format: cmd.format)
                if !out.hasSuffix("\n") { out += "\n" }
            }
            if !first && cmd.format == .table { out = "\n" + out }
            first = false
            put(out)
            if cmd.timer {
                let outMs = Date().timeIntervalSince(t) * 1000
                let tm = result.timing
                writeError(String(format: "Time: total %.2f ms (parse %.2f, plan %.2f, execute %.2f, output %.2f)\n",
                                  tm.parse + tm.plan + tm.execute + outMs, tm.parse, tm.plan, tm.execute, outMs))
                if tm.whyEmpty > 0 { writeError(String(format: "Why empty: %.2f ms\n", tm.whyEmpty)) }
            }
        }
    } catch let d as Diagnostic {
        closeDocument()
        writeError(renderer.render(d.located(in: source)))
        return .failure
    } catch {
        closeDocument()
        writeError("planq: \(error)\n")
        return .failure
    }
    closeDocument()
    if let path = cmd.output {
        do {
            try AtomicFileWriter.write(Data(collected.utf8), to: path)
        } catch {
            writeError("planq: \(error)\n")
            return .failure
        }
    }
    return .success
}

/// Subcommands that have their own argument parser (`planq ingest ...`, `planq report ...`).
/// Each entry runs the subcommand with the arguments after its name and returns the exit status.
/// The bare `planq` form (queries from `-c`, `-f` or stdin) stays the default.
let subcommands: [String: ([String]) -> ExitStatus] = [
    "report": ReportCommand.main(arguments:),
    "ingest": IngestCommand.main,
]

// Arguments that are not UTF-8 are refused before `CommandLine.arguments` (decoded lossily) is used.
if let message = RawArguments.firstInvalid(RawArguments.bytes(), renderer: DiagnosticRenderer(color: stderrColor)) {
    writeError(message)
    exit(ExitStatus.failure.rawValue)
}
let arguments = Array(CommandLine.arguments.dropFirst())
if let name = arguments.first, let sub = subcommands[name] {
    exit(sub(Array(arguments.dropFirst())).rawValue)
}

do {
    var parsed = try PlanqCommand.parseAsRoot()
    if let cmd = parsed as? PlanqCommand { exit(runCommand(cmd).rawValue) }
    // `--help` and friends parse to a built-in command that prints and exits.
    try parsed.run()
    exit(ExitStatus.success.rawValue)
} catch {
    let code = PlanqCommand.exitCode(for: error)
    if code == .success {
        print(PlanqCommand.fullMessage(for: error))
        exit(0)
    }
    writeError("planq: error: \(PlanqCommand.message(for: error))\nUsage: planq [-c QUERY | -f FILE] [--data DIR] [--format table|csv|tsv|json|jsonl|markdown|html] [-o FILE] [--timer] [--today DATE] [--max-rows N] [--max-memory SIZE]\n")
    exit(ExitStatus.usage.rawValue)
}
