import Foundation

extension PDFLayout {
    /// The words of a page grouped into lines (top to bottom), each sorted left to right and split
    /// into fragments at gaps wider than a word space.
    static func lines(_ words: [PDFWord]) -> [PDFTextLine] {
        let sorted = words.filter { $0.height > 0 && $0.x1 >= $0.x0 }.sorted { ($0.midY, $0.x0) < ($1.midY, $1.x0) }
        var groups: [[PDFWord]] = []
        var anchor = (mid: 0.0, height: 0.0)
        for w in sorted {
            // Words whose centres lie within 40% of a line height share a line (a superscript or
            // a cell aligned a little lower still does).
            if !groups.isEmpty, abs(w.midY - anchor.mid) <= 0.4 * min(w.height, anchor.height) {
                groups[groups.count - 1].append(w)
            } else {
                groups.append([w])
                anchor = (w.midY, w.height)
            }
        }
        let rows = groups.map { $0.sorted { $0.x0 < $1.x0 } }
        let metrics = PDFPageMetrics(lines: rows)
        return rows.enumerated().map { n, ws in
            let tops = ws.map(\.y0).sorted(), bottoms = ws.map(\.y1).sorted()
            return PDFTextLine(words: ws, fragments: fragments(ws, metrics: metrics), number: n + 1,
                               y0: tops[tops.count / 2], y1: bottoms[bottoms.count / 2])
        }
    }

    /// Runs of `words` separated by gaps wider than a gutter; in a line whose gaps are all wide
    /// (justified prose), only gaps well above the line's own median split it.
    static func fragments(_ words: [PDFWord], metrics m: PDFPageMetrics) -> [Range<Int>] {
        guard words.count > 1 else { return words.isEmpty ? [] : [0..<1] }
        let gaps = (1..<words.count).map { words[$0].x0 - words[$0 - 1].x1 }
        let sortedGaps = gaps.sorted()
        let median = sortedGaps[sortedGaps.count / 2]
        // Gaps scale with the type: a heading in 18 pt has wider word spaces than the body text.
        let heights = words.map(\.height).sorted()
        let gutter = m.minGutter * max(1, heights[heights.count / 2] / m.height)
        var out: [Range<Int>] = []
        var start = 0
        for (k, g) in gaps.enumerated() {
            // Justified prose stretches every space alike; a row of cells has gaps of two sizes.
            let justified = gaps.count >= 4 && (sortedGaps.last ?? 0) <= 1.3 * max(0.01, sortedGaps[0])
            let wide = g >= gutter && !justified && (gaps.count < 4 || g >= 1.8 * median || median >= gutter)
            if wide {
                out.append(start..<(k + 1))
                start = k + 1
            }
        }
        out.append(start..<words.count)
        return out
    }

    /// The table region starting at line `i` (a line of two or more fragments): it grows down
    /// while lines stay close and lines of several fragments keep coming; nil unless it holds at
    /// least two such lines.
    static func region(_ lines: [PDFTextLine], from i: Int, metrics m: PDFPageMetrics) -> PDFRegion? {
        var lastMulti = i, multis = 1, j = i + 1
        // The widest gap between two lines of the region so far: the space between its rows.
        var rowGap = -Double.infinity
        while j < lines.count {
            let gap = lines[j].y0 - lines[j - 1].y1
            if gap > 2.2 * m.height { break }
            // Once rows are told apart by space (not only wrapped lines), a gap clearly wider than
            // any between them is the space between two tables (a table's margin, or a heading
            // between them), even when the next table starts right below.
            if multis >= 2, rowGap >= 0.3 * m.height, gap > 1.6 * rowGap { break }
            rowGap = max(rowGap, gap)
            // A line of prose across the table's width ends it (the note between two tables).
            let extent = (lines[i...lastMulti].map(\.x0).min() ?? 0, lines[i...lastMulti].map(\.x1).max() ?? 0)
            if lines[j].fragments.count < 2, lines[j].x1 - lines[j].x0 >= 0.6 * (extent.1 - extent.0) { break }
            if lines[j].fragments.count >= 2 {
                lastMulti = j
                multis += 1
            } else if j - lastMulti > 8 {
                break
            }
            j += 1
        }
        return multis >= 2 ? PDFRegion(lower: i, upper: lastMulti) : nil
    }
}
