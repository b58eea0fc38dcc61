import Foundation
import PlanQ

/// planq's interactive shell: read a statement, run it, show the result, repeat.
///
/// ``InputAccumulator`` decides when typed lines form a statement, ``LineReader``
/// edits lines (readline), ``ResultDisplay`` fits results to the screen, and the
/// meta commands (`.mode`, `.schema`, ...) live in `Shell+MetaCommands.swift`.
/// Queries run on a worker thread while this thread watches for Ctrl-C, which
/// cancels the query through its ``ExecutionContext``.
///
/// `@unchecked Sendable`: while a query runs, the worker thread alone uses the
/// shell's output state; the prompt thread only reads the interrupt pipe until the
/// worker signals that it is done.
public final class Shell: @unchecked Sendable {
    let engine: Engine
    var format: ResultFormat
    var timer: Bool
    /// The file every result goes to after `.output FILE`.
    var output: (path: String, handle: FileHandle)?
    /// The file only the next result goes to (`.once FILE`).
    var once: String?
    /// The last query result, for `.last`.
    var last: Engine.StatementResult?
    let reader: LineReader
    let color: Bool
    /// The running statements' error, and how many results they printed.
    var runFailure: Error?
    var shownInRun = 0
    /// Table mode's expanded display (`.expanded`, `.mode line`).
    var expanded: ExpandedMode = .off
    /// The longest cell table mode shows in full (`.maxwidth`).
    var cellLimit = ResultWriter.defaultCellLimit
    /// Results longer than the screen go through the pager (`.pager`).
    var pager = true

    /// - Parameter historyPath: the history file (nil: history is not saved).
    public init(engine: Engine, format: ResultFormat, timer: Bool, historyPath: String?) {
        self.engine = engine
        self.format = format
        self.timer = timer
        self.color = Terminal.colorAllowed(1)
        self.reader = LineReader(completer: Completer(catalog: engine.catalog), historyPath: historyPath)
        if color { reader.highlighter = SyntaxHighlighter(catalog: engine.catalog) }
        // A pager quit early closes the pipe the result is written to: that must end
        // the writing, not the shell.
        Pager.ignoreBrokenPipe()
    }

    /// `PLANQ_HISTORY`, else `~/.planq_history`.
    public static func defaultHistoryPath() -> String? {
        let env = ProcessInfo.processInfo.environment
        if let p = env["PLANQ_HISTORY"] { return p.isEmpty ? nil : p }
        guard let home = env["HOME"] else { return nil }
        return (home as NSString).appendingPathComponent(".planq_history")
    }

    /// Runs until `.quit` or Ctrl-D; returns the exit status (0).
    public func run() -> Int32 {
        let tables = engine.catalog.tableNames.map { ControlEscaper.escape($0) }
        say("planq shell: \(tables.count) tables (\(tables.joined(separator: ", "))). .help for help, Ctrl-D to leave.\n")
        var input = InputAccumulator()
        while true {
            let prompt = input.isEmpty ? "planq> " : "  ...> "
            switch reader.readLine(prompt: prompt, pending: input.text) {
            case .endOfInput:
                say("\n")
                return 0
            case .interrupted:
                input.reset()
            case .line(let line):
                guard case .run(let text) = input.add(line) else { continue }
                reader.addHistory(String(text.reversed().drop(while: \.isWhitespace).reversed()))
                if !execute(text) { return 0 }
            }
        }
    }

    /// Runs one input: a meta command or statements. False when the shell should leave.
    func execute(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix(".") {
            do {
                return runMeta(try MetaCommand.parse(trimmed))
            } catch let e as MetaCommand.ParseError {
                sayError("error: \(e.message)\n")
                return true
            } catch {
                sayError("error: \(error)\n")
                return true
            }
        }
        runStatements(SourceText(name: "<input>", text: text))
        return true
    }

