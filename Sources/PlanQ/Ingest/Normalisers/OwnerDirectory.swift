import Foundation

/// The people named in owner cells, each printed variant mapped to one person.
///
/// Exports print the same person many ways: letters split by spaces (`Jo Brigh tman`), an
/// `I` read as `l` (`lan Ward`), trailing punctuation (`Riverton Police.`), the organisation
/// in brackets or before the name (`Jo Bright (RCC)`, `NHS Jo Bright`), several people
/// in one cell (`Jo Bright Sam Lee`, `Jo Bright/Sam Lee`), or initials that the
/// document's own abbreviation list spells out (`AB – Alex Brown`). Only these safe rules
/// are applied; anything else keeps its printed text, and an analyst corrects the rest through
/// overrides of the `owners` table (`own-… ,person,Name,reason`).
struct OwnerDirectory {
    /// One printed variant read as people.
    struct Reading: Equatable {
        /// The people, first named first (an organisation or role when no person is named).
        var persons: [String]
        /// Which rule gave the reading, for the `owners` table.
        var rule: String
    }

    /// Initials → name per document, from lines like `AB – Alex Brown`.
    var abbreviations: [String: [String: String]] = [:]
    /// Person names seen on their own, by comparison key.
    var known: [String: String] = [:]
    /// Overrides by `owners` row id: the person to use.
    var overrides: [String: String] = [:]

    /// Words that make a cell an organisation or role rather than a person.
    static let orgWords: Set<String> = DocumentIngest.orgWords.union([
        "brigade", "fire", "probation", "constabulary", "authority", "hospital", "school", "schools", "university",
        "commission", "office", "ltd", "limited", "company", "society", "union", "officers", "leads", "teams",
        "manager", "managers", "all", "area", "directors", "partners", "provider", "providers", "commissioning",
        "safeguarding", "economic", "theme", "themed", "community", "childrens", "children's", "housing", "health",
        "strategic", "support", "letter", "sent", "dev", "econ", "services", "performance", "achievement",
    ])
    /// Lower-case words allowed inside a person's name.
    static let particles: Set<String> = ["de", "da", "van", "von", "le", "la", "di", "du", "del"]

