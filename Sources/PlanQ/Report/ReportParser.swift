/// Reads a report file. The format is line based, so an analyst can diff it:
///
///     # a comment
///     title: Scrutiny pack
///     rag-rule: Statuses as stated in each plan document.
///     param theme: text = "Community Safety"
///     param as_of: date = 2009-03-31
///
///     section: Red indicators
///     text: Indicators the documents rate red, with the gap to target.
///     show: table
///     requires: indicators(status, owner)
///     query:
///         indicators where theme = $theme and status = red
///         select code, title, owner, actual - target as gap
///
/// A directive starts at column 1 (`title:`, `rag-rule:`, `param`, `section:`, `text:`,
/// `show:`, `requires:`, `query:`); the lines of a query are indented under its `query:`
/// line. `requires:` applies to the next `query:` only. Every error is a ``Diagnostic``
/// pointing into the file (`file:line:col`), with a suggestion for a misspelt word.
public struct ReportParser {
    let source: SourceText
    let bytes: [UInt8]
    var title: (String, SourceSpan)?
    var ragRule: String?
    var parameters: [ReportParameter] = []
    var sections: [ReportSection] = []
    var pendingRequires: [ReportRequirement] = []

    static let directives = ["title", "rag-rule", "param", "section", "text", "show", "requires", "query"]

    init(_ source: SourceText) {
        self.source = source
        self.bytes = Array(source.text.utf8)
    }

    /// Parses a whole report file.
    public static func parse(_ source: SourceText) throws -> ReportDefinition {
        var p = ReportParser(source)
        return try p.parseFile()
    }

    /// A line of the file: its byte range, without the line break.
    struct Line {
        var start: Int
        var end: Int
    }

    mutating func parseFile() throws -> ReportDefinition {
        let lines = splitLines()
        var i = 0
        while i < lines.count {
            let line = lines[i]
            let text = self.text(line.start, line.end)
            let trimmed = text.trimmingTrailingSpaces()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { i += 1; continue }
            if isIndent(bytes[line.start]) {
                throw error("an indented line belongs under a 'query:' line", line.start, line.end,
                            help: "start directives at column 1, or put 'query:' above this line")
            }
            i = try directive(lines, at: i)
        }
        guard let title else {
            throw Diagnostic("the report has no 'title:' line", at: SourceSpan(0, 0), in: source,
                             help: "add a line such as 'title: Scrutiny pack'")
        }
        if let last = sections.last, last.queries.isEmpty {
            throw error("section '\(last.heading)' has no query", last.span.start, last.span.end)
        }
        if !pendingRequires.isEmpty, let s = sections.last {
            throw error("'requires:' must come before the 'query:' it applies to", s.span.start, s.span.end)
        }
        if sections.isEmpty {
            throw error("the report has no sections", title.1.start, title.1.end,
                        help: "add a 'section:' line followed by 'show:' and 'query:'")
        }
        return ReportDefinition(source: source, title: title.0, ragRule: ragRule ?? "",
                                parameters: parameters, sections: sections)
    }

    /// Handles the directive on line `i`; returns the index of the next line to read.
    mutating func directive(_ lines: [Line], at i: Int) throws -> Int {
        let line = lines[i]
        var keyEnd = line.start
        while keyEnd < line.end, isWordByte(bytes[keyEnd]) { keyEnd += 1 }
        let key = text(line.start, keyEnd).lowercased()
        guard ReportParser.directives.contains(key) else {
            let suggestion = EditDistance.suggest(key, among: ReportParser.directives)
            throw error("unknown directive '\(key)'", line.start, max(keyEnd, line.start + 1),
                        help: suggestion.map { "did you mean '\($0):'?" }
                            ?? "directives are " + ReportParser.directives.map { $0 + ":" }.joined(separator: " "))
        }
        if key == "param" { try parameter(keyEnd, line.end); return i + 1 }
        guard keyEnd < line.end, bytes[keyEnd] == UInt8(ascii: ":") else {
            throw error("expected ':' after '\(key)'", keyEnd, keyEnd + 1)
        }
        var valueStart = keyEnd + 1
        while valueStart < line.end, isIndent(bytes[valueStart]) { valueStart += 1 }
        let value = text(valueStart, line.end).trimmingTrailingSpaces()
        let keySpan = SourceSpan(line.start, keyEnd)
        switch key {
        case "title":
            if let t = title { throw error("a second 'title:' (the first is on line \(lineNumber(t.1.start)))", line.start, keyEnd) }
            guard !value.isEmpty else { throw error("'title:' needs the report's title", keyEnd, keyEnd + 1) }
            title = (value, keySpan)
        case "rag-rule":
            ragRule = ragRule.map { $0 + " " + value } ?? value
        case "section":
            guard !value.isEmpty else { throw error("'section:' needs a heading", keyEnd, keyEnd + 1) }
            if let last = sections.last, last.queries.isEmpty {
                throw error("section '\(last.heading)' has no query", last.span.start, last.span.end)
            }
            sections.append(ReportSection(heading: value, commentary: "", display: .table, queries: [],
                                          span: SourceSpan(line.start, line.end)))
        case "text":
            try requireSection(key, keySpan)
            let c = sections[sections.count - 1].commentary
            sections[sections.count - 1].commentary = c.isEmpty ? value : c + " " + value
        case "show":
            try requireSection(key, keySpan)
            guard let d = ReportDisplay(rawValue: value.lowercased()) else {
                let names = ReportDisplay.allCases.map(\.rawValue)
                throw error("unknown display '\(value)'", valueStart, max(line.end, valueStart + 1),
                            help: EditDistance.suggest(value.lowercased(), among: names).map { "did you mean '\($0)'?" }
                                ?? "displays are " + names.joined(separator: ", "))
            }
            sections[sections.count - 1].display = d
        case "requires":
            try requireSection(key, keySpan)
            pendingRequires += try requirements(valueStart, line.end)
        default: // query
            try requireSection(key, keySpan)
            return try query(lines, at: i, caption: value)
        }
        return i + 1
    }

