import Foundation

extension PDFLayout {
    /// The rows of table region `r` under column boundaries `bounds`, with any line crossing the
    /// columns read as prose in its place; `next` is the first line after the table.
    ///
    /// Lines are grouped into rows by their vertical gaps: when the gaps fall into two sizes
    /// (lines of one cell, then the wider space between rows), each wide gap starts a row;
    /// otherwise a line starts a row unless its first cell is empty or starts in lower case.
    /// A header whose first line holds a heading spanning several columns (a period over
    /// `Value | Target | Status`) is merged with the line below into one header row.
    static func rows(_ lines: [PDFTextLine], region r: PDFRegion, bounds: [Double], metrics m: PDFPageMetrics,
                     page: Int, table: Int) -> (items: [PDFLayoutItem], next: Int) {
        let n = bounds.count + 1
        // Lines of the table (nil marks a crossing line, kept as prose).
        var members: [(line: PDFTextLine, prose: Bool)] = []
        for k in r.lower...r.upper {
            let l = lines[k]
            members.append((l, l.fragments.count < 2 && crosses(l, bounds)))
        }
        let rowLines = members.filter { !$0.prose }.map(\.line)
        var gaps: [Double] = []
        for k in 1..<max(1, rowLines.count) { gaps.append(rowLines[k].y0 - rowLines[k - 1].y1) }
        // Lines of a header cell aligned apart from its neighbours can overlap: no gap is below zero.
        let gmin = max(0, gaps.min() ?? 0)
        let rowBreak = gmin + max(1.2, 0.12 * m.height)
        let twoSizes = gaps.contains { $0 > rowBreak }
        // Lines after the last multi-phrase line that belong to its row: close, inside one column.
        var next = r.upper + 1
        while next < lines.count, lines[next].fragments.count < 2, !crosses(lines[next], bounds),
              lines[next].y0 - lines[next - 1].y1 <= (twoSizes ? rowBreak : 0.5 * m.height) {
            members.append((lines[next], false))
            next += 1
        }

        var items: [PDFLayoutItem] = []
        var current: (cells: [String], line: Int, lines: [PDFTextLine])? = nil
        var previous: PDFTextLine? = nil
        // The last crossing line kept as prose, while the next may continue it.
        var previousProse: PDFTextLine? = nil
        func close() {
            if let c = current { items.append(PDFLayoutItem(text: nil, cells: c.cells, page: page, line: c.line, table: table)) }
            current = nil
        }
        for (line, prose) in members {
            if prose {
                // A cell spanning the table (an objective over its rows) that wraps: its lines
                // follow as closely as a wrapped cell's and are one line of prose.
                if let p = previousProse, let last = items.indices.last, items[last].cells == nil,
                   line.y0 - p.y1 <= (twoSizes ? rowBreak : 0.5 * m.height),
                   abs(line.height - p.height) <= 0.15 * p.height, !startsItem(line.text) {
                    items[last].text = (items[last].text ?? "") + " " + line.text
                } else {
                    close()
                    items.append(PDFLayoutItem(text: line.text, cells: nil, page: page, line: line.number))
                }
                previousProse = line
                previous = nil
                continue
            }
            previousProse = nil
            let cells = Self.cells(line, bounds, n)
            let startsRow: Bool
            if let p = previous, current != nil {
                let gap = line.y0 - p.y1
                startsRow = twoSizes ? gap > rowBreak : !(cells[0].isEmpty || cells[0].first?.isLowercase == true)
            } else {
                startsRow = true
            }
            if startsRow {
                close()
                current = (cells, line.number, [line])
            } else if var c = current {
                c.cells = joinCells(c.cells, cells)
                c.lines.append(line)
                current = c
            }
            previous = line
        }
        close()
        mergeHeader(&items, members: members.filter { !$0.prose }.map(\.line), bounds: bounds, twoSizes: twoSizes, rowBreak: rowBreak)
        return (items, next)
    }

