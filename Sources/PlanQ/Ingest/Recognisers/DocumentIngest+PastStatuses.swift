import Foundation

/// Statuses a progress report states about an earlier period ("Last year the rate of … was a red
/// indicator", "… was also a red indicator at the end of March <year>", "this target came in as
/// red when in <month year> the figure for … stood at x% against a target of y%", "the area
/// recorded as red last year was …"). Each becomes a `progress` row for that earlier period; it goes to
/// the status history, never to a record's current status unless a record of that year matches.
extension DocumentIngest {
    private static let month = #"(January|February|March|April|May|June|July|August|September|October|November|December)\s+((?:19|20)\d\d)"#
    /// (pattern, group of the subject, group of the status, group of a month, group of its year, actual, target).
    private static let pastPatterns: [(NSRegularExpression, Int, Int, Int?, Int?, Int?, Int?)] = [
        (IngestPattern.make(#"came in as (red|amber|green) when in "# + month + #" the figure for (.{5,160}?) stood at (-?\d+(?:\.\d+)?)\s*%? against a target of (-?\d+(?:\.\d+)?)"#, caseless: true),
         4, 1, 2, 3, 5, 6),
        (IngestPattern.make(#"\b((?:the|a|an) [^.;]{5,160}?) was (?:also )?(?:a |an )?(red|amber|green) (?:indicator|action|target|activity) at the end of "# + month, caseless: true),
         1, 2, 3, 4, nil, nil),
        (IngestPattern.make(#"\b(?:last year|previously),? ((?:the|a|an) [^.;]{5,160}?) was (?:also )?(?:a |an )?(red|amber|green)\b"#, caseless: true),
         1, 2, nil, nil, nil, nil),
        (IngestPattern.make(#"\brecorded as (red|amber|green) last year was ([^.;]{5,200})"#, caseless: true),
         2, 1, nil, nil, nil, nil),
    ]

    /// Adds a `progress` row for each status `text` states about an earlier period.
    mutating func addPastStatuses(_ text: String, line: Int) {
        guard let current = context.planPeriod.flatMap(PeriodNormalizer.financialYear).flatMap(FinancialPeriod.init) else { return }
        let ns = text as NSString
        var seen = Set<String>()
        for (re, subject, status, mon, year, actual, target) in Self.pastPatterns {
            for m in re.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
                func group(_ g: Int?) -> String? {
                    guard let g, m.range(at: g).location != NSNotFound else { return nil }
                    return ns.substring(with: m.range(at: g))
                }
                var period = FinancialPeriod(year: current.year - 1).label
                if let name = group(mon), let y = group(year).flatMap(Int.init),
                   let n = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                            "november", "december"].firstIndex(of: name.lowercased()) {
                    let fyStart = n + 1 >= 4 ? y : y - 1
                    let q = ((n + 1 + 8) % 12) / 3 + 1
                    // The end of March is the end of the financial year: the year's own figure.
                    period = n == 2 && text.lowercased().contains("end of") ? FinancialPeriod(year: fyStart).label
                        : FinancialPeriod(year: fyStart, quarter: q).label
                }
                var title = (group(subject) ?? "").trimmingCharacters(in: CharacterSet(charactersIn: " ,.;:"))
                for lead in ["the ", "a ", "an "] where title.lowercased().hasPrefix(lead) { title = String(title.dropFirst(lead.count)); break }
                guard !title.isEmpty, seen.insert(TextCleaner.key(title)).inserted else { continue }
                let words = TextCleaner.words(text)
                let kind = words.contains(" action") || words.contains("activit") ? (words.contains("indicator") ? "indicator" : "action") : "indicator"
                var r: [String: String] = ["line": String(line), "plan": context.plan, "period": period, "kind": kind,
                                           "status": (group(status) ?? "").lowercased(), "title": title.prefix(1).uppercased() + title.dropFirst(),
                                           "comment": "stated about an earlier period"]
                if let a = group(actual) { r["actual"] = a }
                if let t = group(target) { r["target"] = t }
                CodeNormalizer.setCode(&r, from: title)
                add("progress", r, key: ["past", kind, title])
            }
        }
    }
}
