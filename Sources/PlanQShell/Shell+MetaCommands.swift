import Foundation
import PlanQ

extension Shell {
    /// Runs a parsed meta command. False for `.quit`.
    func runMeta(_ command: MetaCommand) -> Bool {
        switch command {
        case .help(nil):
            say(MetaCommand.helpText)
        case .help(let topic?):
            switch LanguageHelp.shared.text(for: topic) {
            case .success(let text): sayPaged(text)
            case .failure(let e): sayError("error: \(e.message)\n")
            }
        case .tables:
            show(SchemaSummary.tables(engine.catalog))
        case .schema(let name):
            schema(name)
        case .mode(let f, let e):
            format = f
            if let e { expanded = e } else if f == .table && expanded == .on { expanded = .off }
        case .expanded(let e):
            expanded = e ?? (expanded == .off ? .on : .off)
            say("expanded display is \(expanded.rawValue)\n")
        case .maxWidth(let n):
            cellLimit = n
        case .pager(let on):
            pager = on ?? !pager
            say("pager is \(pager ? "on" : "off")\n")
        case .highlight(let on):
            if on && !color {
                sayError("error: no highlighting without colour (NO_COLOR is set or stdout is not a terminal)\n")
            }
            reader.highlighter = on && color ? SyntaxHighlighter(catalog: engine.catalog) : nil
        case .ingest(let files, let name):
            ingest(files, as: name)
        case .report(let file, let parameters, let out):
            report(file, parameters: parameters, output: out)
        case .export(let table, let path):
            export(table, to: path)
        case .timer(let on):
            timer = on
        case .output(let path):
            setOutput(path)
        case .once(let path):
            once = path
        case .read(let path):
            let text: String
            do {
                text = try UTF8Input.readFile(path)
            } catch {
                sayError(DiagnosticRenderer(color: color).render(error as? Diagnostic ?? Diagnostic("cannot read '\(path)'")))
                return true
            }
            runStatements(SourceText(name: path, text: text))
        case .load(let path, let name):
            load(path, as: name)
        case .last:
            guard let last else {
                sayError("error: no result yet\n")
                return true
            }
            show(last, separated: false)
        case .threads(let n):
            engine.threads = n
        case .quit:
            return false
        }
        return true
    }

    private func schema(_ name: String?) {
        guard let name else {
            for (i, t) in engine.catalog.tableNames.compactMap(engine.catalog.table).enumerated() {
                emit("\(t.name) (\(ResultWriter.rowCountFooter(t.rowCount)))\n", separated: i > 0)
                show(SchemaSummary.columns(t))
            }
            return
        }
        guard let t = engine.catalog.table(name) else {
            let hint = EditDistance.suggest(name, among: engine.catalog.tableNames).map { "; did you mean '\($0)'?" } ?? ""
            sayError("error: unknown table '\(name)'\(hint)\n")
            return
        }
        show(SchemaSummary.columns(t))
    }

    private func setOutput(_ path: String?) {
        output?.handle.closeFile()
        output = nil
        guard let path else { return }
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let h = FileHandle(forWritingAtPath: path) else {
            sayError("error: cannot write '\(path)'\n")
            return
        }
        output = (path, h)
    }

    /// `.load`: a folder (every table in it, with its schema.json) or one file.
    private func load(_ path: String, as name: String?) {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            sayError("error: no such file or folder '\(path)'\n")
            return
        }
        do {
            if isDir.boolValue {
                if name != nil {
                    sayError("error: 'as NAME' names one file's table; a folder's tables are named after their files\n")
                    return
                }
                let loaded = try DataDirectory.load(path)
                for t in loaded.tableNames.compactMap(loaded.table) {
                    engine.catalog.add(t)
                    announce(t)
                }
                for (left, targets) in loaded.joinKeys {
                    for (right, keys) in targets { engine.catalog.joinKeys[left, default: [:]][right] = keys }
                }
            } else {
                let t = try DataDirectory.loadFile(path, name: name)
                engine.catalog.add(t)
                announce(t)
            }
        } catch let d as Diagnostic {
            // The message may quote a line of the data file: no colour, controls escaped.
            let text = ControlEscaper.escape(DiagnosticRenderer(color: false).render(d), keep: ["\n", "\t"])
            FileHandle.standardError.write(Data(text.utf8))
        } catch {
            sayError("error: \(error)\n")
        }
    }

    func announce(_ t: Table) {
        say("loaded \(ControlEscaper.escape(t.name)): \(ResultWriter.rowCountFooter(t.rowCount)), \(t.columns.count) columns\n")
    }
}
