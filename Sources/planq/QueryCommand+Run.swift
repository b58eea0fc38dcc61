import Foundation
import PlanQ
import PlanQShell

extension QueryCommand {
    /// Loads the data, then runs the statements (or the shell) and prints the results; returns the exit status.
    func execute() -> ExitStatus {
        let renderer = DiagnosticRenderer(color: stderrColor)
        // The query text and its name for messages.
        let source: SourceText
        // A terminal on stdin and no -c/-f: the interactive shell (piped stdin keeps the script behaviour).
        let interactive = command == nil && file == nil && isatty(0) != 0
        if interactive {
            source = SourceText(name: "<shell>", text: "")
        } else if let c = command {
            source = SourceText(name: "<query>", text: c)
        } else if let f = file {
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
        let tables: Tables
        do {
            if engine == nil && data == nil && defaultDataDirectory() == nil {
                writeError("planq: no --data given and no datasets/ folder found\n")
                return .failure
            }
            tables = try openTables()
        } catch let d as Diagnostic {
            writeError(renderer.render(d))
            return .failure
        } catch {
            writeError("planq: \(error)\n")
            return .failure
        }
        defer { tables.close() }
        if timer {
            writeError(String(format: "Load: %.2f ms (", Date().timeIntervalSince(t0) * 1000) + tables.summary + ")\n")
        }

        let queryEngine = Engine(catalog: tables.catalog, settings: settings)
        queryEngine.explainsEmptyResults = !quiet
        queryEngine.remote = tables.remote
        if interactive {
            let shell = Shell(engine: queryEngine, format: format, timer: timer, historyPath: Shell.defaultHistoryPath())
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
        let jsonDocument = format == .json && shown > 1 && !discard
        func put(_ out: String) {
            if output != nil {
                collected += out
            } else if !out.isEmpty {
                FileHandle.standardOutput.write(Data(out.utf8))
            }
        }
        /// Closes the document (also after a failing statement, so what was written stays valid JSON).
        func closeDocument() { if jsonDocument { put(first ? "[]\n" : "\n]\n") } }
        do {
            _ = try queryEngine.run(source) { result in
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
                    out = ResultWriter.render(result.table, format: format)
                    if !out.hasSuffix("\n") { out += "\n" }
                }
                if !first && format == .table { out = "\n" + out }
                first = false
                put(out)
                if timer {
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
        if let path = output {
            do {
                try AtomicFileWriter.write(Data(collected.utf8), to: path)
            } catch {
                writeError("planq: \(error)\n")
                return .failure
            }
        }
        return .success
    }
}
