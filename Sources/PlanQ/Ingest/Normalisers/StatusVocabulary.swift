/// The default table of status words councils use in place of red / amber / green, for documents
/// that give no key of their own (see ``StatusKey`` for the document's own key, which wins).
///
/// The table is documented in `datasets/README.md` ("Statuses in the report's own words"); keep the
/// two in step. Phrases are matched on the cell's lower-case words: the whole cell first, then the
/// longest phrase the cell starts with, so `not achieved` is never read as `achieved` and
/// `significantly below target` never as `below target`.
enum StatusVocabulary {
    /// (phrase in lower-case words, colour). Ordered only for reading; matching takes the longest.
    static let defaults: [(String, String)] = [
        // Met, done, on course.
        ("green", "green"), ("on target", "green"), ("above target", "green"), ("met", "green"), ("target met", "green"),
        ("exceeded", "green"), ("target exceeded", "green"), ("achieved", "green"), ("on track", "green"),
        ("completed", "green"), ("complete", "green"), ("hit", "green"), ("on schedule", "green"), ("good", "green"),
        ("better than target", "green"), ("ahead of target", "green"), ("ahead of schedule", "green"),
        // Close, at risk, late.
        ("amber", "amber"), ("close to target", "amber"), ("near target", "amber"), ("just miss", "amber"),
        ("just missed", "amber"), ("slightly below target", "amber"), ("slightly off target", "amber"),
        ("off track", "amber"), ("at risk", "amber"), ("some slippage", "amber"), ("slipped", "amber"),
        ("behind schedule", "amber"), ("delayed", "amber"), ("close", "amber"), ("within tolerance", "amber"),
        // Missed, failing.
        ("red", "red"), ("below target", "red"), ("significantly below target", "red"), ("well below target", "red"),
        ("off target", "red"), ("miss", "red"), ("missed", "red"), ("not met", "red"), ("target not met", "red"),
        ("not achieved", "red"), ("failing", "red"), ("failed", "red"), ("will not be delivered", "red"),
        ("will not be met", "red"), ("not delivered", "red"), ("worse than target", "red"),
    ]

    /// Phrases that state no status (`No data`, `Not started`): the status stays empty.
    static let noStatus: Set<String> = ["no data", "not yet assessed", "not assessed", "not rated", "not started", "n a", "na",
                                        "not available", "no return", "tbc", "not applicable", "none"]

    /// Symbols used as statuses: ticks green, crosses red, `!` and warning signs amber.
    static let symbols: [Character: String] = [
        "\u{2714}": "green", "\u{2713}": "green", "\u{2611}": "green", "\u{2705}": "green",
        "\u{2716}": "red", "\u{2717}": "red", "\u{2718}": "red", "\u{274C}": "red", "\u{2715}": "red",
        "!": "amber", "\u{26A0}": "amber",
    ]

    /// The colour of `words` (lower-case words of a cell) in `table`: the whole cell, else the longest
    /// phrase it starts with at a word boundary.
    static func lookUp(_ words: String, in table: [(String, String)]) -> String? {
        guard !words.isEmpty else { return nil }
        if let exact = table.first(where: { $0.0 == words }) { return exact.1 }
        var best: (Int, String)? = nil
        for (phrase, colour) in table where words.hasPrefix(phrase + " ") && phrase.count > (best?.0 ?? 0) {
            best = (phrase.count, colour)
        }
        return best?.1
    }

    /// The colour of a leading status symbol (`✔ Achieved`, `!`), or nil.
    static func symbol(in raw: String) -> String? {
        guard let first = raw.first(where: { !$0.isWhitespace }) else { return nil }
        return symbols[first]
    }

    /// The colour `raw` states through the default table (RAG words and letters, phrases, symbols).
    static func status(in raw: String) -> String? {
        let words = TextCleaner.words(TextCleaner.clean(raw))
        if noStatus.contains(words) { return nil }
        if let c = lookUp(words, in: defaults) { return c }
        if let c = RatingNormalizer.status(in: raw) { return c }
        return symbol(in: raw)
    }
}
