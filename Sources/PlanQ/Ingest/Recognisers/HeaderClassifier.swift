import Foundation

/// Decides a header cell's role by its meaning rather than by any keyword it holds.
///
/// A header is read as a noun phrase: the words outside brackets and after `=` qualifiers are its
/// main phrase (`Measure (** = stretch target)` is about a measure, not a target); of a
/// coordination the first part leads (`Responsible Team and Partner` is a team); a
/// prepositional tail is dropped (`Description of measure` is a description, `Date to be
/// completed` a date); and the last word left is the head noun, which decides over the words
/// before it (`Target Champion` is an owner, `Delivery date` a date, `Residual Rating` a rating).
/// Curated multi-word phrases (``HeaderMapper/rules``) still come first, since they name a column
/// exactly (`Improvement Target` holds an indicator's name), and the keyword rules are the last
/// resort. A header that is only a period (`Quarter 1 2011/12`, `2010/11`) holds values of that
/// period. Position, periods and the cells' values then settle what the words leave open
/// (``refine(_:)``).
enum HeaderClassifier {
    /// Head nouns and the role a column named by them has.
    static let heads: [String: HeaderRole] = {
        var m: [String: HeaderRole] = [:]
        let groups: [(HeaderRole, [String])] = [
            (.measure, ["indicator", "indicators", "measure", "measures", "definition", "description", "pi", "pis", "kpi", "kpis", "metric"]),
            (.action, ["action", "task", "activity", "initiative", "project"]),
            (.risk, ["risk", "risks", "hazard", "threat"]),
            (.owner, ["owner", "owners", "officer", "officers", "lead", "leads", "manager", "contact", "team", "who",
                      "champion", "responsibility", "responsible", "accountable", "person"]),
            (.organisation, ["organisation", "organisations", "organization", "agency", "department", "directorate", "body"]),
            (.partners, ["partners", "partner"]),
            (.due, ["date", "dates", "due", "deadline", "deadlines", "timescale", "timescales", "timeframe", "when", "completion"]),
            (.baseline, ["baseline"]),
            (.target, ["target", "targets", "goal"]),
            (.actual, ["actual", "actuals", "outturn", "value", "current", "performance", "result", "ytd", "figure"]),
            (.status, ["status", "rag", "assessment"]),
            (.rating, ["rating", "score"]),
            (.likelihood, ["likelihood", "probability"]),
            (.impact, ["impact", "severity", "consequence"]),
            (.priority, ["priority"]),
            (.controls, ["controls", "mitigation", "mitigations"]),
            (.resources, ["resources", "budget", "funding", "cost", "costs"]),
            (.comment, ["comment", "comments", "commentary", "notes", "note", "narrative", "remarks", "explanation", "update", "progress"]),
            (.ref, ["ref", "reference", "no", "code", "id"]),
            (.polarity, ["polarity", "pol"]),
            (.item, ["title", "item", "issue"]),
        ]
        for (role, words) in groups { for w in words { m[w] = role } }
        return m
    }()

    /// Words that end the head phrase: what follows is a complement (`Description of measure`).
    static let prepositions: Set<String> = ["of", "for", "to", "against", "on", "in", "by", "from", "with", "at", "per", "about", "as"]

    /// The main phrase of a header: bracketed asides, `* = …` keys and a trailing colon removed.
    static func mainPhrase(_ text: String) -> String {
        var out = ""
        var depth = 0
        for ch in text {
            if ch == "(" || ch == "[" { depth += 1; continue }
            if ch == ")" || ch == "]" { depth = max(0, depth - 1); continue }
            if depth == 0 { out.append(ch) }
        }
        if let eq = out.firstIndex(of: "=") { out = String(out[..<eq]) }
        return TextCleaner.collapse(out)
    }

    /// The words of `s` that are not numbers or periods (`Target 2009/10` → `target`).
    static func wordsOnly(_ s: String) -> [String] {
        TextCleaner.words(NumberNormalizer.blankPeriods(s)).split(separator: " ").map(String.init)
            .filter { w in w.contains(where: \.isLetter) }
    }

