import Foundation

/// Risk tables: `Risk | Rating | Actions | Who | Date to be completed` (ratings such as
/// `Amber (High-Possible)`) and risk registers (`Risk Register Ref | … | Priority H/M/L | controls …`).
extension DocumentIngest {
    /// Adds one `risks` row per record of a risk table or register.
    mutating func addRisks(_ t: DocumentTable) {
        // A register may call the risk column `Description` or `Title`.
        guard let riskCol = t.index(of: .risk) ?? t.index(of: .measure) ?? t.index(of: .item) else { return }
        for row in t.rows {
            var text = TextCleaner.clean(row[riskCol])
            if text.isEmpty { continue }
            var r = placed()
            r["line"] = String(row.line)
            if let c = t.index(of: .ref) {
                let ref = CodeNormalizer.ref(TextCleaner.clean(row[c]))
                if !ref.isEmpty { r["ref"] = ref }
            } else {
                // `1. The NE Region fails …`: the item number is the ref.
                let ns = text as NSString
                if let m = Self.leadingRef.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) {
                    r["ref"] = ns.substring(with: m.range(at: 1))
                    text = ns.substring(with: m.range(at: 2))
                }
            }
            // A register names the outcomes a risk threatens: use the first known one.
            if let c = t.index(of: .links) { placeByLinks(row[c], into: &r) }
            r["risk"] = text
            var ratingText = ""
            if let c = t.index(of: .rating) { ratingText = TextCleaner.clean(row[c]) }
            if let c = t.index(of: .status), ratingText.isEmpty { ratingText = TextCleaner.clean(row[c]) }
            if !ratingText.isEmpty {
                let rating = RatingNormalizer.read(ratingText)
                r["rating_raw"] = ratingText
                r["status"] = rating.status
                r["impact"] = rating.impact
                r["likelihood"] = rating.likelihood
                r["priority"] = rating.priority
            }
            // Impact and likelihood in columns of their own (`Impact: High`, `Likelihood: 3 - Possible`).
            if let c = t.index(of: .impact), let w = TextCleaner.words(row[c]).split(separator: " ").lazy.compactMap({ RatingNormalizer.impactWord(String($0)) }).first {
                r["impact"] = w
            }
            if let c = t.index(of: .likelihood), let w = TextCleaner.words(row[c]).split(separator: " ").lazy.compactMap({ RatingNormalizer.likelihoodWord(String($0)) }).first {
                r["likelihood"] = w
            }
            if let c = t.index(of: .priority) {
                let p = TextCleaner.clean(row[c])
                if !p.isEmpty {
                    let rating = RatingNormalizer.read(p)
                    r["priority"] = rating.priority ?? rating.impact
                    if r["rating_raw"] == nil { r["rating_raw"] = p }
                }
            }
            if let c = t.index(of: .controls) { set(&r, "controls", row[c]) }
            owner(t.index(of: .owner).map { row[$0] }, into: &r)
            if let c = t.index(of: .due) {
                let raw = TextCleaner.clean(row[c])
                if !raw.isEmpty { r["due_raw"] = raw; r["due"] = DateNormalizer.iso(raw) }
            }
            add("risks", r, key: [r["ref"] ?? "", text])
        }
    }

    /// Sets outcome_no/outcome from the first known objective named in a links cell, or clears them.
    func placeByLinks(_ raw: String, into r: inout [String: String]) {
        let text = TextCleaner.key(raw)
        // Earliest mention wins; ties go to the longer name, then the lower number (dictionary order
        // must not decide, so the output stays the same from run to run).
        var best: (pos: Int, len: Int, n: Int)? = nil
        for (k, n) in objectiveNumbers[context.plan] ?? [:] where k.count >= 6 {
            if let range = text.range(of: k) {
                let pos = text.distance(from: text.startIndex, to: range.lowerBound)
                let better = best.map { b in (pos, -k.count, n) < (b.pos, -b.len, b.n) } ?? true
                if better { best = (pos, k.count, n) }
            }
        }
        if let b = best, let rows = tables["outcomes"]?.rows,
           let o = rows.first(where: { $0["plan"] == context.plan && $0["outcome_no"] == String(b.n) }) {
            r["outcome_no"] = String(b.n)
            r["outcome"] = o["outcome"]
            r["theme"] = o["theme"]
        }
    }
}
