/// RAG words, impact, likelihood and priority out of rating text.
///
/// Tolerant of case, split letters (`Am ber`), typos (`Unlikley`) and the layouts the papers use:
/// `Red`, `Amber (High-Possible)`, `Amber (Impact-High, Likelihood-Possible)`, `High - Possible`,
/// `Medium likely`, and priority letters `H`/`M`/`L`.
enum RatingNormalizer {
    /// The closed RAG vocabulary, worst first (the order of the `rag` enum).
    static let rag = ["red", "amber", "green"]
    /// Impact words, lowest first.
    static let impacts = ["low", "medium", "high", "extreme"]
    /// Likelihood words, least likely first.
    static let likelihoods = ["rare", "unlikely", "possible", "likely", "almost certain"]

    /// The parts of a rating cell.
    static func read(_ raw: String) -> Rating {
        var r = Rating()
        let words = TextCleaner.words(raw).split(separator: " ").map(String.init)
        let squeezed = words.joined()
        // A colour first: a whole word, or the squeezed text starting with one (split letters).
        r.status = status(in: raw)
        for w in words where w != "impact" && w != "likelihood" {
            if r.impact == nil, let i = impactWord(w) { r.impact = i; continue }
            if r.likelihood == nil, let l = likelihoodWord(w) { r.likelihood = l }
        }
        if r.likelihood == nil && squeezed.contains("almostcertain") { r.likelihood = "almost certain" }
        if words.count == 1, let p = priorityLetter(words[0]) { r.priority = p; r.impact = nil }
        return r
    }

    /// The RAG word a text states, or nil.
    static func status(in raw: String) -> String? {
        let words = TextCleaner.words(raw).split(separator: " ").map(String.init)
        for w in words {
            if rag.contains(w) { return w }
        }
        let squeezed = words.joined()
        for c in rag where squeezed.hasPrefix(c) { return c }
        if words.count == 1 {
            switch words[0] { case "r": return "red"; case "a": return "amber"; case "g": return "green"; default: break }
        }
        return nil
    }

    /// The impact level a word names, or nil.
    static func impactWord(_ w: String) -> String? {
        switch w {
        case "low", "minor": return "low"
        case "medium", "med", "moderate": return "medium"
        case "high", "major", "significant": return "high"
        case "extreme", "critical", "severe", "very high": return "extreme"
        default: return nil
        }
    }

    /// The likelihood a word names (tolerating typos such as `Unlikley`), or nil.
    static func likelihoodWord(_ w: String) -> String? {
        if w.hasPrefix("unlik") || w == "improbable" { return "unlikely" }
        if w == "rare" { return "rare" }
        if w.hasPrefix("possib") { return "possible" }
        if w.hasPrefix("likel") || w == "probable" { return "likely" }
        return nil
    }

    /// `h`/`m`/`l` as a priority, or nil.
    static func priorityLetter(_ w: String) -> String? {
        switch w { case "h": return "high"; case "m": return "medium"; case "l": return "low"; default: return nil }
    }
}
