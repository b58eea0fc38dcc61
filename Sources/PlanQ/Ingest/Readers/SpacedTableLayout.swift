import Foundation

/// Finds tables laid out with runs of spaces instead of tabs (what `pdftotext -layout` and many
/// copy-pastes give) and turns their lines into tab-separated rows, one line in, one line out, so
/// every row keeps its source line.
///
/// Two kinds of table are found:
/// - **Ruled tables**: header lines, a rule line (`-----`, `=====`, `+---+---+`, `───`), then rows
///   up to a blank line. The rule is never a row. Its gaps and junctions, when it has any, are the
///   columns; otherwise the columns come from gutters blank in every row below the rule (the header
///   is left out of this: its labels are often wider than their columns). The header lines become
///   one header row (``headerRow(_:columns:)``); the rule and the header's other lines become empty.
/// - **Unruled tables**: a run of non-blank lines in which at least three hold a run of two or more
///   spaces between words, cut at the gutters blank in every line of the run.
///
/// In both, a row's wrapped lines are kept in their columns: a line with nothing in the first
/// column is left for ``DocumentReader`` to append to the record above, and a line whose only text
/// sits in the first column, under a table whose rows fill several columns, is joined to the first
/// cell of the row above (a wrapped title) unless it starts with a code. Lines holding a tab are never
/// touched, so tab-separated exports read as before.
enum SpacedTableLayout {
    /// Widest line considered (longer lines are not laid-out tables).
    static let maxWidth = 10_000

    /// `lines` with every spaced table's lines rewritten as tab-separated rows.
    static func rewrite(_ lines: [String]) -> [String] {
        var out = lines
        var done = [Bool](repeating: false, count: lines.count)
        rewriteRuled(lines, &out, &done)
        rewriteUnruled(lines, &out, &done)
        return out
    }

    /// Whether `line` is blank (spaces only).
    static func isBlank(_ line: String) -> Bool { line.allSatisfy { $0 == " " || $0 == "\r" } }

    /// Whether `line` has no tab and a run of two or more spaces between words.
    static func isSpaced(_ line: String) -> Bool {
        guard !line.contains("\t") else { return false }
        let t = line.trimmingCharacters(in: .whitespaces)
        return t.contains("  ")
    }

    /// Tables with a rule line under their header.
    static func rewriteRuled(_ lines: [String], _ out: inout [String], _ done: inout [Bool]) {
        var r = 0
        while r < lines.count {
            guard !done[r], isRule(lines[r]), lines[r].count < maxWidth else { r += 1; continue }
            // Header: the non-blank lines above the rule (at most four, stopping at another rule).
            var top = r
            while top > 0, r - top < 4, !done[top - 1], !isBlank(lines[top - 1]), !lines[top - 1].contains("\t"),
                  !isRule(lines[top - 1]), lines[top - 1].count < maxWidth { top -= 1 }
            // A box's top rule sits above its header.
            let boxTop = top > 0 && isRule(lines[top - 1]) && !done[top - 1] ? top - 1 : nil
            // Body: the lines below the rule up to a blank line (rules inside are separators).
            var end = r + 1
            while end < lines.count, !isBlank(lines[end]), !lines[end].contains("\t"), lines[end].count < maxWidth { end += 1 }
            let rules = ([boxTop].compactMap { $0 } + Array(r..<end)).filter { isRule(lines[$0]) }
            let body = ((r + 1)..<end).filter { !isRule(lines[$0]) }
            guard !body.isEmpty else { r = end; continue }
            let boxed = rules.contains { isBoxRule(lines[$0]) }
            // A box's walls line up with its rule's junctions; a markdown table's need not, and is left alone.
            if boxed {
                let walls = Set(Array(lines[r]).enumerated().filter { junctionCharacters.contains($0.1) || "├┤╠╣".contains($0.1) }.map(\.0))
                let aligned = body.allSatisfy { i in
                    Array(lines[i]).enumerated().allSatisfy { k, c in !verticalBars.contains(c) || walls.contains(k) }
                }
                guard aligned else { r = end; continue }
            }
            func chars(_ i: Int) -> [Character] {
                let c = Array(lines[i])
                return boxed ? c.map { verticalBars.contains($0) ? " " : $0 } : c
            }
            let bodyRows = body.map(chars)
            let headerRows = (top..<r).map(chars)
            let width = (bodyRows + headerRows).map(\.count).max() ?? 0
            // The rule under the header speaks first; then any other rule with gaps; then gutters.
            var cuts = ruleCuts(lines[r])
            if cuts.isEmpty, let other = rules.lazy.map({ ruleCuts(lines[$0]) }).first(where: { !$0.isEmpty }) { cuts = other }
            let fromRule = !cuts.isEmpty
            // Gutters alone need a header of several labels: a lone underlined heading is no table.
            if cuts.isEmpty, headerRows.contains(where: { chunks($0).count >= 2 }) {
                cuts = gutters(bodyRows, minRows: min(2, bodyRows.count), minCrossing: 1) ?? []
            }
            guard !cuts.isEmpty else { r = end; continue }
            let cols = columns(cuts, width: width)
            if !headerRows.isEmpty {
                for k in top..<r { out[k] = "" }
                out[top] = headerRow(headerRows, columns: cols, splits: fromRule ? cuts : []).joined(separator: "\t")
            }
            for k in rules { out[k] = "" }
            writeRows(body.map { ($0, chars($0)) }, cuts: cuts, into: &out)
            for k in (boxTop ?? top)..<end { done[k] = true }
            r = end
        }
    }