    /// The head noun of a main phrase, with the words before it (its modifiers).
    static func head(of main: String) -> (head: String, modifiers: [String])? {
        var words = wordsOnly(main)
        // Of a coordination the first part leads (`Responsible Team and Partner`).
        if let and = words.firstIndex(where: { $0 == "and" || $0 == "or" }), and > 0 { words = Array(words[..<and]) }
        if let p = words.firstIndex(where: { prepositions.contains($0) }), p > 0 { words = Array(words[..<p]) }
        guard let last = words.last else { return nil }
        return (last, Array(words.dropLast()))
    }

    /// Whether a header cell is a financial year or a quarter of one and nothing else
    /// (`2010/11`, `Quarter 1 2011/12`): a column of that period's values.
    static func isPeriodOnly(_ text: String) -> Bool {
        let main = mainPhrase(TextCleaner.clean(text))
        guard wordsOnly(main).allSatisfy({ $0 == "quarter" || ($0.count == 2 && $0.hasPrefix("q") && $0.last?.isNumber == true) }) else {
            return false
        }
        return PeriodNormalizer.quarter(in: main) != nil || PeriodNormalizer.financialYear(in: main) != nil || quarterOnly(main) != nil
    }

    /// Whether the header names a quarter alone (`Q1`, `Quarter 3`), with no other noun.
    static func quarterOnly(_ text: String) -> Int? {
        let w = TextCleaner.words(text).split(separator: " ").map(String.init)
        let rest = w.filter { !($0.count == 2 && $0.hasPrefix("q")) && $0 != "quarter" && Int($0) == nil && !$0.isEmpty }
        guard rest.isEmpty else { return nil }
        return DocumentIngest.quarter(in: text)
    }

    /// The column a header cell names, or nil when meaning gives no answer (the keyword rules
    /// of ``HeaderMapper`` are then tried).
    static func classify(_ text: String) -> HeaderColumn? {
        let period = PeriodNormalizer.quarter(in: text)?.label ?? PeriodNormalizer.period(in: text)
        let main = mainPhrase(text)
        let mainWords = wordsOnly(main)
        // A period alone (`Quarter 1 2011/12`, `2010/11`, `Q3`): the values of that period. A date
        // (`March 2009`) is not a header.
        if mainWords.isEmpty || mainWords.allSatisfy({ $0 == "quarter" || ($0.count == 2 && $0.hasPrefix("q") && $0.last?.isNumber == true) }) {
            guard isPeriodOnly(text) else { return nil }
            return HeaderColumn(role: quarterOnly(main) != nil && PeriodNormalizer.financialYear(in: text) == nil ? .quarterActual : .actual,
                                period: period, text: text)
        }
        let spaced = " " + mainWords.joined(separator: " ") + " "
        // Curated phrases of several words name a column exactly; relational words (`associated`,
        // `links to`) and ignored columns (`Page`) too.
        for (role, phrases) in HeaderMapper.rules {
            for p in phrases where (p.contains(" ") || role == .links || role == .ignored) && spaced.contains(" " + p + " ") {
                return HeaderColumn(role: role, period: period, text: text)
            }
        }
        // The same phrases with the export's split letters run together (`Ass ociated Risks`).
        let squeezed = TextCleaner.key(main)
        for (role, phrases) in HeaderMapper.rules {
            for p in phrases where p.contains(" ") || role == .links || role == .ignored {
                let sp = p.replacingOccurrences(of: " ", with: "")
                if sp.count >= 8 && squeezed.contains(sp) { return HeaderColumn(role: role, period: period, text: text) }
            }
        }
        // Letters split by the export (`Re f:`, `Associate d Risks`) leave no reliable head noun.
        if mainWords.contains(where: { $0.count == 1 && $0 != "a" }) { return nil }
        guard let (headWord, modifiers) = head(of: main), var role = heads[headWord] else { return nil }
        // A quarter's target (`Quarter 1 Target`); a quarter's actual (`Q2 Actual`) stays the actual.
        if role == .target, DocumentIngest.quarter(in: main) != nil { role = .quarterTarget }
        if role == .target, modifiers.contains(where: { ["end", "final", "long", "stretch"].contains($0) }) { role = .endTarget }
        if role == .actual, modifiers.contains(where: { ["previous", "last", "baseline"].contains($0) }) { role = .baseline }
        // `Lead partner`: the one body that leads the record, its owner (not a list of partners).
        if role == .partners, modifiers.contains("lead"), !headWord.hasSuffix("s") { role = .owner }
        return HeaderColumn(role: role, period: period, text: text)
    }
}
