import Foundation

/// Finds tables exported with one cell per line (some committee systems and copy-pastes of web
/// tables give them): a run of N short header labels, then groups of N lines, one per cell, whose
/// kinds (number, date, code, words) repeat from group to group. Each such run becomes a header
/// row and one tab-separated row per group.
///
/// Only runs of non-blank lines without tabs are looked at; a table needs at least three labels,
/// two groups, and a column of numbers, dates or codes (a list of short phrases is not a table).
/// Work is linear in the lines times the widest table tried (``maxColumns``).
enum CellPerLineLayout {
    /// The widest table looked for.
    static let maxColumns = 12

    /// What a cell holds, as far as telling columns apart needs.
    enum Kind: Equatable {
        case number, date, code, words
    }

    /// `lines` with every one-cell-per-line table folded into tab rows, each with the 0-based
    /// index of the line it starts at.
    static func rewrite(_ lines: [String]) -> [(text: String, source: Int)] {
        var out: [(text: String, source: Int)] = []
        // Each line is classified once, so the search below only compares small values.
        let info = lines.map(LineInfo.init)
        var i = 0
        while i < lines.count {
            if let t = table(info, at: i) {
                let k = t.columns
                out.append((lines[i..<(i + k)].map(trimmed).joined(separator: "\t"), i))
                for g in 0..<t.groups {
                    let s = i + k * (g + 1)
                    out.append((lines[s..<(s + k)].map(trimmed).joined(separator: "\t"), s))
                }
                i += k * (t.groups + 1)
            } else {
                out.append((lines[i], i))
                i += 1
            }
        }
        return out
    }

    /// What the search needs of one line.
    struct LineInfo {
        /// Whether it reads as a column label.
        var label: Bool
        /// Whether it can be a cell (not blank, no tab, not a page of text).
        var cell: Bool
        /// The kind of cell it holds.
        var kind: Kind

        /// The facts of `line`.
        init(_ line: String) {
            let t = CellPerLineLayout.trimmed(line)
            kind = CellPerLineLayout.kind(t)
            cell = !line.contains("\t") && !t.isEmpty && t.count <= 400
            label = CellPerLineLayout.isLabel(line)
        }
    }

    /// The table whose header starts at line `i`: its column count and number of row groups; the
    /// one covering most lines (the fewest columns among equals).
    static func table(_ lines: [LineInfo], at i: Int) -> (columns: Int, groups: Int)? {
        var best: (columns: Int, groups: Int)? = nil
        var k = 0
        // Header labels: the longest run of header-like lines from i.
        while k < maxColumns, i + k < lines.count, lines[i + k].label { k += 1 }
        guard k >= 3 else { return nil }
        for n in 3...k {
            let g = groups(lines, from: i + n, columns: n)
            guard g >= 2 else { continue }
            if best.map({ n * g > $0.columns * $0.groups }) ?? true { best = (n, g) }
        }
        return best
    }

    /// How many groups of `n` cell lines follow from line `s`, each with the kinds of the first
    /// (one cell in four may differ: a `TBC` among numbers).
    static func groups(_ lines: [LineInfo], from s: Int, columns n: Int) -> Int {
        guard s + n <= lines.count, lines[s..<(s + n)].allSatisfy(\.cell) else { return 0 }
        let kinds = lines[s..<(s + n)].map(\.kind)
        // A column of numbers, dates or codes: a list of short phrases is not a table.
        guard kinds.contains(where: { $0 != .words }) else { return 0 }
        var g = 0
        while s + (g + 1) * n <= lines.count {
            let start = s + g * n
            guard lines[start..<(start + n)].allSatisfy(\.cell) else { break }
            let differ = (0..<n).filter { lines[start + $0].kind != kinds[$0] }.count
            guard differ <= n / 4 else { break }
            g += 1
        }
        return g
    }

    /// Whether `line` reads as a column label: short words starting with a letter, no tab.
    static func isLabel(_ line: String) -> Bool {
        let t = trimmed(line)
        guard !t.isEmpty, t.count <= 40, !line.contains("\t"), t.first?.isLetter == true else { return false }
        guard !t.hasSuffix("."), !t.hasSuffix(":") else { return false }
        return t.split(separator: " ").count <= 5 && kind(t) == .words
    }

    /// The kind of cell `line` holds.
    static func kind(_ line: String) -> Kind {
        let t = trimmed(line)
        let words = t.split(separator: " ")
        let digits = t.filter(\.isNumber).count, letters = t.filter(\.isLetter).count
        if digits > 0, letters == 0 { return .number }
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        if words.count <= 3, digits > 0,
           words.contains(where: { w in months.contains { w.lowercased().hasPrefix($0) } }) { return .date }
        if words.count <= 3, t.count <= 12, digits > 0, letters > 0 { return .code }
        return .words
    }

    /// `s` without surrounding spaces.
    static func trimmed(_ s: String) -> String { s.trimmingCharacters(in: .whitespaces) }
}
