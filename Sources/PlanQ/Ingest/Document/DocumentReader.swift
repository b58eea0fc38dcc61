/// Reads a document's lines into blocks: text lines, tables and loose rows.
///
/// A row is a line holding a tab. A header row (``HeaderMapper/header(_:)``) opens a table;
/// following rows are its records until a heading (``ContextTracker/isHeading(_:)``) or more than
/// a few lines of prose close it. A header repeated after a page break, with the same number of
/// cells and the same first column, continues the open table, keeping the first header (later
/// copies are often garbled by the export). A row whose first cell is empty continues the
/// previous record: its cells are appended to the record's cells.
struct DocumentReader {
    /// Lines of prose tolerated between a table's rows before the table is closed (page headers).
    var maxGap = 3

    /// The blocks of `lines` (line numbers are 1-based).
    func read(_ lines: [String]) -> [DocumentBlock] {
        var blocks: [DocumentBlock] = []
        var open: DocumentTable? = nil
        var loose: [SourceRow] = []
        var gap = 0

        // A table's block keeps the place where the table started, so text read while it was open
        // (page headers) comes after it and headings that closed it come after it too.
        var slot: Int? = nil
        func closeTable() {
            if let t = open, let i = slot {
                if t.rows.isEmpty && t.continued { blocks.remove(at: i) } else { blocks[i] = .table(t) }
            }
            open = nil
            slot = nil
        }
        func openTable(_ t: DocumentTable) {
            open = t
            slot = blocks.count
            blocks.append(.table(t))
        }
        func flushLoose() {
            if let first = loose.first { blocks.append(.loose(line: first.line, rows: loose)) }
            loose = []
        }

        var skipNext = false
        for (i, rawLine) in lines.enumerated() {
            let lineNo = i + 1
            if skipNext { skipNext = false; continue }
            let line = rawLine.hasSuffix("\r") ? String(rawLine.dropLast()) : rawLine
            if !line.contains("\t") {
                var text = TextCleaner.clean(line)
                if text.isEmpty { continue }
                // A list item keeps its bullet as `- ` so list readers can see it.
                if let first = line.first(where: { !$0.isWhitespace }), TextCleaner.bullets.contains(first) { text = "- " + text }
                flushLoose()
                // An `Actions:` label starts a new (often headerless) table: it closes the open one.
                if ContextTracker.isHeading(text) || Self.isCapitalHeading(text) || DocumentIngest.isActionsLabel(text) {
                    closeTable()
                } else if open != nil {
                    gap += 1
                    if gap > maxGap { closeTable() }
                }
                blocks.append(.text(line: lineNo, text: text))
                continue
            }
            let cells = line.components(separatedBy: "\t")
            if Self.isRule(cells) { continue }
            // `Lead Officer and Organisation: | Name, Body`: a label and its value, never a header.
            if !Self.isLabelAndValue(cells), var header = HeaderMapper.header(cells) {
                var cells = cells
                // The first line of a two-line header, compressed by the export, is left loose just above.
                if let above = loose.last, lineNo - above.line <= 4,
                   let both = Self.stackedHeader(above.cells, cells),
                   both.columns.compactMap({ $0 }).count > header.compactMap({ $0 }).count {
                    loose.removeLast()
                    cells = both.cells
                    header = both.columns
                }
                flushLoose()
                gap = 0
                if var t = open, Self.isRepeat(of: t, header: header, cells: cells) {
                    t.repeats += 1
                    open = t
                    continue
                }
                // A header split over two lines (`Short Term | Lead` / `Action | Individual`): read together.
                if var t = open, t.rows.isEmpty, t.line == lineNo - 1, let both = Self.joinedHeader(t.headerCells, cells) {
                    t.headerCells = both.cells
                    t.columns = both.columns
                    open = t
                    continue
                }
                closeTable()
                openTable(DocumentTable(line: lineNo, headerCells: cells, columns: header))
                continue
            }
            // `Measure and Target: NI 154 Net additional homes | Lead Individual | …`: a header whose
            // first cell also names the record.
            if let (header, first) = Self.headerWithTitle(cells) {
                flushLoose()
                gap = 0
                closeTable()
                var t = DocumentTable(line: lineNo, headerCells: [header[0]] + cells.dropFirst(), columns: HeaderMapper.header([header[0]] + cells.dropFirst()) ?? [])
                t.rows.append(SourceRow(line: lineNo, cells: [first] + Array(repeating: "", count: max(0, cells.count - 1))))
                openTable(t)
                continue
            }
            // A first header line the mapper cannot read alone, joined with the next line.
            if open == nil, i + 1 < lines.count, lines[i + 1].contains("\t"), HeaderMapper.header(cells) == nil,
               let both = Self.joinedHeader(cells, lines[i + 1].components(separatedBy: "\t")), both.cells.count == cells.count,
               cells.allSatisfy({ TextCleaner.clean($0).split(separator: " ").count <= 4 && !$0.contains(":") }),
               !TextCleaner.clean(cells[0]).isEmpty, cells.filter({ !TextCleaner.clean($0).isEmpty }).count >= 2,
               HeaderMapper.header(lines[i + 1].components(separatedBy: "\t")) != nil {
                flushLoose()
                gap = 0
                openTable(DocumentTable(line: lineNo, headerCells: both.cells, columns: both.columns))
                skipNext = true
                continue
            }
            let joined = TextCleaner.clean(cells.joined(separator: " "))
            if joined.isEmpty { continue }
            // A section heading in capitals laid out as a row ends the table; its rows are read as loose.
            if open != nil && Self.isCapitalHeading(TextCleaner.clean(cells[0])) { closeTable() }
            if let h = ContextTracker.heading(joined), ContextTracker.isHeading(joined) {
                // An objective or theme heading caught inside a table splits it: the rows after it
                // (often with no header of their own) go on under the same header.
                let carry = open
                closeTable()
                flushLoose()
                blocks.append(.text(line: lineNo, text: joined))
                if let c = carry, Self.keepsTableOpen(h) {
                    var next = DocumentTable(line: lineNo, headerCells: c.headerCells, columns: c.columns)
                    next.continued = true
                    openTable(next)
                }
                continue
            }
            // A group heading across the table (`Environment` over its rows) in a table whose
            // first column is a reference: a row naming nothing but a reference is no record.
            if let t = open, Self.isGroupRow(cells, in: t) {
                closeTable()
                blocks.append(.text(line: lineNo, text: joined))
                var next = DocumentTable(line: lineNo, headerCells: t.headerCells, columns: t.columns)
                next.continued = true
                next.repeats = t.repeats
                openTable(next)
                continue
            }
            let row = SourceRow(line: lineNo, cells: cells)
            if var t = open {
                gap = 0
                if Self.isContinuation(cells), var last = t.rows.last {
                    Self.append(row, to: &last)
                    t.rows[t.rows.count - 1] = last
                } else if var last = t.rows.last, Self.continuesWrappedRef(last.cells, cells) {
                    // `EL` / `12`: the reference wrapped, the rest of the row continues the record.
                    var rest = row
                    last.cells[0] = TextCleaner.clean(last.cells[0]) + " " + TextCleaner.clean(cells[0])
                    rest.cells[0] = ""
                    Self.append(rest, to: &last)
                    t.rows[t.rows.count - 1] = last
                } else {
                    t.rows.append(row)
                }
                open = t
            } else {
                loose.append(row)
            }
        }
        closeTable()
        flushLoose()
        return blocks
    }

