import Foundation

/// Maps header cells to column roles: by meaning first (``HeaderClassifier``: head noun, brackets,
/// periods), then through synonyms.
///
/// The papers of this family name the same column many ways ("Action Owner and organisation",
/// "Responsible Officer", "Lead Individual", "Lead Officer", "Who", "Key contact"). Each rule is a
/// list of phrases; the first rule with a phrase found in the header's words wins, so more
/// specific rules come first. A row is a header row when its first non-empty cell and at least
/// one other cell are recognised, and no cell reads like a value.
enum HeaderMapper {
    /// (role, phrases): a header whose words contain one of the phrases has the role.
    static let rules: [(HeaderRole, [String])] = [
        (.ignored, ["short term action", "page", "question", "purpose"]),
        (.measure, ["measure and target", "improvement target", "local priority target", "priority target"]),
        (.comment, ["current activity", "comments on progress", "progress update"]),
        (.review, ["method of review", "date of review", "review date", "how will we monitor", "monitor progress", "monitoring"]),
        (.ref, ["risk register ref", "ref no", "reference number"]),
        (.links, ["associated", "links to", "outcome ref", "departmental outcome"]),
        (.quarterTarget, ["quarter 1 target", "quarter 2 target", "quarter 3 target", "quarter 4 target", "q1 target", "q2 target", "q3 target", "q4 target"]),
        (.endTarget, ["end of laa target", "end target", "long term target", "final target", "3 year target"]),
        (.baseline, ["baseline", "last year", "previous year"]),
        (.actual, ["outturn", "actual", "current performance", "performance to date", "year to date", "achieved"]),
        (.target, ["target"]),
        (.subActions, ["sub actions", "sub action", "milestones", "key milestones"]),
        (.resources, ["support requirements", "resources", "funding", "budget"]),
        (.due, ["date to be completed", "due date", "date due", "deadline", "timescale", "target date", "completion date", "by when", "when"]),
        (.controls, ["control measures", "controls", "mitigat", "procedures", "actions"]),
        (.likelihood, ["likelihood", "probability"]),
        (.impact, ["impact", "severity", "consequence"]),
        (.priority, ["priority"]),
        (.rating, ["rating", "risk score", "score"]),
        (.status, ["status", "rag", "traffic light", "progress rating"]),
        (.risk, ["key risks", "risk description", "risk"]),
        (.action, ["action for improvement", "actions for improvement", "key action", "action", "activity", "task", "initiative", "milestone"]),
        (.measure, ["measure", "definition", "indicator", "performance indicator", "pi description", "description"]),
        (.organisation, ["lead agency", "organisation", "lead organisation", "agency", "service area", "department"]),
        (.owner, ["owner", "responsible", "lead individual", "lead officer", "lead", "who", "key contact", "contact", "accountable", "officer", "manager"]),
        (.partners, ["key partners", "partners"]),
        (.ref, ["ref", "reference", "no", "code", "number", "id"]),
        (.item, ["title", "item", "issue"]),
        (.comment, ["comment", "comments", "progress", "notes", "update", "commentary"]),
    ]

    /// One synonym, precompiled as UTF-8: ` phrase `, ` phrase` (single long words match as a
    /// prefix, `mitigat…`), and the phrase with spaces removed (for split letters).
    struct Phrase: Sendable {
        var spaced: [UInt8]
        var open: [UInt8]?
        var squeezed: [UInt8]
    }

    /// The rules, compiled once.
    static let compiled: [(HeaderRole, [Phrase])] = rules.map { role, phrases in
        (role, phrases.map { p in
            Phrase(spaced: Array((" " + p + " ").utf8), open: p.count >= 6 && !p.contains(" ") ? Array((" " + p).utf8) : nil,
                   squeezed: Array(p.replacingOccurrences(of: " ", with: "").utf8))
        })
    }

    /// Whether `needle` occurs in `hay`.
    /// - Complexity: O(n·m); header cells and phrases are short.
    static func occurs(_ needle: [UInt8], in hay: [UInt8]) -> Bool {
        guard needle.count <= hay.count, let first = needle.first else { return needle.isEmpty }
        var i = 0
        let last = hay.count - needle.count
        while i <= last {
            if hay[i] == first {
                var j = 1
                while j < needle.count && hay[i + j] == needle[j] { j += 1 }
                if j == needle.count { return true }
            }
            i += 1
        }
        return false
    }

