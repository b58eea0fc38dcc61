import Foundation

/// Header lines of a spaced table (the lines above its rule), read into one header row.
///
/// Header words do not always sit inside the columns the rows define: a label is often wider
/// than its column or centred over right-aligned numbers, and a label above the header may span
/// several columns (`---- Quarter 2 ----` over `Value  Target`). So header lines are cut into
/// chunks at runs of two or more spaces, and each chunk goes to the column it overlaps most.
/// The line with the most chunks is the header; lines below it continue its cells (a label
/// wrapped over two lines); a line above it names the columns its chunks span, and its words are
/// put before each of their labels, as a two-row header is read.
extension SpacedTableLayout {
    /// A run of text in a line: its character columns and its text without rule decoration.
    struct Chunk: Equatable {
        /// The character columns the chunk covers.
        var span: Range<Int>
        /// The chunk's text, trimmed of spaces and of the strokes that frame a spanning label.
        var text: String
    }

    /// The chunks of `line`: runs of text separated by two or more spaces, or by one space that
    /// falls in one of `splits` (the gaps of a rule), unless the run is a label framed by strokes.
    static func chunks(_ line: [Character], splits: [Range<Int>] = []) -> [Chunk] {
        var out: [Chunk] = []
        var k = 0
        while k < line.count {
            if line[k] == " " { k += 1; continue }
            var e = k
            let framed = strokeCharacters.contains(line[k])
            while e < line.count {
                if line[e] == " " && (e + 1 >= line.count || line[e + 1] == " ") { break }
                if line[e] == " " && !framed && splits.contains(where: { $0.contains(e) }) { break }
                e += 1
            }
            let text = String(line[k..<e]).trimmingCharacters(in: .whitespaces)
            let bare = text.trimmingCharacters(in: CharacterSet(charactersIn: "-=_~ "))
            if !bare.isEmpty { out.append(Chunk(span: k..<e, text: bare)) }
            k = e
        }
        return out
    }

    /// The column (index into `columns`) that `span` overlaps most; the nearest when it overlaps none.
    static func column(of span: Range<Int>, in columns: [Range<Int>]) -> Int {
        var best = 0, bestOverlap = 0, bestDistance = Int.max
        for (i, c) in columns.enumerated() {
            let overlap = min(span.upperBound, c.upperBound) - max(span.lowerBound, c.lowerBound)
            if overlap > bestOverlap { best = i; bestOverlap = overlap }
            if bestOverlap == 0 {
                let d = span.upperBound <= c.lowerBound ? c.lowerBound - span.upperBound : span.lowerBound - c.upperBound
                if d >= 0 && d < bestDistance { best = i; bestDistance = d }
            }
        }
        return best
    }

    /// The columns a row's cuts leave, as character ranges (the last runs to `width`).
    static func columns(_ cuts: [Range<Int>], width: Int) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        for g in cuts {
            out.append(start..<max(start, g.lowerBound))
            start = g.upperBound
        }
        out.append(start..<max(start + 1, width))
        return out
    }

    /// One header row from the header lines `lines` (top to bottom) cut into `columns`; a label
    /// is split at a single space only inside `splits` (a rule's gaps).
    static func headerRow(_ lines: [[Character]], columns: [Range<Int>], splits: [Range<Int>] = []) -> [String] {
        let cut = lines.map { chunks($0, splits: splits) }
        guard let main = cut.indices.max(by: { cut[$0].count <= cut[$1].count }) else { return [] }
        var cells = [String](repeating: "", count: columns.count)
        var spans = [Range<Int>?](repeating: nil, count: columns.count)
        func add(_ text: String, to i: Int) { cells[i] = cells[i].isEmpty ? text : cells[i] + " " + text }
        for line in cut[main...] {
            for ch in line {
                let i = column(of: ch.span, in: columns)
                add(ch.text, to: i)
                let s = spans[i] ?? ch.span
                spans[i] = min(s.lowerBound, ch.span.lowerBound)..<max(s.upperBound, ch.span.upperBound)
            }
        }
        // Labels above the header, nearest first, go before each label they span.
        for line in cut[..<main].reversed() {
            for ch in line {
                let covered = columns.indices.filter { i in
                    let s = spans[i] ?? columns[i]
                    return min(ch.span.upperBound, s.upperBound) - max(ch.span.lowerBound, s.lowerBound) > 0
                }
                for i in covered.isEmpty ? [column(of: ch.span, in: columns)] : covered {
                    cells[i] = cells[i].isEmpty ? ch.text : ch.text + " " + cells[i]
                }
            }
        }
        return cells
    }
}