    /// `param NAME: KIND = VALUE`, from just after the word `param`.
    mutating func parameter(_ from: Int, _ end: Int) throws {
        var pos = skipSpaces(from, end)
        let nameStart = pos
        while pos < end, isWordByte(bytes[pos]), bytes[pos] != UInt8(ascii: "-") { pos += 1 }
        let name = text(nameStart, pos)
        guard !name.isEmpty, !(bytes[nameStart] >= 0x30 && bytes[nameStart] <= 0x39) else {
            throw error("expected a parameter name after 'param'", nameStart, nameStart + 1,
                        help: "write 'param theme: text = \"Community Safety\"'")
        }
        if let other = parameters.first(where: { $0.name == name }) {
            throw error("parameter '\(name)' is declared twice (first on line \(lineNumber(other.span.start)))", nameStart, pos)
        }
        pos = skipSpaces(pos, end)
        guard pos < end, bytes[pos] == UInt8(ascii: ":") else {
            throw error("expected ':' and a kind (text, date or number) after the parameter name", pos, pos + 1)
        }
        pos = skipSpaces(pos + 1, end)
        let kindStart = pos
        while pos < end, isWordByte(bytes[pos]) { pos += 1 }
        let kindWord = text(kindStart, pos).lowercased()
        guard let kind = ReportParameter.Kind(rawValue: kindWord) else {
            let kinds = ReportParameter.Kind.allCases.map(\.rawValue)
            throw error("unknown parameter kind '\(kindWord)'", kindStart, max(pos, kindStart + 1),
                        help: EditDistance.suggest(kindWord, among: kinds).map { "did you mean '\($0)'?" }
                            ?? "kinds are text, date and number")
        }
        pos = skipSpaces(pos, end)
        guard pos < end, bytes[pos] == UInt8(ascii: "=") else {
            throw error("expected '=' and a default value", pos, pos + 1)
        }
        pos = skipSpaces(pos + 1, end)
        let valueStart = pos
        let raw: String
        if pos < end, bytes[pos] == UInt8(ascii: "\"") {
            raw = try quoted(&pos, end)
            let rest = skipSpaces(pos, end)
            if rest < end { throw error("unexpected text after the default value", rest, end) }
        } else {
            raw = text(pos, end).trimmingTrailingSpaces()
        }
        let param = ReportParameter(name: name, kind: kind, defaultValue: .text(raw), span: SourceSpan(nameStart, end))
        guard let v = param.value(parsing: raw) else {
            throw error("'\(raw)' is not a \(kind.rawValue)", valueStart, max(end, valueStart + 1),
                        help: kind == .date ? "write dates as YYYY-MM-DD" : nil)
        }
        var p = param
        p.defaultValue = v
        parameters.append(p)
    }

    /// A double-quoted string with `\"` and `\\` escapes; `pos` is at the opening quote.
    func quoted(_ pos: inout Int, _ end: Int) throws -> String {
        let open = pos
        var out: [UInt8] = []
        pos += 1
        while pos < end {
            let b = bytes[pos]
            if b == UInt8(ascii: "\"") { pos += 1; return String(decoding: out, as: UTF8.self) }
            if b == UInt8(ascii: "\\"), pos + 1 < end { out.append(bytes[pos + 1]); pos += 2; continue }
            out.append(b)
            pos += 1
        }
        throw error("unterminated string", open, open + 1, help: "close the string with \"")
    }