    /// Runs every statement of `source` on a worker thread, printing each result as it
    /// comes; Ctrl-C cancels. Stops at the first error, which is shown with its caret.
    func runStatements(_ source: SourceText) {
        let context = engine.makeContext()
        let done = DispatchSemaphore(value: 0)
        runFailure = nil
        shownInRun = 0
        // The worker owns the shell's output state until `done`; this thread only
        // watches for Ctrl-C meanwhile, so nothing is touched from both at once.
        let worker = Thread { [self] in
            do {
                _ = try engine.run(source, context: context) { result in
                    let t0 = Date()
                    if let name = result.defined {
                        // A named result is not shown: say what it holds, as `.tables` would.
                        let t = result.table
                        self.say("table \(ControlEscaper.escape(name)): \(t.rowCount) row\(t.rowCount == 1 ? "" : "s"), \(t.columns.count) column\(t.columns.count == 1 ? "" : "s")\n")
                        return
                    }
                    self.last = result
                    self.show(result, separated: self.shownInRun > 0)
                    self.shownInRun += 1
                    if self.timer { self.reportTime(result.timing, outputMs: Date().timeIntervalSince(t0) * 1000) }
                }
            } catch {
                self.runFailure = error
            }
            done.signal()
        }
        // The parser recurses per nesting level; give it the main thread's room.
        worker.stackSize = 16 << 20
        worker.start()
        var cancelled = false
        while done.wait(timeout: .now() + .milliseconds(50)) == .timedOut {
            if reader.interruptRequested() {
                context.cancel()
                cancelled = true
            }
        }
        // The terminal echoed ^C where the cursor was; start the message on its own line.
        if cancelled { say("\n") }
        if let runFailure { report(runFailure, in: source) }
    }

    /// Shows an error: a diagnostic with its source line, caret and suggestion.
    func report(_ error: Error, in source: SourceText) {
        if let d = error as? Diagnostic {
            FileHandle.standardError.write(Data(DiagnosticRenderer(color: color).render(d.located(in: source)).utf8))
        } else {
            sayError("error: \(error)\n")
        }
    }

    func reportTime(_ t: Engine.Timing, outputMs: Double) {
        say(String(format: "Time: total %.2f ms (parse %.2f, plan %.2f, execute %.2f, output %.2f)\n",
                   t.parse + t.plan + t.execute + outputMs, t.parse, t.plan, t.execute, outputMs))
    }

    // MARK: - Output

    /// Writes a result to the current destination in the current mode.
    func show(_ result: Engine.StatementResult, separated: Bool) {
        for w in result.warnings {
            FileHandle.standardError.write(Data(DiagnosticRenderer(color: color).render(w).utf8))
        }
        if let e = result.explain {
            emit(e.hasSuffix("\n") ? e : e + "\n", separated: separated)
            return
        }
        show(result.table, separated: separated)
        // Why the result is empty, on the screen even when results go to a file.
        if let why = result.emptyResult { say(ControlEscaper.escape(why.message) + "\n") }
    }

    /// Writes a table to the current destination in the current mode. On a terminal a
    /// result longer than the screen goes through the pager (when on and found);
    /// otherwise it is fitted to the screen with a marker saying what was left out.
    func show(_ table: Table, separated: Bool = false) {
        let toTerminal = once == nil && output == nil && Terminal.isTerminal(1)
        let size = Terminal.size(1)
        var display = ResultDisplay(rows: size.rows, columns: size.columns, terminal: toTerminal, color: toTerminal && color)
        display.expanded = expanded
        display.cellLimit = cellLimit
        let gap = separated && format == .table
        if toTerminal && pager, let command = Pager.command() {
            display.paging = true
            let text = display.render(table, format: format)
            let lines = text.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
            if lines >= size.rows - 1 {
                if gap { say("\n") }
                if Pager.show(text, command: command) { return }
                display.paging = false  // no pager after all: fit the screen instead
                emit(display.render(table, format: format), separated: false)
                return
            }
            if Terminal.widestLine(text) <= size.columns {
                emit(text, separated: gap)
                return
            }
            display.paging = false
        }
        emit(display.render(table, format: format), separated: gap)
    }

    /// Prints text for the analyst (help), through the pager when it is longer than the
    /// screen, as a result would be.
    func sayPaged(_ text: String) {
        let size = Terminal.size(1)
        if pager, Terminal.isTerminal(1), text.reduce(0, { $1 == "\n" ? $0 + 1 : $0 }) >= size.rows - 1,
           let command = Pager.command(), Pager.show(text, command: command) {
            return
        }
        say(text)
    }

    /// Sends text to `.once`, `.output` or the terminal.
    func emit(_ text: String, separated: Bool) {
        let body = separated ? "\n" + text : text
        if let path = once {
            once = nil
            if !FileManager.default.createFile(atPath: path, contents: Data(body.utf8)) {
                sayError("error: cannot write '\(path)'\n")
            }
        } else if let output {
            output.handle.write(Data(body.utf8))
        } else {
            say(body)
        }
    }

    func say(_ s: String) {
        FileHandle.standardOutput.write(Data(s.utf8))
    }

    func sayError(_ s: String) {
        let red = color ? "\u{1B}[31m" : "", reset = color ? "\u{1B}[0m" : ""
        FileHandle.standardError.write(Data((s.hasPrefix("error:") ? red + "error" + reset + s.dropFirst(5) : s).utf8))
    }
}
