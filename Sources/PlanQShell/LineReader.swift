import CReadline
import Foundation
import PlanQ

/// The bridge to GNU readline: line editing, history, tab completion and Ctrl-C.
///
/// Every readline call of the shell is in this file. Readline is a C library with
/// global state and C function-pointer callbacks that cannot capture context, so
/// the callbacks reach the one active reader through ``LineReader/active``; the
/// shell is single-threaded at the prompt, and a second reader replaces the first.
///
/// Lines are read with readline's callback interface inside a `poll` loop that
/// also watches a self-pipe written by the SIGINT handler (C, async-signal-safe, in
/// the CReadline shim). That is how Ctrl-C cancels the current input without
/// leaving, and how ``interruptRequested()`` lets the shell cancel a running query.
///
/// History holds whole statements: a multi-line query is one entry, in memory and
/// in the history file, where a line break is stored as `\n` and a backslash as `\\`
/// (one entry per line, so the file stays readable and appendable).
final class LineReader {
    /// What one call of ``readLine(prompt:pending:)`` got.
    enum Input: Equatable {
        case line(String)
        /// Ctrl-D on an empty line, or the terminal went away.
        case endOfInput
        /// Ctrl-C: drop the pending input.
        case interrupted
    }

    /// Most history entries kept in memory and loaded from the file.
    static let historyLimit = 2000

    /// The reader readline's callbacks serve (set by `init`).
    private static var active: LineReader?
    /// The line handler's result for the current ``readLine(prompt:pending:)``.
    private static var received: Input?
    /// The bytes typed for the current line, checked as UTF-8 as they arrive
    /// (readline silently drops a byte that is not, so the line cannot show it).
    fileprivate static var typed = TypedBytes()

    /// A UTF-8 check over a stream of key bytes.
    struct TypedBytes {
        var count = 0
        var pending = 0
        var lead: (byte: UInt8, offset: Int) = (0, 0)
        var invalid: (byte: UInt8, offset: Int)?

        mutating func add(_ b: UInt8) {
            defer { count += 1 }
            if pending > 0 {
                if b & 0xC0 == 0x80 { pending -= 1; return }
                if invalid == nil { invalid = lead }
                pending = 0
            }
            switch b {
            case 0..<0x80: return
            case 0xC2...0xDF: pending = 1
            case 0xE0...0xEF: pending = 2
            case 0xF0...0xF4: pending = 3
            default: if invalid == nil { invalid = (b, count) }; return
            }
            lead = (b, count)
        }
    }

    let completer: Completer
    let historyPath: String?
    /// Colours the line as it is typed (nil: readline's plain display). Set by the shell
    /// when colour is allowed and `.highlight` is on; refreshed at each prompt so enum
    /// values of tables loaded meanwhile count.
    var highlighter: SyntaxHighlighter?
    /// The prompt of the line being edited (readline's display prompt differs during a search).
    private var prompt = ""
    /// Earlier lines of the current input, so completion knows the table named on line 1.
    private var pending = ""
    private var handlerInstalled = false
    private let interruptRead: Int32
    private var lastEntry: String?

    init(completer: Completer, historyPath: String?) {
        self.completer = completer
        self.historyPath = historyPath
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            interruptRead = fds[0]
            _ = planq_install_sigint(fds[1])
        } else {
            interruptRead = -1
        }
        LineReader.active = self
        // readline reads multibyte input by LC_CTYPE; in the C locale `é` would turn
        // into Meta keys. planq text is UTF-8, so ask for a UTF-8 character type.
        if setlocale(LC_CTYPE, "") == nil || !String(cString: nl_langinfo(nl_item(CODESET))).uppercased().contains("UTF") {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
        rl_readline_name = UnsafePointer(strdup("planq"))
        // The shell handles SIGINT itself; readline still follows window resizes.
        rl_catch_signals = 0
        rl_attempted_completion_function = lineReaderCompletionHook
        rl_getc_function = lineReaderGetcHook
        rl_completer_quote_characters = UnsafePointer(strdup("\"'"))
        rl_completer_word_break_characters = UnsafePointer(strdup(" \t\n(),=<>!+-*/%;"))
        stifle_history(Int32(LineReader.historyLimit))
        loadHistory()
    }

    // MARK: - Reading