    /// `table(col, col), table`.
    func requirements(_ from: Int, _ end: Int) throws -> [ReportRequirement] {
        var out: [ReportRequirement] = []
        var pos = skipSpaces(from, end)
        while pos < end {
            let nameStart = pos
            while pos < end, isWordByte(bytes[pos]) { pos += 1 }
            guard pos > nameStart else { throw error("expected a table name", pos, pos + 1) }
            var req = ReportRequirement(table: text(nameStart, pos), columns: [])
            pos = skipSpaces(pos, end)
            if pos < end, bytes[pos] == UInt8(ascii: "(") {
                pos += 1
                while true {
                    pos = skipSpaces(pos, end)
                    let cs = pos
                    while pos < end, isWordByte(bytes[pos]) { pos += 1 }
                    guard pos > cs else { throw error("expected a column name", pos, pos + 1) }
                    req.columns.append(text(cs, pos))
                    pos = skipSpaces(pos, end)
                    if pos < end, bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
                    guard pos < end, bytes[pos] == UInt8(ascii: ")") else { throw error("expected ',' or ')'", pos, pos + 1) }
                    pos += 1
                    break
                }
            }
            out.append(req)
            pos = skipSpaces(pos, end)
            if pos < end {
                guard bytes[pos] == UInt8(ascii: ",") else { throw error("expected ',' between tables", pos, pos + 1) }
                pos = skipSpaces(pos + 1, end)
            }
        }
        guard !out.isEmpty else { throw error("'requires:' needs a table name", from, from + 1) }
        return out
    }

    /// The `query:` line at `i` and the indented lines under it.
    mutating func query(_ lines: [Line], at i: Int, caption: String) throws -> Int {
        var j = i + 1
        var first: Int?
        var last = lines[i].end
        while j < lines.count {
            let l = lines[j]
            let blank = text(l.start, l.end).trimmingTrailingSpaces().isEmpty
            if !blank && !isIndent(bytes[l.start]) { break }
            if !blank {
                if first == nil { first = l.start }
                last = l.end
            }
            j += 1
        }
        guard let start = first else {
            throw error("'query:' needs a planq query on the indented lines below it", lines[i].start, lines[i].end)
        }
        let text = self.text(start, last)
        try checkParameters(in: text, offset: start)
        sections[sections.count - 1].queries.append(
            ReportQuery(caption: caption, text: text, offset: start, requires: pendingRequires))
        pendingRequires = []
        return j
    }

    /// Every `$name` in a query names a declared parameter.
    func checkParameters(in text: String, offset: Int) throws {
        for ref in ParameterSubstitution.references(in: text) where !parameters.contains(where: { $0.name == ref.name }) {
            throw Diagnostic("unknown parameter '$\(ref.name)'", at: SourceSpan(offset + ref.start, offset + ref.end), in: source,
                             help: EditDistance.suggest(ref.name, among: parameters.map(\.name)).map { "did you mean '$\($0)'?" }
                                ?? "declare it with 'param \(ref.name): text = ...'")
        }
    }

    mutating func requireSection(_ key: String, _ span: SourceSpan) throws {
        if sections.isEmpty {
            throw error("'\(key):' belongs to a section", span.start, span.end, help: "put a 'section: Heading' line above it")
        }
    }

    // MARK: bytes and positions

    func splitLines() -> [Line] {
        var lines: [Line] = []
        var s = 0
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") {
            lines.append(Line(start: s, end: i > s && bytes[i - 1] == UInt8(ascii: "\r") ? i - 1 : i))
            s = i + 1
        }
        if s < bytes.count { lines.append(Line(start: s, end: bytes.count)) }
        return lines
    }

    func text(_ a: Int, _ b: Int) -> String { String(decoding: bytes[a..<max(a, b)], as: UTF8.self) }
    func isIndent(_ b: UInt8) -> Bool { b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") }
    func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
            || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")
    }
    func skipSpaces(_ p: Int, _ end: Int) -> Int {
        var p = p
        while p < end, isIndent(bytes[p]) { p += 1 }
        return p
    }
    func lineNumber(_ offset: Int) -> Int { DiagnosticRenderer.position(of: offset, in: source).line }
    func error(_ message: String, _ start: Int, _ end: Int, help: String? = nil) -> Diagnostic {
        Diagnostic(message, at: SourceSpan(start, min(end, bytes.count)), in: source, help: help)
    }
}

fileprivate extension String {
    /// The string without trailing spaces and tabs.
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while let c = s.last, c == " " || c == "\t" { s.removeLast() }
        return String(s)
    }
}
