/// Finds tables laid out with runs of spaces instead of tabs (what `pdftotext -layout` and many
/// copy-pastes give) and turns their lines into tab-separated rows.
///
/// A block is a run of non-blank lines in which at least three lines
/// hold a run of two or more spaces between words. Its gutters are character columns that are
/// blank in every line of the block, at least two wide, with words on both sides in at least two
/// lines. Each line of a block with a gutter is cut at the gutters into cells; lines holding a
/// tab are never touched, so tab-separated exports read as before.
enum SpacedTableLayout {
    /// `lines` with every spaced table's lines rewritten as tab-separated rows.
    static func rewrite(_ lines: [String]) -> [String] {
        var out = lines
        var i = 0
        while i < lines.count {
            guard isSpaced(lines[i]) else { i += 1; continue }
            // Grow the block over spaced lines, plain lines and single blank lines.
            var j = i, spaced = 0, end = i
            while j < lines.count {
                let l = lines[j]
                if l.contains("\t") { break }
                if l.trimmingCharacters(in: .whitespaces).isEmpty { break }
                if isSpaced(l) { spaced += 1; end = j }
                j += 1
            }
            let block = Array(i...end).filter { !lines[$0].trimmingCharacters(in: .whitespaces).isEmpty }
            if spaced >= 3, let cuts = gutters(block.map { Array(lines[$0]) }), !cuts.isEmpty {
                for k in block { out[k] = cells(Array(lines[k]), cuts).joined(separator: "\t") }
            }
            i = end + 1
        }
        return out
    }

    /// Whether `line` has no tab and a run of two or more spaces between words.
    static func isSpaced(_ line: String) -> Bool {
        guard !line.contains("\t") else { return false }
        let t = line.trimmingCharacters(in: .whitespaces)
        return t.contains("  ")
    }

    /// The gutters (ranges of character columns) of a block of lines, nil when it has none.
    static func gutters(_ rows: [[Character]]) -> [Range<Int>]? {
        let width = rows.map(\.count).max() ?? 0
        guard width > 3, width < 10_000, rows.count >= 3 else { return nil }
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
            if support >= 2 { out.append(k..<e) }
        }
        // At least three lines must have words on both sides of some gutter.
        let crossing = rows.filter { r in out.contains { g in r.prefix(g.lowerBound).contains { $0 != " " } && r.count > g.upperBound } }.count
        return crossing >= 3 ? out : nil
    }

    /// `row` cut at `cuts` into trimmed cells.
    static func cells(_ row: [Character], _ cuts: [Range<Int>]) -> [String] {
        var cells: [String] = []
        var start = 0
        for g in cuts {
            let a = min(start, row.count), b = min(g.lowerBound, row.count)
            cells.append(String(row[a..<b]).trimmingCharacters(in: .whitespaces))
            start = g.upperBound
        }
        cells.append(start < row.count ? String(row[start...]).trimmingCharacters(in: .whitespaces) : "")
        while cells.count > 2, cells.last?.isEmpty == true { cells.removeLast() }
        return cells
    }
}
