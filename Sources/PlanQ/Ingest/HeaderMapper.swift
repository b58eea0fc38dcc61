import Foundation

/// Maps header cells to column roles through synonyms.
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
        (.review, ["method of review", "date of review", "how will we monitor", "monitor progress", "monitoring"]),
        (.ref, ["risk register ref", "ref no", "reference number"]),
        (.links, ["associated", "links to", "outcome ref", "departmental outcome"]),
        (.quarterTarget, ["quarter 1 target", "quarter 2 target", "quarter 3 target", "quarter 4 target", "q1 target", "q2 target", "q3 target", "q4 target"]),
        (.endTarget, ["end of laa target", "end target", "long term target", "final target", "3 year target"]),
        (.baseline, ["baseline", "last year", "previous year"]),
        (.actual, ["outturn", "actual", "current performance", "performance to date", "achieved"]),
        (.target, ["target"]),
        (.subActions, ["sub actions", "sub action", "milestones", "key milestones"]),
        (.resources, ["support requirements", "resources", "funding", "budget"]),
        (.due, ["date to be completed", "due date", "date due", "deadline", "timescale", "target date", "completion date", "by when", "when"]),
        (.controls, ["control measures", "controls", "mitigat", "procedures", "actions"]),
        (.priority, ["priority"]),
        (.rating, ["rating", "risk score", "score"]),
        (.status, ["status", "rag", "traffic light", "progress rating"]),
        (.risk, ["key risks", "risk description", "risk"]),
        (.action, ["action for improvement", "actions for improvement", "key action", "action", "activity", "task", "initiative"]),
        (.measure, ["measure", "definition", "indicator", "performance indicator", "pi description", "description"]),
        (.organisation, ["lead agency", "organisation", "lead organisation", "agency", "service area", "department"]),
        (.owner, ["owner", "responsible", "lead individual", "lead officer", "lead", "who", "key contact", "contact", "accountable", "officer", "manager"]),
        (.partners, ["key partners", "partners"]),
        (.ref, ["ref", "reference", "no", "code", "number", "id"]),
        (.item, ["title", "item", "issue"]),
        (.comment, ["comment", "comments", "progress", "notes", "update", "commentary"]),
    ]

    /// The role of one header cell, or nil when the words match no rule.
    static func column(_ cell: String) -> HeaderColumn? {
        let text = TextCleaner.clean(cell)
        let w = " " + TextCleaner.words(text) + " "
        guard w.count > 2, w.count < 200 else { return nil }
        // "Action Owner and organisation": an owner column, not an action column.
        if w.contains(" action owner ") || w.contains(" owner and organisation ") || w.contains(" key contact ") || w.contains(" responsible officer ") {
            return HeaderColumn(role: .owner, period: PeriodNormalizer.period(in: text), text: text)
        }
        if w.contains(" key risks ") || w.hasPrefix(" risk ") && !w.contains(" register ref ") && !w.contains(" ref ") {
            if !w.contains(" rating ") && !w.contains(" owner ") { return HeaderColumn(role: .risk, period: nil, text: text) }
        }
        for (role, phrases) in rules {
            for p in phrases where w.contains(" " + p + " ") || (p.count >= 6 && !p.contains(" ") && w.contains(" " + p)) {
                return HeaderColumn(role: role, period: PeriodNormalizer.period(in: text), text: text)
            }
        }
        // Letters split by the export (`Re f:`, `De fi niti on`): match the words run together.
        let squeezed = TextCleaner.key(text)
        for (role, phrases) in rules {
            for p in phrases {
                let sp = p.replacingOccurrences(of: " ", with: "")
                if squeezed == sp || (sp.count >= 6 && squeezed.hasPrefix(sp)) {
                    return HeaderColumn(role: role, period: PeriodNormalizer.period(in: text), text: text)
                }
            }
        }
        return nil
    }

    /// The columns of `cells` when they form a header row, else nil.
    ///
    /// Empty header cells (tables whose first heading spans two columns) map to nil roles.
    static func header(_ cells: [String]) -> [HeaderColumn?]? {
        let cols = cells.map { cell -> HeaderColumn? in
            let t = cell.trimmingCharacters(in: .whitespaces)
            return t.isEmpty ? nil : column(t)
        }
        guard let first = cells.firstIndex(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }),
              cols[first] != nil else { return nil }
        // The first heading is short and holds no number: data rows start with refs and sentences.
        let firstText = TextCleaner.clean(cells[first])
        if firstText.contains(where: \.isNumber) || TextCleaner.words(firstText).split(separator: " ").count > 6 { return nil }
        let named = cols.compactMap { $0 }.filter { $0.role != .ignored }
        guard named.count >= 2 else { return nil }
        // Header cells are short, hold no value-like text, and most of them are recognised.
        var nonEmpty = 0
        for c in cells {
            let t = TextCleaner.clean(c)
            if t.isEmpty { continue }
            nonEmpty += 1
            if t.count > 160 || t.contains("%") || t.contains("£") || t.split(separator: " ").count > 25 { return nil }
            // Headers name periods (`Target 2008/09`) and quarters, never other numbers (`1024`).
            if NumberNormalizer.blankPeriods(t).range(of: #"\d\d"#, options: .regularExpression) != nil { return nil }
        }
        if Double(cols.compactMap { $0 }.count) < 0.6 * Double(nonEmpty) { return nil }
        return cols
    }
}
