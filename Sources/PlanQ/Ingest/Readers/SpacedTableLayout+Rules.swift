/// Rule lines in text tables laid out with spaces: `-----`, `=====`, `_____`, `+----+----+`,
/// `───┼───` and the like. A rule is never a row; its gaps and junctions mark column boundaries,
/// which is stronger evidence than gutters of spaces (a long cell can fill a gutter, never a gap
/// the writer left in the rule).
extension SpacedTableLayout {
    /// Characters a rule line may be drawn with.
    static let ruleCharacters: Set<Character> = [
        "-", "=", "_", "~", "+", "|", ":", "─", "━", "═", "╌", "┄", "┈", "│", "┃", "║",
        "┼", "├", "┤", "┌", "┐", "└", "┘", "┬", "┴", "╪", "╫", "╬", "╋", "╔", "╗", "╚", "╝", "╠", "╣", "╦", "╩",
    ]

    /// Characters that, inside a rule, mark where one column ends and the next begins.
    static let junctionCharacters: Set<Character> = ["+", "|", "┼", "┬", "┴", "╪", "╫", "╬", "╋", "╦", "╩", "│", "┃", "║"]

    /// Vertical bars drawn between cells of a boxed table; read as spaces inside such a table.
    static let verticalBars: Set<Character> = ["|", "│", "┃", "║"]

    /// Characters of a rule's horizontal strokes (a rule needs a run of three of them).
    static let strokeCharacters: Set<Character> = ["-", "=", "_", "~", "─", "━", "═", "╌", "┄", "┈"]

    /// Whether `line` is a rule: no tab, only rule characters and spaces, with a run of at least
    /// three horizontal strokes. `---- Quarter 2 ----` holds words, so it is a label, not a rule.
    static func isRule(_ line: String) -> Bool {
        guard !line.contains("\t") else { return false }
        var run = 0, best = 0, any = false
        for c in line {
            if c == " " { run = 0; continue }
            guard ruleCharacters.contains(c) else { return false }
            any = true
            if strokeCharacters.contains(c) { run += 1; best = max(best, run) } else { run = 0 }
        }
        return any && best >= 3
    }

    /// Whether a rule is drawn as a box (junctions or corners), so the table's `|` are cell walls.
    static func isBoxRule(_ line: String) -> Bool {
        isRule(line) && line.contains { c in junctionCharacters.contains(c) || "┌┐└┘├┤╔╗╚╝╠╣".contains(c) }
    }

    /// The column boundaries a rule marks: the runs of spaces between its strokes and its inner
    /// junctions, as ranges of character columns. Empty for a rule drawn in one piece.
    static func ruleCuts(_ line: String) -> [Range<Int>] {
        let chars = Array(line)
        guard let first = chars.firstIndex(where: { $0 != " " }),
              let last = chars.lastIndex(where: { $0 != " " }), first < last else { return [] }
        var cuts: [Range<Int>] = []
        var k = first
        while k <= last {
            let c = chars[k]
            if c == " " || (junctionCharacters.contains(c) && k > first && k < last) {
                var e = k
                while e <= last && (chars[e] == " " || (junctionCharacters.contains(chars[e]) && e < last)) { e += 1 }
                cuts.append(k..<e)
                k = e
            } else {
                k += 1
            }
        }
        return cuts
    }
}
