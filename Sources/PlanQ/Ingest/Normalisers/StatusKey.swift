import Foundation

/// A document's own key from its status words (or symbols) to red / amber / green, learned from its
/// legend, and applied before the default table of ``StatusVocabulary``.
///
/// Legends come in three shapes, all read here:
/// - `word = colour` lists: `completed = green, on schedule = green, behind schedule = amber`,
///   `R = red, A = amber, G = green`;
/// - `word = description (Colour)` sentences: `Hit = the target has been met (Green). Just miss = …
///   (Amber).`;
/// - key tables: a short first cell (or a symbol and a word) and a description naming one colour in
///   brackets or after `as`: `close to target | within 5% of its target (reported as Amber)`,
///   `✔ | Achieved | target met | (Green)`.
struct StatusKey: Sendable, Equatable {
    /// (phrase in lower-case words, colour).
    var phrases: [String: String] = [:]
    /// Symbol → colour (`✔` → green).
    var symbols: [Character: String] = [:]

    /// Whether the document gave no key.
    var isEmpty: Bool { phrases.isEmpty && symbols.isEmpty }

    private static let colourRE = IngestPattern.make(#"\b(red|amber|green)\b"#, caseless: true)
    /// A colour named as a key's value: `(Green)`, `(reported as Amber)`, `as Red)`.
    private static let bracketColourRE = IngestPattern.make(#"(?:\(|\bas\s+)(?:[a-z ]{0,30}\s)?(red|amber|green)\s*\)?\s*\.?\s*$"#, caseless: true)

    /// The colours named in `s` (lower case, in order).
    static func colours(in s: String) -> [String] {
        let ns = s as NSString
        return colourRE.matches(in: s, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range(at: 1)).lowercased() }
    }

    /// The key of the document whose lines are `lines` (tab-separated rows or prose).
    static func learn(_ lines: [String]) -> StatusKey {
        var key = StatusKey()
        for raw in lines where raw.count < 600 {
            if raw.contains("=") { key.learnEquations(raw.replacingOccurrences(of: "\t", with: " ")) }
            if raw.contains("\t") { key.learnRow(raw.components(separatedBy: "\t").map(TextCleaner.clean).filter { !$0.isEmpty }) }
        }
        return key
    }

    /// `phrase = colour` and `phrase = description (Colour)` items of one line.
    mutating func learnEquations(_ line: String) {
        let text = TextCleaner.clean(line)
        // Items are separated by `;`, `,` or the end of a sentence; each holds one `=`.
        let items = text.components(separatedBy: CharacterSet(charactersIn: ";,")).flatMap { $0.components(separatedBy: ". ") }
        for item in items {
            let sides = item.components(separatedBy: "=")
            guard sides.count == 2 else { continue }
            var left = sides[0]
            // `Key: Hit`, `Actions: completed`, `RAG: R`: the label before a colon is not the phrase.
            if let colon = left.lastIndex(of: ":") { left = String(left[left.index(after: colon)...]) }
            // A gloss in brackets (`Slightly below target (within 5%)`) is not part of the phrase.
            left = left.replacingOccurrences(of: #"\([^)]*\)"#, with: " ", options: .regularExpression)
            // An icon's alt text before the same words (`On target On target = green`) is said once.
            let lw = TextCleaner.words(left).split(separator: " ")
            if lw.count >= 2, lw.count % 2 == 0, lw[..<(lw.count / 2)] == lw[(lw.count / 2)...] { left = lw[..<(lw.count / 2)].joined(separator: " ") }
            let right = sides[1].trimmingCharacters(in: .whitespaces)
            let rightColours = Self.colours(in: right)
            guard Set(rightColours).count == 1, let colour = rightColours.first else { continue }
            // The value is the colour itself, or a description ending in the colour in brackets.
            let rightWords = TextCleaner.words(right)
            let ns = right as NSString
            guard rightWords == colour || Self.bracketColourRE.firstMatch(in: right, range: NSRange(location: 0, length: ns.length)) != nil
            else { continue }
            add(left, colour)
        }
    }

    /// A key table row: leading short cells (a symbol, a word or two), then a description naming one
    /// colour at its end in brackets or after `as`.
    mutating func learnRow(_ cells: [String]) {
        guard cells.count >= 2, cells.count <= 5 else { return }
        let line = cells.joined(separator: " ")
        let all = Self.colours(in: line)
        guard Set(all).count == 1, let colour = all.first else { return }
        let ns = line as NSString
        guard Self.bracketColourRE.firstMatch(in: line, range: NSRange(location: 0, length: ns.length)) != nil else { return }
        var phrases: [String] = []
        for cell in cells.dropLast() {
            let w = TextCleaner.words(cell)
            let isSymbol = cell.count == 1 && StatusVocabulary.symbol(in: cell) != nil || (cell.count == 1 && !cell.first!.isLetter && !cell.first!.isNumber)
            if isSymbol || (!w.isEmpty && w.split(separator: " ").count <= 4 && !cell.contains(where: \.isNumber) && Self.colours(in: cell).isEmpty) {
                phrases.append(cell)
            } else { break }
            if phrases.count == 2 { break }
        }
        // The first cell must be a phrase (a description first is prose, not a key).
        guard !phrases.isEmpty, phrases.count < cells.count else { return }
        for p in phrases { add(p, colour) }
    }

    /// Records `phrase` (or a lone symbol) as meaning `colour`; a phrase given two colours is dropped.
    mutating func add(_ phrase: String, _ colour: String) {
        let t = phrase.trimmingCharacters(in: .whitespaces)
        if t.count == 1, let c = t.first, !c.isLetter, !c.isNumber {
            symbols[c] = colour
            return
        }
        // `✔ Achieved`: the symbol and the words both.
        if let c = t.first, !c.isLetter, !c.isNumber, !c.isWhitespace, t.dropFirst().first?.isWhitespace == true { symbols[c] = colour }
        let w = TextCleaner.words(t)
        guard !w.isEmpty, w.split(separator: " ").count <= 6 else { return }
        if let old = phrases[w], old != colour { phrases[w] = "" } else { phrases[w] = colour }
    }

    /// The colour `raw` states: the document's key first (its phrases, then its symbols), then the
    /// default table. Nil for an empty cell or one stating no status (`No data`).
    func status(in raw: String) -> String? {
        let text = TextCleaner.clean(raw)
        let words = TextCleaner.words(text)
        if !phrases.isEmpty, let c = StatusVocabulary.lookUp(words, in: phrases.map { ($0.key, $0.value) }) {
            return c.isEmpty ? nil : c
        }
        if let first = text.first, let c = symbols[first] { return c }
        return StatusVocabulary.status(in: text)
    }
}
