import Foundation

/// Rebuilds reading order from a PDF's word boxes: lines from the words' vertical positions,
/// tables from column gutters that hold over several lines, rows from the vertical gaps between
/// lines (a cell that wraps is joined into one cell), and prose lines joined into paragraphs.
///
/// A table that goes on over a page break keeps the previous page's columns, its repeated header
/// is marked so ``DocumentReader`` folds it into the open table, and a row cut by the break is
/// joined to the row it continues.
struct PDFLayout {
    /// Tables found so far (for table numbers).
    private(set) var tableCount = 0
    /// The open table at the end of the last page: its number, column boundaries, header cells
    /// and left/right edges.
    var openTable: (id: Int, bounds: [Double], header: [String]?, x0: Double, x1: Double)?
    /// Where the open table's rows on the last page came from, so they can be cut again when the
    /// next page shows its columns better (a table whose page held only its header).
    var openSource: PDFTableSource?
    /// The items so far, in reading order.
    private(set) var items: [PDFLayoutItem] = []
    /// What was found, for `--report`.
    private(set) var notes: [String] = []

    /// An empty layout.
    init() {}

    /// The items of every page of `pages`, in order.
    static func items(_ pages: [PDFPage]) -> (items: [PDFLayoutItem], notes: [String]) {
        var l = PDFLayout()
        for p in pages { l.add(p) }
        return (l.items, l.notes)
    }

    /// The items of `pages` as a document named `name`: prose lines and tab-joined rows with their
    /// page and line.
    static func document(_ pages: [PDFPage], name: String) -> Document {
        let (items, notes) = items(pages)
        var doc = Document(name: name, format: .pdf)
        doc.notes = notes
        for it in items {
            let origin = SourceOrigin(page: it.page, line: it.line)
            if var cells = it.cells {
                // Empty trailing cells are dropped, as a text export drops them.
                while cells.count > 2, cells.last?.isEmpty == true { cells.removeLast() }
                doc.append(cells: cells, origin: origin)
            } else if let t = it.text {
                doc.append(text: t, origin: origin)
            }
        }
        return doc
    }

    /// Adds the items of page `page`.
    mutating func add(_ page: PDFPage) {
        let lines = Self.lines(page.words)
        if lines.isEmpty {
            notes.append("p. \(page.number): no text")
            return
        }
        let metrics = PDFPageMetrics(lines: lines.map(\.words))
        var out: [PDFLayoutItem] = []
        var prose: [PDFTextLine] = []
        func flushProse() {
            out.append(contentsOf: Self.paragraphs(prose, page: page.number, metrics: metrics))
            prose = []
        }
        let carried = openTable, carriedSource = openSource
        openTable = nil
        openSource = nil
        var i = 0
        var firstTable = true
        while i < lines.count {
            guard lines[i].fragments.count >= 2 else {
                prose.append(lines[i])
                i += 1
                continue
            }
            guard let region = Self.region(lines, from: i, metrics: metrics) else {
                // A lone line of separated phrases (`Wards affected    All wards`) is a row of its own.
                flushProse()
                out.append(PDFLayoutItem(text: nil, cells: lines[i].fragments.map { lines[i].text(of: $0) }, page: page.number, line: lines[i].number))
                i += 1
                continue
            }
            flushProse()
            // The first table on a page goes on from the last page's when its gutters line up with
            // that table's columns and only a running header stands before it.
            let multi = lines[region.lower...region.upper].filter { $0.fragments.count >= 2 }
            var bounds = Self.boundaries(multi, metrics: metrics)
            var id: Int? = nil
            var header: [String]? = nil
            if firstTable, let c = carried, out.filter({ $0.cells == nil }).count <= 2 {
                // The gutters of both pages' parts together: the last page may have held too few
                // lines to show them all (often only the header), this page may leave a column
                // empty that the header named.
                let both = carriedSource.map { src in
                    Self.boundaries(src.lines[src.region.lower...src.region.upper].filter { $0.fragments.count >= 2 } + multi, metrics: metrics)
                } ?? []
                if let src = carriedSource, Self.refines(both, lines: multi, old: c.bounds, x0: c.x0, x1: c.x1),
                   !multi.contains(where: { Self.crosses($0, both) }) {
                    // The last page's rows are cut again under the columns both parts show.
                    let rebuilt = Self.rows(src.lines, region: src.region, bounds: both, metrics: src.metrics, page: src.page, table: c.id)
                    items.replaceSubrange(src.items, with: rebuilt.items)
                    bounds = both
                    id = c.id
                    header = rebuilt.items.first(where: \.header)?.cells
                } else if Self.compatible(bounds, lines: multi, with: c.bounds, x0: c.x0, x1: c.x1) {
                    bounds = c.bounds
                    id = c.id
                    header = c.header
                }
            }
            firstTable = false
            let tableID = id ?? { tableCount += 1; return tableCount }()
            let built = Self.rows(lines, region: region, bounds: bounds, metrics: metrics, page: page.number, table: tableID)
            var rows = built.items
            if id != nil {
                // A repeated header is marked; a first row cut by the break joins the row it continues.
                if let h = header, let first = rows.first, (first.cells ?? []).map(Self.normal) == h.map(Self.normal) { rows[0].header = true }
                if let k = rows.firstIndex(where: { !$0.header }), Self.continues(rows[k].cells ?? []),
                   let last = items.lastIndex(where: { $0.table == tableID && !$0.header }) {
                    items[last].cells = Self.joinCells(items[last].cells ?? [], rows[k].cells ?? [])
                    rows.remove(at: k)
                }
            } else {
                header = rows.first(where: \.header)?.cells
                notes.append("p. \(page.number): table \(tableID) at line \(lines[region.lower].number), \(bounds.count + 1) columns")
            }
            let start = items.count + out.count
            out.append(contentsOf: rows)
            let x0 = lines[region.lower...region.upper].map(\.x0).min() ?? 0
            let x1 = lines[region.lower...region.upper].map(\.x1).max() ?? 0
            openTable = (tableID, bounds, header, x0, x1)
            openSource = PDFTableSource(lines: lines, region: region, metrics: metrics, page: page.number,
                                        items: start..<(start + rows.count))
            i = built.next
        }
        flushProse()
        // A table is open at the page's end only when nothing but short lines (a footer) follows it.
        if let last = out.lastIndex(where: { $0.cells != nil }), out[(last + 1)...].count > 2 {
            openTable = nil
            openSource = nil
        }
        items.append(contentsOf: out)
    }

    /// Whether a row cut by a page break continues the one above: its first cell is empty or starts
    /// in lower case.
    static func continues(_ cells: [String]) -> Bool {
        guard let first = cells.first else { return false }
        guard let c = first.first else { return cells.dropFirst().contains { !$0.isEmpty } }
        return c.isLowercase
    }

    /// `a` with each non-empty cell of `b` appended to the same cell.
    static func joinCells(_ a: [String], _ b: [String]) -> [String] {
        var out = a
        for (j, c) in b.enumerated() where !c.isEmpty {
            while out.count <= j { out.append("") }
            out[j] = out[j].isEmpty ? c : out[j] + " " + c
        }
        return out
    }

    /// Header text compared across pages: lower case, letters and digits only.
    static func normal(_ s: String) -> String { String(s.lowercased().filter { $0.isLetter || $0.isNumber }) }
}