    /// Shows `prompt` and edits one line; `pending` is the input typed on earlier lines.
    func readLine(prompt: String, pending: String) -> Input {
        self.pending = pending
        self.prompt = prompt
        if highlighter != nil { highlighter = SyntaxHighlighter(catalog: completer.catalog) }
        _ = interruptRequested()  // a Ctrl-C that arrived while a result printed is spent
        LineReader.received = nil
        LineReader.typed = TypedBytes()
        rl_callback_handler_install(prompt, lineReaderLineHook)
        handlerInstalled = true
        // Only now: readline treats a redisplay hook set before its first initialisation
        // as a display it need not know the terminal for, and falls back to one-row
        // horizontal scrolling.
        if highlighter == nil { rl_redisplay_function = rl_redisplay } else { rl_redisplay_function = lineReaderRedisplayHook }
        defer { removeHandler() }
        while true {
            var fds = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: interruptRead, events: Int16(POLLIN), revents: 0)]
            if poll(&fds, 2, -1) < 0 {
                if errno == EINTR { continue }
                return .endOfInput
            }
            if fds[1].revents & Int16(POLLIN) != 0 {
                _ = interruptRequested()
                abandonLine()
                return .interrupted
            }
            if fds[0].revents != 0 {
                rl_callback_read_char()
                if let r = LineReader.received { return r }
                if fds[0].revents & Int16(POLLIN) == 0 { return .endOfInput }  // hang-up
            }
        }
    }

    /// True (once) when Ctrl-C was pressed since the last call.
    func interruptRequested() -> Bool {
        var hit = false
        var fd = [pollfd(fd: interruptRead, events: Int16(POLLIN), revents: 0)]
        var byte: UInt8 = 0
        while interruptRead >= 0, poll(&fd, 1, 0) > 0, fd[0].revents & Int16(POLLIN) != 0, read(interruptRead, &byte, 1) == 1 {
            hit = true
        }
        return hit
    }

    /// Ctrl-C at the prompt: end the edited line visibly and forget it.
    private func abandonLine() {
        rl_free_line_state()
        rl_callback_sigcleanup()
        rl_point = rl_end
        rl_redisplay()
        rl_replace_line("", 0)
        FileHandle.standardOutput.write(Data("^C\n".utf8))
    }

    private func removeHandler() {
        if handlerInstalled { rl_callback_handler_remove() }
        handlerInstalled = false
    }

    /// Feeds one key byte to the current line's UTF-8 check.
    fileprivate static func noteTyped(_ b: UInt8) { typed.add(b) }

    /// Called by readline with the finished line (nil for Ctrl-D on an empty line).
    /// The handler is removed here so readline does not redraw the prompt before the
    /// shell has printed the result.
    fileprivate static func lineFinished(_ line: UnsafeMutablePointer<CChar>?) {
        if let line {
            let bytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(line).assumingMemoryBound(to: UInt8.self), count: strlen(line)))
            free(line)
            // `String(cString:)` would replace bytes that are not UTF-8 (a Latin-1
            // terminal's `é`), and readline itself drops them from the line, so the
            // query would silently match nothing. Such a line is refused with the
            // byte and its offset among the bytes typed, and the input so far is
            // dropped (as Ctrl-C does).
            do {
                if let bad = typed.invalid {
                    throw Diagnostic("the line is not UTF-8 text: byte 0x\(String(bad.byte, radix: 16, uppercase: true)) at offset \(bad.offset) of the keys typed",
                                     in: SourceText(name: "<input>", text: ""),
                                     help: "set the terminal to UTF-8; planq reads queries as UTF-8")
                }
                received = .line(try UTF8Input.decode(bytes, name: "<input>"))
            } catch {
                let d = error as? Diagnostic ?? Diagnostic("the line is not UTF-8 text")
                FileHandle.standardError.write(Data(DiagnosticRenderer(color: false).render(d).utf8))
                received = .interrupted
            }
        } else {
            received = .endOfInput
        }
        active?.removeHandler()
    }

    // MARK: - Highlighting

    /// readline's redisplay hook: readline draws the line as usual, then the line is
    /// painted over in colour (``LinePainter``), so layout and cursor stay readline's.
    /// Searches (Ctrl-R), which show another prompt, stay plain.
    fileprivate static func redisplay() {
        rl_redisplay()
        guard let reader = active, let highlighter = reader.highlighter, let buffer = rl_line_buffer,
              rl_readline_state & UInt(RL_STATE_ISEARCH | RL_STATE_NSEARCH | RL_STATE_SEARCH) == 0,
              let shown = rl_display_prompt.map({ String(cString: $0) }), shown == reader.prompt else { return }
        let bytes = UnsafeRawBufferPointer(start: buffer, count: Int(max(0, rl_end)))
        guard let line = String(validating: bytes, as: UTF8.self), !line.isEmpty else { return }
        var rows: Int32 = 0, cols: Int32 = 0
        rl_get_screen_size(&rows, &cols)
        let painter = LinePainter(columns: Int(cols), promptWidth: LinePainter.visibleWidth(shown))
        let styles = highlighter.styles(line: line, pending: reader.pending)
        let cursor = (Int(_rl_last_v_pos), Int(_rl_last_c_pos))
        guard let paint = painter.paint(line, styles: styles, cursor: cursor, screenRows: Int(rows)) else { return }
        _ = Pager.writeAll(Data(paint.utf8), to: 1)
    }

    // MARK: - Completion

    /// readline's attempted-completion hook: asks the ``Completer`` and hands back a
    /// malloc'd, NULL-terminated match list whose first entry replaces the word.
    fileprivate static func completions(_ text: UnsafePointer<CChar>?, _ start: Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        rl_attempted_completion_over = 1
        guard let reader = active, let text, let buffer = rl_line_buffer else { return nil }
        let bytes = UnsafeRawBufferPointer(start: buffer, count: Int(max(0, start)))
        let lineBefore = String(decoding: bytes, as: UTF8.self)
        let before = reader.pending.isEmpty ? lineBefore : reader.pending + "\n" + lineBefore
        let word = String(cString: text)
        let quote = rl_completion_quote_character
        guard var matches = reader.completer.complete(before: before, word: word, quoted: quote != 0) else {
            rl_attempted_completion_over = 0  // file names
            return nil
        }
        guard !matches.isEmpty else { return nil }
        // Inside a string, its own quote character is written twice (`'Children''s'`).
        if quote > 0, let q = Unicode.Scalar(UInt32(quote)).map(String.init) {
            matches = matches.map { $0.replacingOccurrences(of: q, with: q + q) }
        }
        if matches.count == 1, let last = matches[0].last, "(.\"".contains(last) { rl_completion_suppress_append = 1 }
        var replacement = matches.count == 1 ? matches[0] : commonPrefix(matches)
        if replacement.count < word.count { replacement = word }
        let list = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: matches.count + 2)
        list[0] = strdup(replacement)
        if matches.count > 1 {
            for (i, m) in matches.enumerated() { list[i + 1] = strdup(m) }
            list[matches.count + 1] = nil
        } else {
            list[1] = nil
        }
        return list
    }

    /// The longest prefix all matches share (compared exactly, so it is safe to insert).
    static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first.map(Array.init) else { return "" }
        for w in words.dropFirst() {
            let a = Array(w)
            var n = 0
            while n < prefix.count && n < a.count && prefix[n] == a[n] { n += 1 }
            prefix.removeSubrange(n...)
        }
        return String(prefix)
    }

    // MARK: - History

    /// Adds a whole statement (or meta command) to history and appends it to the file.
    func addHistory(_ entry: String) {
        guard !entry.allSatisfy(\.isWhitespace), entry != lastEntry else { return }
        lastEntry = entry
        add_history(entry)
        guard let historyPath else { return }
        let line = LineReader.encodeHistory(entry) + "\n"
        if let h = FileHandle(forWritingAtPath: historyPath) {
            h.seekToEndOfFile()
            h.write(Data(line.utf8))
            h.closeFile()
        } else {
            _ = FileManager.default.createFile(atPath: historyPath, contents: Data(line.utf8),
                                           attributes: [.posixPermissions: 0o600])
        }
    }

    private func loadHistory() {
        guard let historyPath, let text = try? String(contentsOfFile: historyPath, encoding: .utf8) else { return }
        let entries = text.split(separator: "\n").map { LineReader.decodeHistory(String($0)) }
        for e in entries.suffix(LineReader.historyLimit) { add_history(e) }
        lastEntry = entries.last
        // Keep the file from growing without bound: rewrite it when it is twice the limit.
        if entries.count > 2 * LineReader.historyLimit {
            let kept = entries.suffix(LineReader.historyLimit).map { LineReader.encodeHistory($0) + "\n" }.joined()
            try? kept.write(toFile: historyPath, atomically: true, encoding: .utf8)
        }
    }

    /// One history file line: `\` → `\\`, line break → `\n`.
    static func encodeHistory(_ entry: String) -> String {
        TextEscaper.escaping(entry) {
            switch $0 {
            case "\\": "\\\\"
            case "\n": "\\n"
            case "\r": "\\r"
            default: nil
            }
        }
    }

    /// The inverse of ``encodeHistory(_:)``.
    static func decodeHistory(_ line: String) -> String {
        var out = ""
        var escaped = false
        for ch in line.unicodeScalars {
            if escaped {
                switch ch {
                case "n": out += "\n"
                case "r": out += "\r"
                default: out.unicodeScalars.append(ch)
                }
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else {
                out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}

// readline takes plain C function pointers, which cannot be formed from static methods.
/// readline's key reader, with every byte also fed to the line's UTF-8 check.
private func lineReaderGetcHook(_ stream: UnsafeMutablePointer<FILE>?) -> Int32 {
    let c = rl_getc(stream)
    if c >= 0 && c < 256 { LineReader.noteTyped(UInt8(c)) }
    return c
}

private func lineReaderLineHook(_ line: UnsafeMutablePointer<CChar>?) {
    LineReader.lineFinished(line)
}

private func lineReaderRedisplayHook() {
    LineReader.redisplay()
}

private func lineReaderCompletionHook(_ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32)
    -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    LineReader.completions(text, start)
}
