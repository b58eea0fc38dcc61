import Foundation

/// Summary tallies headed by status words (`RAG Rating | Green | Amber | Red | Total`,
/// `| Hit | Just miss | Miss | No data | Total`, `Priority | ✔ Achieved | ! Close | ✖ Not achieved`):
/// one `status_counts` row per row of counts, its columns read through the document's key.
extension DocumentIngest {
    /// What each column of a tally header counts.
    enum TallyColumn: Equatable {
        case colour(String)
        case other
        case total
    }

    /// The columns of a tally header, or nil when `cells` is not one: every cell after the first
    /// names a status (through the key), a "no status" word, or the total, and at least two distinct
    /// colours are among them.
    func tallyHeader(_ cells: [String]) -> [Int: TallyColumn]? {
        var out: [Int: TallyColumn] = [:]
        for (i, raw) in cells.enumerated() where i > 0 {
            let text = TextCleaner.clean(raw)
            if text.isEmpty { continue }
            let w = TextCleaner.words(text)
            if w == "total" || w == "all" { out[i] = .total; continue }
            if StatusVocabulary.noStatus.contains(w) || w.hasPrefix("no data") || w.hasPrefix("not ") && statusKey.status(in: text) == nil {
                out[i] = .other; continue
            }
            guard w.split(separator: " ").count <= 4, let c = statusKey.status(in: text) else { return nil }
            out[i] = .colour(c)
        }
        let colours = Set(out.values.compactMap { if case .colour(let c) = $0 { return c } else { return nil } })
        return colours.count >= 2 ? out : nil
    }

    /// Adds a `status_counts` row per row of counts under a status-word header in `rows`; true when
    /// at least one was added. A `Total` row sums the rows above and is not a row of its own.
    mutating func addStatusTally(_ rows: [SourceRow]) -> Bool {
        guard let h = rows.firstIndex(where: { tallyHeader($0.cells) != nil }), let columns = tallyHeader(rows[h].cells) else { return false }
        var found = false
        for row in rows[(h + 1)...] {
            let cells = row.cells.map(TextCleaner.clean)
            let name = cells.first ?? ""
            if TextCleaner.words(name).hasPrefix("total") { continue }
            var counts: [String: Int] = [:]
            var complete = true
            for (i, col) in columns {
                guard i < cells.count, let n = Int(cells[i].replacingOccurrences(of: ",", with: "")) else { complete = false; break }
                let k: String
                switch col {
                case .colour(let c): k = c
                case .other: k = "other"
                case .total: k = "total"
                }
                counts[k, default: 0] += n
            }
            guard complete, !name.isEmpty else { continue }
            let w = " " + TextCleaner.words(name) + " "
            let kind = w.contains(" action") ? "actions"
                : [" indicator", " target", " measure", " pi ", " kpi"].contains(where: { w.contains($0) }) ? "indicators" : recentKind ?? tallyKind
            var r: [String: String] = ["line": String(row.line), "plan": context.plan, "kind": kind]
            for (k, v) in counts { r[k] = String(v) }
            r["period"] = reportPeriod ?? context.planPeriod
            add("status_counts", r, key: [kind, name])
            found = true
        }
        return found
    }

    /// Remembers whether `text` last spoke of indicators or of actions.
    mutating func noteKindWords(_ text: String) {
        let w = " " + TextCleaner.words(text) + " "
        let i = w.range(of: " indicator", options: .backwards)?.lowerBound
        let a = w.range(of: " action", options: .backwards)?.lowerBound
        switch (i, a) {
        case let (x?, y?): recentKind = x > y ? "indicators" : "actions"
        case (_?, nil): recentKind = "indicators"
        case (nil, _?): recentKind = "actions"
        default: break
        }
    }

    private static let reportPeriodRE = IngestPattern.make(#"\b(?:quarter|q)\s*([1-4])\b([^.]{0,40}?)((?:19|20)\d\d)\s*/\s*(\d\d)\b"#, caseless: true)

    /// The period a report covers, from its first lines: `Quarter 2 2009/10` → `2009/10 Q2`;
    /// `Quarter 4 and year end 2009/10` → `2009/10`. Nil when the opening names no quarter.
    static func reportPeriod(_ lines: [String]) -> String? {
        for line in lines.prefix(40) {
            let text = TextCleaner.clean(line.replacingOccurrences(of: "\t", with: " "))
            let ns = text as NSString
            guard let m = reportPeriodRE.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) else { continue }
            let year = ns.substring(with: m.range(at: 3)) + "/" + ns.substring(with: m.range(at: 4))
            if TextCleaner.words(ns.substring(with: m.range(at: 2))).contains("year end") { return year }
            return year + " Q" + ns.substring(with: m.range(at: 1))
        }
        return nil
    }

    /// The column of `t` that holds statuses in the report's words when no header says so: a comment
    /// or progress column whose non-empty cells are mostly (three in five, at least three) short status phrases (`Completed`, `Behind
    /// schedule`) the key or the default table reads, at least two of them.
    func statusWordsColumn(_ t: DocumentTable) -> Int? {
        guard !t.has(.status) else { return nil }
        for c in t.indexes(of: .comment) {
            let cells = t.rows.map { TextCleaner.clean($0[c]) }.filter { !$0.isEmpty }
            guard cells.count >= 2 else { continue }
            let read = cells.filter { $0.split(separator: " ").count <= 5 } .filter { statusKey.status(in: $0) != nil || StatusVocabulary.noStatus.contains(TextCleaner.words($0)) }
            if read.count >= 3, Double(read.count) >= 0.6 * Double(cells.count) { return c }
        }
        return nil
    }
}
