import Foundation

/// Which way is better, as a document states it: a default for the whole paper (`Except where
/// noted, higher is better`), markers its key explains (`Measures marked (L) are those where lower
/// values are best`, `▲ higher is better   ▼ lower is better`), and polarity cells
/// (`Higher is better`, `Lower values are best`, `↑`).
struct PolarityKey: Equatable, Sendable {
    /// The polarity of every indicator the paper marks no other way, when it states one.
    var defaultPolarity: String?
    /// Markers (`(l)`, `↑`) and the polarity each stands for, lower-cased.
    var markers: [String: String] = [:]

    /// `higher is better`, `lower values are best`, `high figures most desirable`, …
    private static let phrase = IngestPattern.make(
        #"\b(higher|larger|bigger|greater|more|high|lower|smaller|less|fewer|low)\s+(?:values?\s+|figures?\s+|numbers?\s+|scores?\s+|results?\s+)?(?:is|are)?\s*(?:better|best|good|desirable|most desirable)\b"#,
        caseless: true)
    /// `marked (L)`, `marked with *`, `marked L`.
    private static let marked = IngestPattern.make(#"\bmarked\s+(?:with\s+(?:an?\s+)?)?(\([^()\s]{1,4}\)|[^\s,.;:]{1,3})"#, caseless: true)
    /// Arrows that mean a direction wherever they stand in a polarity cell.
    static let arrows: [Character: String] = ["↑": "higher", "▲": "higher", "⇧": "higher", "↓": "lower", "▼": "lower", "⇩": "lower"]

    /// `higher` or `lower` for a direction word.
    static func direction(_ word: String) -> String {
        ["higher", "larger", "bigger", "greater", "more", "high"].contains(word.lowercased()) ? "higher" : "lower"
    }

    /// The polarity a phrase in `text` states (`Higher is better`), or nil; both ways give nil.
    static func stated(_ text: String) -> String? {
        let ns = text as NSString
        let found = Set(phrase.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { direction(ns.substring(with: $0.range(at: 1))) })
        return found.count == 1 ? found.first : nil
    }

    /// The key the lines of a document state (prose and table rows alike).
    static func read(_ lines: [String]) -> PolarityKey {
        var key = PolarityKey()
        for raw in lines {
            let line = raw.replacingOccurrences(of: "\t", with: "   ")
            let ns = line as NSString
            let matches = phrase.matches(in: line, range: NSRange(location: 0, length: ns.length))
            guard !matches.isEmpty else { continue }
            let lower = line.lowercased()
            for (k, m) in matches.enumerated() {
                let pol = direction(ns.substring(with: m.range(at: 1)))
                // The text this statement governs: from the previous statement's end to this one's start.
                let start = k == 0 ? 0 : NSMaxRange(matches[k - 1].range)
                let before = ns.substring(with: NSRange(location: start, length: m.range.location - start))
                let bns = before as NSString
                if let mk = marked.matches(in: before, range: NSRange(location: 0, length: bns.length)).last {
                    key.markers[bns.substring(with: mk.range(at: 1)).lowercased()] = pol
                    continue
                }
                // A symbol standing alone just before the words (`↑   higher is better`).
                let tokens = before.split(whereSeparator: \.isWhitespace)
                if let last = tokens.last, last.count <= 2, !last.contains(where: { $0.isLetter || $0.isNumber }) {
                    key.markers[String(last).lowercased()] = pol
                    continue
                }
                if lower.contains("unless") || lower.contains("otherwise") || lower.contains("by default") || lower.contains("all indicators") {
                    if key.defaultPolarity == nil { key.defaultPolarity = pol }
                }
            }
        }
        return key
    }

    /// The polarity a polarity column's cell gives: a phrase, a marker of the key, or an arrow.
    func polarity(cell: String) -> String? {
        let text = TextCleaner.clean(cell)
        if text.isEmpty { return nil }
        if let p = Self.stated(text) { return p }
        if let p = markers[text.lowercased()] { return p }
        let w = TextCleaner.words(text)
        if ["higher", "high", "up", "increase", "h"].contains(w) { return "higher" }
        if ["lower", "low", "down", "decrease", "l", "smaller"].contains(w) { return "lower" }
        let arrows = Set(text.compactMap { Self.arrows[$0] })
        return arrows.count == 1 ? arrows.first : nil
    }

    /// The polarity a marker of the key written in `title` gives (`… (L)`), or nil.
    func polarity(title: String) -> String? {
        let lower = title.lowercased()
        let found = Set(markers.filter { $0.key.count >= 2 && lower.contains($0.key) }.map(\.value))
        return found.count == 1 ? found.first : nil
    }
}