    /// Tables without a rule: runs of lines whose gutters hold in every line.
    static func rewriteUnruled(_ lines: [String], _ out: inout [String], _ done: inout [Bool]) {
        var i = 0
        while i < lines.count {
            guard !done[i], isSpaced(lines[i]) else { i += 1; continue }
            // Grow the block over spaced lines and plain lines, up to a blank line.
            var j = i, spaced = 0, end = i
            while j < lines.count {
                let l = lines[j]
                if done[j] || l.contains("\t") || isBlank(l) { break }
                if isSpaced(l) { spaced += 1; end = j }
                j += 1
            }
            let block = Array(i...end)
            let rows = block.map { Array(lines[$0]) }
            if spaced >= 3, let cuts = gutters(rows, minRows: 2, minCrossing: 3), !cuts.isEmpty {
                writeRows(Array(zip(block, rows)), cuts: cuts, into: &out)
            }
            i = end + 1
        }
    }

    /// Writes `rows` (line index and characters) cut at `cuts` as tab rows into `out`, joining a
    /// wrapped first cell to the row above it.
    static func writeRows(_ rows: [(Int, [Character])], cuts: [Range<Int>], into out: inout [String]) {
        let cut = rows.map { cells($0.1, cuts) }
        let filled = cut.map { $0.filter { !$0.isEmpty }.count }
        // Records fill several columns: a line with only a first cell is then a wrapped title.
        let wide = filled.filter { $0 >= 2 }.count * 2 >= rows.count
        var last: (line: Int, cells: [String])? = nil
        for (n, (k, _)) in rows.enumerated() {
            var cells = cut[n]
            if wide, filled[n] == 1, let first = cells.first, !first.isEmpty, !startsWithCode(first), var above = last,
               !(above.cells.first ?? "").isEmpty {
                above.cells[0] += " " + first
                out[above.line] = above.cells.joined(separator: "\t")
                out[k] = ""
                last = above
                continue
            }
            if cells.count == 1 { cells.append("") }
            out[k] = cells.joined(separator: "\t")
            if !(cells.first ?? "").isEmpty { last = (k, cells) }
        }
    }

    /// Whether a cell starts with a code that opens a record (`NI 112`, `CG01`, `(NI 7)`, `12`, `R4`):
    /// a first word holding a digit, or a word of capitals followed by one that is a number.
    static func startsWithCode(_ text: String) -> Bool {
        let words = text.split(separator: " ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "()[].:")) }
        guard let w = words.first, !w.isEmpty else { return false }
        if w.contains(where: \.isNumber) && w.first?.isLetter != false || w.allSatisfy(\.isNumber) { return true }
        if w.count <= 5, w.allSatisfy({ $0.isUppercase }), words.count > 1, words[1].first?.isNumber == true { return true }
        return false
    }

    /// The gutters (ranges of character columns) of a block of lines, nil when it has none.
    ///
    /// A gutter is blank in every line, at least two wide, with words on both sides in `minRows`
    /// lines; at least `minCrossing` lines must have words on both sides of some gutter.
    static func gutters(_ rows: [[Character]], minRows: Int = 2, minCrossing: Int = 3) -> [Range<Int>]? {
        let width = rows.map(\.count).max() ?? 0
        guard width > 3, width < maxWidth, rows.count >= minCrossing else { return nil }
        var blank = [Bool](repeating: true, count: width)
        for r in rows {
            for (k, c) in r.enumerated() where c != " " { blank[k] = false }
        }
        var out: [Range<Int>] = []
        var k = 0
        while k < width {
            guard blank[k] else { k += 1; continue }
            var e = k
            while e < width && blank[e] { e += 1 }
            defer { k = e }
            guard k > 0, e < width, e - k >= 2 else { continue }
            let support = rows.filter { r in
                r.prefix(k).contains { $0 != " " } && r.count > e && r[e...].contains { $0 != " " }
            }.count
            if support >= minRows { out.append(k..<e) }
        }
        let crossing = rows.filter { r in out.contains { g in r.prefix(g.lowerBound).contains { $0 != " " } && r.count > g.upperBound } }.count
        return crossing >= minCrossing ? out : nil
    }

    /// `row` cut at `cuts` into trimmed cells (trailing empty cells dropped, keeping two).
    static func cells(_ row: [Character], _ cuts: [Range<Int>]) -> [String] {
        var cells: [String] = []
        var start = 0
        for g in cuts {
            let a = min(start, row.count), b = min(max(start, g.lowerBound), row.count)
            cells.append(String(row[a..<b]).trimmingCharacters(in: .whitespaces))
            start = g.upperBound
        }
        cells.append(start < row.count ? String(row[start...]).trimmingCharacters(in: .whitespaces) : "")
        while cells.count > 2, cells.last?.isEmpty == true { cells.removeLast() }
        return cells
    }
}