    /// Whether `cells` is a group heading inside table `t`: only its first cell holds text, words
    /// without digits (not a code), and `t`'s first column holds references, not the record's name.
    static func isGroupRow(_ cells: [String], in t: DocumentTable) -> Bool {
        guard t.columns.first??.role == .ref, cells.count >= 3 else { return false }
        let first = TextCleaner.clean(cells[0])
        guard !first.isEmpty, !first.contains(where: \.isNumber), first.split(separator: " ").count >= 1,
              first.first?.isUppercase == true, first.count >= 4,
              cells.dropFirst().allSatisfy({ TextCleaner.clean($0).isEmpty }) else { return false }
        return CodeNormalizer.code(in: first) == nil
    }

    /// Whether a header row repeats the open table's header (a page break): same number of cells,
    /// same first heading, and most columns in the same roles.
    static func isRepeat(of t: DocumentTable, header: [HeaderColumn?], cells: [String]) -> Bool {
        guard t.columns.count == header.count,
              TextCleaner.key(t.headerCells.first ?? "") == TextCleaner.key(cells.first ?? "") else { return false }
        let same = zip(t.columns, header).filter { $0?.role == $1?.role }.count
        return Double(same) >= 0.6 * Double(header.count)
    }

    /// Two header lines read as one (cell by cell), when the joined cells form a header.
    static func joinedHeader(_ a: [String], _ b: [String]) -> (cells: [String], columns: [HeaderColumn?])? {
        let n = max(a.count, b.count)
        let cells = (0..<n).map { i in
            [i < a.count ? a[i] : "", i < b.count ? b[i] : ""].map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }.joined(separator: " ")
        }
        guard let cols = HeaderMapper.header(cells) else { return nil }
        return (cells, cols)
    }

    /// A compressed first header line (`Short Term | Measure and Target | Lead | Lead | Key | How will we
    /// monitor`) laid over the second (`Action | | | | | Individual | Agency | Partners | progress`): the first
    /// cells go to column 0, the last ones right-aligned onto the second line's named columns, any left
    /// over into the empty columns after column 0.
    static func stackedHeader(_ top: [String], _ bottom: [String]) -> (cells: [String], columns: [HeaderColumn?])? {
        let upper = top.map { TextCleaner.clean($0) }.filter { !$0.isEmpty }
        guard upper.count >= 3, upper.allSatisfy({ $0.split(separator: " ").count <= 4 && !$0.contains(where: \.isNumber) }) else { return nil }
        var cells = bottom.map { $0.trimmingCharacters(in: .whitespaces) }
        let named = cells.indices.filter { !cells[$0].isEmpty }
        guard let first = named.first, first == 0, named.count >= 2 else { return nil }
        var rest = Array(upper.dropFirst())
        cells[0] = upper[0] + " " + cells[0]
        for pos in named.dropFirst().reversed() {
            guard let top = rest.popLast() else { break }
            cells[pos] = top + " " + cells[pos]
        }
        var free = cells.indices.filter { $0 > 0 && cells[$0].isEmpty }.makeIterator()
        for top in rest {
            guard let pos = free.next() else { return nil }
            cells[pos] = top
        }
        guard let cols = HeaderMapper.header(cells) else { return nil }
        return (cells, cols)
    }

    /// A header row whose first cell is `Label: record title`: the header with the label alone, and the title.
    static func headerWithTitle(_ cells: [String]) -> ([String], String)? {
        guard let first = cells.first, let colon = first.firstIndex(of: ":") else { return nil }
        let label = String(first[..<colon]).trimmingCharacters(in: .whitespaces)
        let title = String(first[first.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        guard !label.isEmpty, !title.isEmpty, HeaderMapper.header([label] + cells.dropFirst()) != nil else { return nil }
        return ([label] + cells.dropFirst(), title)
    }

    /// A section heading in capitals (`ISSUES OF CONCERN, IF ANY …`): at least three words, the
    /// first three capital words of two letters or more.
    static func isCapitalHeading(_ text: String) -> Bool {
        let words = text.split(separator: " ").prefix(3)
        // Words, not codes: `CS D P015` is a reference.
        return words.count == 3 && words.allSatisfy { w in
            w.filter(\.isLetter).count >= 2 && !w.contains(where: \.isNumber) && w == w.uppercased()
        }
    }

    /// Headings that split a table without ending it (objectives and themes within a plan).
    static func keepsTableOpen(_ h: ContextHeading) -> Bool {
        switch h {
        case .objective, .theme: return true
        default: return false
        }
    }

    /// A row of two filled cells whose first ends in a colon (`Indicator: | NI 16 …`): a label and its value.
    static func isLabelAndValue(_ cells: [String]) -> Bool {
        let filled = cells.map(TextCleaner.clean).filter { !$0.isEmpty }
        return filled.count == 2 && filled[0].hasSuffix(":") && filled[1].split(separator: " ").count >= 2
    }

    /// A row whose first cell is empty continues the record above it.
    static func isContinuation(_ cells: [String]) -> Bool {
        guard let first = cells.first else { return false }
        return TextCleaner.clean(first).isEmpty
    }

    /// Whether `cells` finish a reference the row above cut after its letters (`EL` then `12`,
    /// `HW` then `1.3`): the above's first cell is a few capitals, this one's a short number, and the
    /// rest of this row is empty or wrapped text (lower case).
    static func continuesWrappedRef(_ above: [String], _ cells: [String]) -> Bool {
        guard let a = above.first.map(TextCleaner.clean), let b = cells.first.map(TextCleaner.clean),
              (1...5).contains(a.count), a.allSatisfy({ $0.isUppercase && $0.isLetter }),
              (1...6).contains(b.count), b.first?.isNumber == true, b.allSatisfy({ $0.isNumber || $0 == "." || $0.isLowercase }) else { return false }
        let rest = cells.dropFirst().map(TextCleaner.clean).filter { !$0.isEmpty }
        return rest.count <= 2 && rest.allSatisfy { $0.first?.isLowercase == true }
    }

    /// A row of `--` rules left by the export.
    static func isRule(_ cells: [String]) -> Bool {
        cells.allSatisfy { c in c.allSatisfy { $0 == "-" || $0 == " " || $0 == "=" } }
    }

    /// Appends each non-empty cell of `row` to the same cell of `record`.
    static func append(_ row: SourceRow, to record: inout SourceRow) {
        for (j, c) in row.cells.enumerated() where !c.trimmingCharacters(in: .whitespaces).isEmpty {
            while record.cells.count <= j { record.cells.append("") }
            record.cells[j] = record.cells[j].isEmpty ? c : record.cells[j] + " " + c
        }
        record.joinedRows += 1
    }
}