    /// The cells of `line`: each word goes to the column holding its centre.
    static func cells(_ line: PDFTextLine, _ bounds: [Double], _ n: Int) -> [String] {
        var cells = [String](repeating: "", count: n)
        for w in line.words {
            let c = min(n - 1, column(w.midX, bounds))
            cells[c] = cells[c].isEmpty ? w.text : cells[c] + " " + w.text
        }
        return cells
    }

    /// Marks the first row as the header when it reads as one, merging a two-line header whose
    /// top line spans columns (`2008/09` over `Value | Target | Status`) into `2008/09 Value`, …
    static func mergeHeader(_ items: inout [PDFLayoutItem], members: [PDFTextLine], bounds: [Double], twoSizes: Bool, rowBreak: Double) {
        guard let first = items.first, let cells = first.cells else { return }
        let n = bounds.count + 1
        // The lines of the first row (they start at its line number, up to the next row's).
        let nextLine = items.count > 1 ? items[1].line : Int.max
        let topLines = members.filter { $0.number >= first.line && $0.number < nextLine }
        // Headings over several columns: those that cross a gutter, and those centred in a column
        // whose neighbours have a heading below them but none beside them.
        let topCells = cells
        let belowCells = items.count > 1 ? (items[1].cells ?? []) : []
        func shared(_ j: Int) -> Bool {
            guard belowCells.count == n, !belowCells[j].isEmpty else { return false }
            return [j - 1, j + 1].contains { k in k >= 0 && k < n && topCells[k].isEmpty && !belowCells[k].isEmpty }
        }
        let spans = topLines.flatMap { l in l.fragments.map { (l, $0) } }.filter {
            let cols = spanned($0.0, $0.1, bounds)
            return cols.count > 1 || shared(cols.lowerBound)
        }
        if !spans.isEmpty, items.count > 1, let below = items[1].cells,
           below.allSatisfy({ $0.split(separator: " ").count <= 4 }), below.contains(where: { !$0.isEmpty }) {
            let minX = members.map(\.x0).min() ?? 0, maxX = members.map(\.x1).max() ?? 0
            func left(_ j: Int) -> Double { j == 0 ? minX : bounds[j - 1] }
            func right(_ j: Int) -> Double { j == n - 1 ? maxX : bounds[j] }
            var top = [String](repeating: "", count: n)
            var spanning = [Bool](repeating: false, count: n)
            for l in topLines {
                for f in l.fragments where !spans.contains(where: { $0.0.number == l.number && $0.1 == f }) {
                    let j = spanned(l, f, bounds).lowerBound
                    top[j] = top[j].isEmpty ? l.text(of: f) : top[j] + " " + l.text(of: f)
                }
            }
            for (l, f) in spans {
                let cols = spanned(l, f, bounds)
                for j in cols where top[j] == l.text(of: f) { top[j] = "" }
                let (a, b) = l.extent(of: f)
                let centre = (a + b) / 2
                var lo = cols.lowerBound, hi = cols.upperBound
                while lo > 0, top[lo - 1].isEmpty, !spanning[lo - 1], !below[lo - 1].isEmpty { lo -= 1 }
                while hi < n - 1, top[hi + 1].isEmpty, !spanning[hi + 1], !below[hi + 1].isEmpty { hi += 1 }
                // The columns under the heading are those it is centred over.
                var best = (cols.lowerBound, cols.upperBound)
                var bestDistance = Double.infinity
                for s in lo...cols.lowerBound {
                    for e in cols.upperBound...hi {
                        let d = abs((left(s) + right(e)) / 2 - centre)
                        if d < bestDistance - 0.5 || (abs(d - bestDistance) <= 0.5 && e - s > best.1 - best.0) {
                            best = (s, e)
                            bestDistance = min(d, bestDistance)
                        }
                    }
                }
                for j in best.0...best.1 {
                    top[j] = l.text(of: f)
                    spanning[j] = true
                }
            }
            let merged = (0..<n).map { j in [top[j], below[j]].filter { !$0.isEmpty }.joined(separator: " ") }
            items[0].cells = merged
            items[0].header = true
            items.remove(at: 1)
            return
        }
        items[0].header = HeaderMapper.header(cells) != nil
    }
}