    private static let keyLine = IngestPattern.make(#"^\s*([A-Z]{2,3})\s*[–—-]\s*([A-Z][a-z]+(?:[ -][A-Z][A-Za-z'’-]+){1,2})\s*$"#)

    /// The abbreviation list of one document: `XX – First Last` lines, at least two of them
    /// within a few lines of each other (a key, not a stray line).
    static func abbreviations(in lines: [String]) -> [String: String] {
        var hits: [(Int, String, String)] = []
        for (i, line) in lines.enumerated() where line.count < 60 {
            let ns = line as NSString
            guard let m = keyLine.firstMatch(in: line, range: NSRange(location: 0, length: ns.length)) else { continue }
            hits.append((i, ns.substring(with: m.range(at: 1)), ns.substring(with: m.range(at: 2))))
        }
        var out: [String: String] = [:]
        for (k, h) in hits.enumerated() {
            let near = hits.indices.contains { $0 != k && abs(hits[$0].0 - h.0) <= 4 }
            if near { out[h.1] = h.2 }
        }
        return out
    }

    /// The comparison key of a name: letters only, lower case.
    static func key(_ s: String) -> String { TextCleaner.key(s) }

    /// A name with export damage repaired: a word-initial `l` before a lower-case letter read as
    /// `I` (`lan` → `Ian`), lower-case fragments joined to the word before (`Brigh tman`), and a
    /// hyphen followed by a space closed up (`Adams- Shearer`).
    static func repaired(_ s: String) -> String {
        // Only a short part can be one damaged name; longer text is left as printed.
        guard s.split(separator: " ").count <= 4 else { return s }
        var tokens: [String] = []
        for raw in s.split(separator: " ").map(String.init) {
            var t = raw
            if tokens.isEmpty, t.count > 1, t.hasPrefix("l"), t.dropFirst().first?.isLowercase == true { t = "I" + t.dropFirst() }
            if let last = tokens.last, last.hasSuffix("-") {
                tokens[tokens.count - 1] = last + t
            } else if let last = tokens.last, t.first?.isLowercase == true, !particles.contains(t), last.first?.isUppercase == true {
                tokens[tokens.count - 1] = last + t
            } else {
                tokens.append(t)
            }
        }
        let out = tokens.joined(separator: " ")
        return looksLikePerson(out) ? out : s
    }

    /// Whether `s` reads as one person's name: two or three capitalised words, no organisation words.
    static func looksLikePerson(_ s: String) -> Bool {
        let w = s.split(separator: " ").map(String.init)
        guard (2...3).contains(w.count) else { return false }
        return w.allSatisfy { t in
            t.first?.isUppercase == true && t.contains(where: \.isLowercase) && t.allSatisfy { $0.isLetter || "'’-.".contains($0) }
                && !orgWords.contains(t.lowercased())
        }
    }

    /// Trailing and leading punctuation removed.
    static func trimmed(_ s: String) -> String {
        s.trimmingCharacters(in: CharacterSet(charactersIn: " .,;:–—-/&").union(.whitespaces))
    }

    /// The parts of a cell naming several owners: split at `/`, `;`, `,`, ` and `, ` & `; a
    /// label ending in `:` (`Joint Leads:`) and bracketed organisations are dropped.
    static func parts(_ cell: String) -> [String] {
        var s = cell
        while let open = s.firstIndex(of: "("), let close = s[open...].firstIndex(of: ")") {
            s.replaceSubrange(open...close, with: " ")
        }
        if let colon = s.firstIndex(of: ":"), s[..<colon].split(separator: " ").count <= 3 { s = String(s[s.index(after: colon)...]) }
        var out = [s]
        for sep in ["/", ";", ",", " and ", " & ", " + "] {
            out = out.flatMap { $0.components(separatedBy: sep) }
        }
        return out.map { TextCleaner.collapse(trimmed($0)) }.filter { !$0.isEmpty }
    }

    /// Learns the people named on their own in `cells` (so `Jo Bright Sam Lee` can be split).
    mutating func learn(_ cells: [String]) {
        for cell in cells {
            for part in Self.parts(cell) {
                let name = Self.repaired(part)
                if Self.looksLikePerson(name), known[Self.key(name)] == nil { known[Self.key(name)] = name }
            }
        }
    }

    /// The people one printed cell names, in `document`.
    func read(_ cell: String, document: String) -> Reading {
        let printed = TextCleaner.collapse(cell)
        let trimmedCell = Self.trimmed(printed)
        // Initials the document spells out: every token must be in its key.
        let tokens = trimmedCell.split(whereSeparator: { $0 == " " || $0 == "/" || $0 == "," }).map(String.init)
        if let abbr = abbreviations[document], !tokens.isEmpty, tokens.allSatisfy({ abbr[$0] != nil }) {
            return Reading(persons: tokens.compactMap { abbr[$0] }, rule: "initials (the document's key)")
        }
        var persons: [String] = []
        var dropped = false
        var repairedAny = false
        for part in Self.parts(printed) {
            let name = Self.repaired(part)
            if name != part { repairedAny = true }
            if let k = known[Self.key(name)] { persons.append(k); continue }
            if Self.looksLikePerson(name) { persons.append(name); continue }
            // Known people inside the part, the rest organisation or role words.
            let found = segment(name)
            if !found.isEmpty { persons.append(contentsOf: found); dropped = true; continue }
            let words = name.split(separator: " ")
            if words.count == 1, let full = uniqueFirstName(String(words[0])) { persons.append(full); repairedAny = true; continue }
            if let full = initialAndSurname(name) { persons.append(full); repairedAny = true; continue }
            if words.count == 1, words[0].first?.isUppercase == true, words[0].contains(where: \.isLowercase),
               words[0].allSatisfy(\.isLetter), !Self.orgWords.contains(words[0].lowercased()) {
                persons.append(String(words[0])); continue
            }
            // An organisation, team or role beside a person is dropped; alone it stays as printed.
            dropped = true
        }
        var seen = Set<String>()
        persons = persons.filter { seen.insert($0).inserted }
        guard !persons.isEmpty else {
            return Reading(persons: [trimmedCell], rule: trimmedCell == printed ? "as printed" : "punctuation trimmed")
        }
        if persons == [printed] { return Reading(persons: persons, rule: "as printed") }
        let rule = persons.count > 1 ? "several people" : dropped || printed.contains("(") ? "organisation or role removed"
            : repairedAny ? "letters rejoined" : "punctuation trimmed"
        return Reading(persons: persons, rule: rule)
    }

    /// Known people named one after another inside `name` (`NHS Jo Bright`, `Jo Bright Sam Lee`).
    func segment(_ name: String) -> [String] {
        let w = name.split(separator: " ").map(String.init)
        guard w.count >= 3 else { return [] }
        var out: [String] = []
        var i = 0
        var unknownNameWords = 0
        while i < w.count {
            var hit: (String, Int)? = nil
            for len in [3, 2] where i + len <= w.count {
                if let k = known[Self.key(w[i..<(i + len)].joined(separator: " "))] { hit = (k, len); break }
            }
            if let h = hit { out.append(h.0); i += h.1 } else {
                let word = w[i]
                if word.first?.isUppercase == true, !Self.orgWords.contains(word.lowercased()), !word.allSatisfy(\.isUppercase) {
                    unknownNameWords += 1
                }
                i += 1
            }
        }
        // Left-over words that could be another person's name make the split unsafe.
        return unknownNameWords >= 2 ? [] : out
    }

    /// `P. Nandi`, `P Nandi`: the one known person with that surname and first initial, or nil.
    func initialAndSurname(_ name: String) -> String? {
        let w = name.split(separator: " ").map(String.init)
        guard w.count == 2, let initial = w[0].first, initial.isUppercase, w[0].count <= 2, w[0].count == 1 || w[0].hasSuffix("."),
              w[1].first?.isUppercase == true, w[1].count >= 3 else { return nil }
        let matches = Set(known.values.filter { $0.hasPrefix(String(initial)) && $0.hasSuffix(" " + w[1]) })
        return matches.count == 1 ? matches.first : nil
    }

    /// The one known person whose first name is `first`, or nil when none or several.
    func uniqueFirstName(_ first: String) -> String? {
        guard first.count >= 3, first.first?.isUppercase == true else { return nil }
        let matches = Set(known.values.filter { $0.hasPrefix(first + " ") })
        return matches.count == 1 ? matches.first : nil
    }
}