    /// The role of one header cell, or nil when the words match no rule.
    static func column(_ cell: String) -> HeaderColumn? {
        let text = TextCleaner.clean(cell)
        let w = " " + TextCleaner.words(text) + " "
        guard w.count > 2, w.count < 200 else { return nil }
        let bytes = Array(w.utf8)
        func has(_ s: String) -> Bool { occurs(Array(s.utf8), in: bytes) }
        // "Action Owner and organisation": an owner column, not an action column.
        if has(" action owner ") || has(" owner and organisation ") || has(" key contact ") || has(" responsible officer ") {
            return HeaderColumn(role: .owner, period: PeriodNormalizer.period(in: text), text: text)
        }
        // `Risk Owner`, `Risk No.`: the owner and the reference of a risk, not its text.
        if has(" risk owner ") || has(" risk lead ") || has(" risk manager ") {
            return HeaderColumn(role: .owner, period: nil, text: text)
        }
        if has(" risk no ") || has(" risk number ") || has(" risk id ") || has(" risk ref ") {
            return HeaderColumn(role: .ref, period: nil, text: text)
        }
        if has(" key risks ") || w.hasPrefix(" risk ") && !has(" register ref ") && !has(" ref ") {
            if !has(" rating ") && !has(" owner ") { return HeaderColumn(role: .risk, period: nil, text: text) }
        }
        // By meaning: the head noun of the words outside brackets, curated phrases first.
        if let c = HeaderClassifier.classify(text) { return c }
        for (role, phrases) in compiled {
            for p in phrases where occurs(p.spaced, in: bytes) || (p.open.map { occurs($0, in: bytes) } ?? false) {
                return HeaderColumn(role: role, period: PeriodNormalizer.period(in: text), text: text)
            }
        }
        // Letters split by the export (`Re f:`, `De fi niti on`): match the words run together.
        let squeezed = Array(TextCleaner.key(text).utf8)
        for (role, phrases) in compiled {
            for p in phrases where squeezed == p.squeezed || (p.squeezed.count >= 6 && squeezed.starts(with: p.squeezed)) {
                return HeaderColumn(role: role, period: PeriodNormalizer.period(in: text), text: text)
            }
        }
        return nil
    }

    /// The columns of `cells` when they form a header row, else nil.
    ///
    /// Empty header cells (tables whose first heading spans two columns) map to nil roles.
    static func header(_ cells: [String]) -> [HeaderColumn?]? {
        // Cheap rejections first: most rows are data.
        guard let first = cells.firstIndex(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else { return nil }
        // The first heading is short and holds no number: data rows start with refs and sentences.
        let firstText = TextCleaner.clean(cells[first])
        if firstText.contains(where: \.isNumber) || TextCleaner.words(firstText).split(separator: " ").count > 6 { return nil }
        // Header cells are short, hold no value-like text, and name no numbers but periods and quarters.
        var nonEmpty = 0
        for c in cells {
            let t = TextCleaner.clean(c)
            if t.isEmpty { continue }
            nonEmpty += 1
            if t.count > 160 || t.contains("%") || t.contains("£") || t.split(separator: " ").count > 25 { return nil }
            if NumberNormalizer.blankPeriods(t).range(of: #"\d\d"#, options: .regularExpression) != nil { return nil }
        }
        let cols = cells.map { cell -> HeaderColumn? in
            let t = cell.trimmingCharacters(in: .whitespaces)
            return t.isEmpty ? nil : column(t)
        }
        // The first heading is recognised; or it is a short grouping word (`Theme`, `Area`) before a
        // header whose other cells are nearly all recognised and name a record.
        if cols[first] == nil {
            let others = cols.dropFirst(first + 1)
            let known = others.compactMap { $0 }.filter { $0.role != .ignored }
            guard firstText.split(separator: " ").count == 1, known.count >= 5,
                  Double(known.count) >= 0.75 * Double(nonEmpty - 1),
                  known.contains(where: { [.measure, .action, .risk, .item].contains($0.role) }) else { return nil }
        }
        // Period headings (`2010/11`, `Quarter 1 2011/12`) head value columns only beside at least two
        // worded headings, all short: a row of labelled values (`Baseline | 08/09 | 09/10`) is data.
        if cols.indices.contains(where: { cols[$0] != nil && HeaderClassifier.isPeriodOnly(cells[$0]) }) {
            let worded = cols.indices.filter { cols[$0] != nil && cols[$0]?.role != .ignored && !HeaderClassifier.isPeriodOnly(cells[$0]) }
            if worded.count < 2 || cells.contains(where: { TextCleaner.clean($0).split(separator: " ").count > 6 })
                || cells.contains(where: { $0.range(of: "<u>", options: .caseInsensitive) != nil }) { return nil }
        }
        let named = cols.compactMap { $0 }.filter { $0.role != .ignored }
        guard named.count >= 2 else { return nil }
        // Most header cells are recognised.
        if Double(cols.compactMap { $0 }.count) < 0.6 * Double(nonEmpty) { return nil }
        return cols
    }
}
