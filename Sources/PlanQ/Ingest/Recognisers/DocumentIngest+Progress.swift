import Foundation

/// Statuses stated in the prose of progress reports, read with the report's own colour key
/// (see ``ProgressProse``). Each item becomes a `progress` row for the report's period.
extension DocumentIngest {
    private static let keyRE = IngestPattern.make(#"^(?:[-•]\s*)?(red|amber|green)\s*=\s*(\S.{3,200})$"#, caseless: true)
    private static let againstRE = IngestPattern.make(#"(-?\d+(?:\.\d+)?)\s*%?\s+against\s+(?:a|the)\s+target\s+of\s+(-?\d+(?:\.\d+)?)"#, caseless: true)
    private static let stop: Set<String> = ["the", "a", "to", "by", "do", "not", "now", "or", "and", "of", "date", "action", "target", "milestone"]

    /// Handles colour keys, status statements and their items; true when `text` was consumed.
    mutating func handleProgressText(_ text: String, line: Int) -> Bool {
        let ns = text as NSString
        if let m = Self.keyRE.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) {
            let colour = ns.substring(with: m.range(at: 1)).lowercased()
            let words = Set(TextCleaner.words(ns.substring(with: m.range(at: 2))).split(separator: " ").map(String.init)).subtracting(Self.stop)
            progress.key.append((colour, words))
            return true
        }
        updateReportPeriod(text)
        guard !progress.key.isEmpty else { return false }
        addPastStatuses(text, line: line)
        if let item = Self.bulletItem(text) {
            if let s = progress.statement { addProgress(item, status: s.status, kind: s.kind, line: line); return true }
            return false
        }
        let explicit = TextCleaner.words(text).split(separator: " ").contains { RatingNormalizer.rag.contains(String($0)) }
        if let s = progress.statement, progress.paragraphItemAllowed, !explicit,
           text.contains(" – ") || Self.againstRE.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) != nil {
            addProgress(text, status: s.status, kind: s.kind, line: line)
            progress.paragraphItemAllowed = false
            return true
        }
        if let s = statedStatus(text) {
            let w = TextCleaner.words(text)
            let kind = w.contains("indicator") ? "indicator" : (w.contains("action") || w.contains("activit")) ? "action" : progress.statement?.kind ?? "action"
            progress.statement = (s, kind, line)
            progress.paragraphItemAllowed = true
            progress.previousStatus = Self.previousStatus(in: text)
            return false
        }
        progress.paragraphItemAllowed = false
        if text.count > 240 { progress.statement = nil }
        return false
    }

    /// The status a sentence states: the last RAG word in it, else the colour whose key words it uses.
    func statedStatus(_ text: String) -> String? {
        let words = TextCleaner.words(text).split(separator: " ").map(String.init)
        if let last = words.last(where: { RatingNormalizer.rag.contains($0) }) { return last }
        // Key words count only in lower case: `Achieve Economic Wellbeing` is a name, not "achieve".
        let set = Set(text.split(whereSeparator: { !$0.isLetter }).map(String.init).filter { $0 == $0.lowercased() })
        let best = progress.key.map { ($0.colour, $0.words.intersection(set).count) }.filter { $0.1 > 0 }.max { $0.1 < $1.1 }
        return best?.0
    }

    /// Adds a `progress` row for one stated item: name, comment after a dash, and "x against a target of y".
    mutating func addProgress(_ item: String, status: String, kind: String, line: Int) {
        var title = item
        var comment = ""
        for sep in [" – ", " - "] {
            if let r = item.range(of: sep) {
                title = String(item[..<r.lowerBound])
                comment = String(item[r.upperBound...])
                break
            }
        }
        var r: [String: String] = ["line": String(line), "plan": context.plan, "period": context.planPeriod ?? "", "kind": kind,
                                   "status": status]
        let ns = item as NSString
        if let m = Self.againstRE.firstMatch(in: item, range: NSRange(location: 0, length: ns.length)) {
            r["actual"] = ns.substring(with: m.range(at: 1))
            r["target"] = ns.substring(with: m.range(at: 2))
            if comment.isEmpty { title = String(item[..<(item.range(of: ns.substring(with: m.range(at: 1)))?.lowerBound ?? item.endIndex)]) }
        }
        // `Name of the indicator. The outturn was 62% …`: the name is the first sentence.
        if let dot = title.range(of: ". ") { title = String(title[..<dot.lowerBound]) }
        title = title.trimmingCharacters(in: CharacterSet(charactersIn: " .;:–-"))
        CodeNormalizer.setCode(&r, from: title)
        r["title"] = title
        if !comment.isEmpty { r["comment"] = comment.trimmingCharacters(in: CharacterSet(charactersIn: " .;")) }
        add("progress", r, key: [kind, title])
        // The status the item had in the previous report, for the quarter before (history only).
        if let was = progress.previousStatus, let p = context.planPeriod.flatMap(FinancialPeriod.init), !p.isYear {
            var earlier = r
            earlier["period"] = p.previous.label
            earlier["status"] = was
            earlier["actual"] = nil
            earlier["target"] = nil
            earlier["comment"] = "previously reported"
            add("progress", earlier, key: ["previous", kind, title])
        }
    }

    private static let previousRE = IngestPattern.make(#"\bpreviously (?:reported|recorded|rated) as (red|amber|green)\b"#, caseless: true)

    /// `… previously reported as red is now …`: the earlier status, or nil.
    static func previousStatus(in text: String) -> String? {
        let ns = text as NSString
        guard let m = previousRE.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) else { return nil }
        return ns.substring(with: m.range(at: 1)).lowercased()
    }

    /// A report titled only by its quarter (`Quarter 4 Progress Report`) takes its year from the
    /// first financial year its text names (`the fourth quarter of 2007/08`).
    mutating func updateReportPeriod(_ text: String) {
        guard let p = context.planPeriod, p.hasPrefix("Q"), let fy = PeriodNormalizer.financialYear(in: text) else { return }
        context.planPeriod = fy + " " + p
        if let i = plans.firstIndex(where: { $0.slug == context.plan }) { plans[i].period = context.planPeriod }
    }
}
