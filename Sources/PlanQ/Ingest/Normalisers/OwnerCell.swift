import Foundation

/// One owner cell read into the people it names and the organisations, teams or roles around them.
///
/// Councils write owner cells many ways: `Andrea Blythe, Jobcentre Plus`, `Tom Reid - Castlemere
/// PCT`, `Sue Pym/Castlemere BC`, `Castlemere PCT: Ian Moss`, `Castlemere BC Tracey Hale` (the body
/// first, no separator), `Waste Partnership Board (Chair: Alan Fairweather)`, `Gavin Pollard<br />Business
/// Support Manager`, `Joint Leads: Jill Harrison and Sally Robinson, HBC`, `Accountable Officers – A
/// (Director of …, NHS X) and B (Y Council)`. The cell is cut at separators outside brackets
/// (comma, semicolon, slash, colon, a spaced dash); bracketed text is read on its own; labels
/// (`Joint Leads:`, `Chair:`) are dropped; a part joined by `and` is split when its pieces are
/// people. Where no person is named, the team or role is kept without the organisation
/// (`Energy Manager, Property Services` → `Energy Manager`, `Supporting People Team / X BC` →
/// `Supporting People Team`).
struct OwnerCell: Equatable, Sendable {
    /// Every person named, in the order written.
    var people: [String] = []
    /// The organisations, teams and roles named, in the order written.
    var bodies: [String] = []
    /// What the `owner` column gets: the people joined with `; `, else the team or role.
    var owner: String = ""
    /// The organisation the cell names, if any (for the `organisation` column).
    var organisation: String?

    /// One piece of the cell: its text, and whether it sat in brackets.
    struct Part: Equatable {
        var text: String
        var bracketed: Bool
    }

    /// Words that make a part a body, team or role rather than a person's name.
    static let bodyWords: Set<String> = OwnerDirectory.orgWords.union([
        "homes", "safer", "city", "county", "borough", "district", "parks", "countryside", "open", "spaces", "waste", "recycling",
        "street", "leisure", "culture", "libraries", "library", "heritage", "revenues", "benefits", "finance", "planning",
        "licensing", "youth", "adult", "adults", "children", "social", "care", "customer", "access", "corporate",
        "environmental", "environment", "highways", "network", "sport", "sports", "active", "warm", "learning", "skills",
        "jobcentre", "connexions", "offending", "safety", "security", "ict", "emergency", "policy", "human", "legal",
        "democratic", "web", "cleansing", "chief", "executive", "officer", "co-ordinator", "coordinator", "chair", "cabinet",
        "member", "portfolio", "holder", "lead", "stop", "smoking", "public", "place", "management", "business", "enterprise",
        "regeneration", "transport", "sustainability", "climate", "energy", "property", "facilities", "exchequer",
        "complaints", "land", "charges", "control", "options", "operations", "shared", "station", "road", "traffic",
        "neighbourhood", "neighbourhoods", "voluntary", "sector", "primary", "care", "adviser", "advisor", "inspector",
        "commissioner", "leader", "clerk", "principal", "coordinators", "commissioner", "pregnancy", "teenage", "drug",
        "alcohol", "action", "abuse", "violence", "domestic", "older", "people's", "young", "schools", "education",
    ])
    /// Nouns that end a role (`Energy Manager`, `Director of Place`).
    static let roleNouns: Set<String> = ["manager", "officer", "director", "head", "co-ordinator", "coordinator", "chair", "chief",
                                         "executive", "lead", "adviser", "advisor", "inspector", "commissioner", "leader", "clerk",
                                         "principal", "administrator", "analyst", "consultant", "specialist", "worker"]
    /// Words that make a part a label to drop (`Joint Leads:`, `Chair:`, `Risk owner:`).
    static let labelWords: Set<String> = ["lead", "leads", "joint lead", "joint leads", "chair", "owner", "owners", "risk owner",
                                          "lead officer", "lead officers", "accountable officer", "accountable officers",
                                          "responsible officer", "responsible officers", "contact", "officer", "officers",
                                          "accountable", "responsible", "vice chair"]
    /// Words that mark an organisation (dropped from a kept role).
    static let organisationWords: Set<String> = ["council", "nhs", "pct", "police", "constabulary", "trust", "authority", "jobcentre",
                                                 "partnership", "board", "forum", "fire", "probation", "college", "university", "commission",
                                                 "agency", "limited", "ltd", "association", "homes"]

    /// Reads `raw` (an owner cell as printed).
    static func parse(_ raw: String) -> OwnerCell {
        let text = TextCleaner.clean(raw)
        var cell = OwnerCell()
        guard !text.isEmpty else { return cell }
        let parts = split(text)
        var kept: [Part] = []
        for part in parts {
            let w = TextCleaner.words(part.text)
            if w.isEmpty || labelWords.contains(w) { continue }
            if let found = persons(in: part.text, personFirst: parts.count == 1) {
                cell.people.append(contentsOf: found.people)
                cell.bodies.append(contentsOf: found.bodies)
            } else {
                cell.bodies.append(part.text)
                kept.append(part)
            }
        }
        var seen = Set<String>()
        cell.people = cell.people.filter { seen.insert(TextCleaner.key($0)).inserted }
        cell.organisation = cell.bodies.first(where: isOrganisation) ?? cell.bodies.first
        if !cell.people.isEmpty {
            cell.owner = cell.people.joined(separator: "; ")
            return cell
        }
        // No person: the team or role, without the organisation written after it.
        var top = kept.filter { !$0.bracketed }
        // A remark after the owner (`…, supported by …`) starts in lower case: it and what follows go.
        if let cut = top.indices.dropFirst().first(where: { top[$0].text.first?.isLowercase == true }) { top = Array(top[..<cut]) }
        while top.count > 1, let last = top.last, isOrganisation(last.text) { top.removeLast() }
        if let first = top.first, top.count > 1, isRole(first.text) { top = [first] }
        if let first = top.first, let last = top.last, let a = text.range(of: first.text),
           let b = text.range(of: last.text, options: .backwards), a.lowerBound <= b.lowerBound {
            cell.owner = String(text[a.lowerBound..<b.upperBound])
        }
        if cell.owner.isEmpty || top.count == kept.filter({ !$0.bracketed }).count {
            let whole = text.replacingOccurrences(of: #"\s*\([^)]*\)"#, with: "", options: .regularExpression)
                .trimmingCharacters(in: CharacterSet(charactersIn: " ,;:–-"))
            if cell.owner.isEmpty || top.count == parts.filter({ !$0.bracketed }).count { cell.owner = whole.isEmpty ? text : whole }
        }
        if cell.organisation == cell.owner { cell.organisation = nil }
        return cell
    }

    /// The parts of `text`: cut at separators outside brackets; bracketed text cut the same way.
    static func split(_ text: String) -> [Part] {
        var s = text
        for dash in [" – ", " — ", " - ", " -- "] { s = s.replacingOccurrences(of: dash, with: "\u{1}") }
        // A leading label (`Joint Leads:`, `Accountable Officers –`) goes whatever its separator.
        var out: [Part] = []
        var current = ""
        var inner = ""
        var depth = 0
        func flush(_ buffer: inout String, bracketed: Bool) {
            let t = buffer.trimmingCharacters(in: .whitespaces)
            if !t.isEmpty { out.append(Part(text: t, bracketed: bracketed)) }
            buffer = ""
        }
        for ch in s {
            if ch == "(" || ch == "[" {
                if depth > 0 { inner.append(ch) }
                depth += 1
                continue
            }
            if (ch == ")" || ch == "]") && depth > 0 {
                depth -= 1
                if depth == 0 {
                    // Bracketed text is its own group of parts, read after the text before it.
                    for p in split(inner) { out.append(Part(text: p.text, bracketed: true)) }
                    inner = ""
                } else { inner.append(ch) }
                continue
            }
            if depth > 0 { inner.append(ch); continue }
            if ch == "," || ch == ";" || ch == "/" || ch == ":" || ch == "\u{1}" || ch == "|" {
                flush(&current, bracketed: false)
                continue
            }
            current.append(ch)
        }
        if !inner.isEmpty { for p in split(inner) { out.append(Part(text: p.text, bracketed: true)) } }
        flush(&current, bracketed: false)
        // `Helen Arkwright (…) and Martin Cole (…)`: text around a bracket stays in order of writing,
        // so re-sort the parts by where they start in the text.
        return orderByPosition(out, in: s)
    }

    /// `parts` sorted by the position of their first occurrence in `text` (stable for ties).
    static func orderByPosition(_ parts: [Part], in text: String) -> [Part] {
        var from: [String: String.Index] = [:]
        let keyed = parts.enumerated().map { (i, p) -> (String.Index, Int, Part) in
            let start = from[p.text] ?? text.startIndex
            let r = text.range(of: p.text, range: start..<text.endIndex)
            if let r { from[p.text] = r.upperBound }
            return (r?.lowerBound ?? text.endIndex, i, p)
        }
        return keyed.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
    }

    /// The people in one part (with the bodies beside them), or nil when it names none.
    ///
    /// A name then a body with no separator (`Alison Mawson HBC`) is read only when the part is the
    /// whole cell: after a separator, `Owton Fens Community Association` is one body.
    static func persons(in part: String, personFirst: Bool = true) -> (people: [String], bodies: [String])? {
        let t = OwnerDirectory.repaired(TextCleaner.collapse(part.trimmingCharacters(in: CharacterSet(charactersIn: " .*-–"))))
        if isPerson(t) { return ([t], []) }
        // `Sam Okafor and Liz Brand`: every piece a person (or a body then a person).
        for joiner in [" and ", " & ", " + "] where t.contains(joiner) {
            var people: [String] = []
            var bodies: [String] = []
            var ok = true
            for piece in t.components(separatedBy: joiner) {
                let p = piece.trimmingCharacters(in: .whitespaces)
                if isPerson(p) { people.append(p) } else if let (b, n) = bodyThenPerson(p) { bodies.append(b); people.append(n) } else { ok = false; break }
            }
            if ok, !people.isEmpty { return (people, bodies) }
        }
        if let (b, n) = bodyThenPerson(t) { return ([n], [b]) }
        if personFirst, let (n, b) = personThenBody(t) { return ([n], [b]) }
        // `Gavin Pollard Business Support Manager`: a name then a role, no separator.
        let w = t.split(separator: " ").map(String.init)
        if w.count >= 4, isPerson(w[0] + " " + w[1]), let last = w.last, roleNouns.contains(last.lowercased()) {
            return ([w[0] + " " + w[1]], [w[2...].joined(separator: " ")])
        }
        return nil
    }

    /// `Castlemere BC Tracey Hale`, `NHS Jo Bright`: a body marked by an acronym or a body word,
    /// then a two- or three-word name at the end.
    static func bodyThenPerson(_ t: String) -> (String, String)? {
        let w = t.split(separator: " ").map(String.init)
        for n in [2, 3] where w.count > n {
            let name = w[(w.count - n)...].joined(separator: " ")
            let body = w[..<(w.count - n)]
            guard isPerson(name), body.contains(where: { isAcronym($0) || bodyWords.contains($0.lowercased()) }) else { continue }
            return (body.joined(separator: " "), name)
        }
        return nil
    }

    /// `Alison Mawson HBC`, `Lorraine Ferrier TEWV NHS Trust`: a two-word name, then a body marked by an
    /// acronym or a body word.
    static func personThenBody(_ t: String) -> (String, String)? {
        let w = t.split(separator: " ").map(String.init)
        guard w.count >= 3 else { return nil }
        let name = (w[0] + " " + w[1]).trimmingCharacters(in: CharacterSet(charactersIn: "-–,."))
        let body = w[2...]
        guard isPerson(name), body.contains(where: { isAcronym($0) || bodyWords.contains($0.lowercased()) }) else { return nil }
        return (name, body.joined(separator: " "))
    }

    /// Whether `s` reads as one person's name: two or three capitalised words (a particle allowed),
    /// none a body or role word, no acronym.
    static func isPerson(_ s: String) -> Bool {
        let w = s.split(separator: " ").map(String.init)
        guard (2...3).contains(w.count) else { return false }
        var capitalised = 0
        for t in w {
            if OwnerDirectory.particles.contains(t) { continue }
            guard t.first?.isUppercase == true, t.contains(where: \.isLowercase),
                  t.allSatisfy({ $0.isLetter || "'’-.".contains($0) }), !bodyWords.contains(t.lowercased()) else { return false }
            capitalised += 1
        }
        return capitalised >= 2
    }

    /// An acronym (`BCC`, `PCT`, `NHS`): two to six capitals.
    static func isAcronym(_ w: String) -> Bool {
        (2...6).contains(w.count) && w.allSatisfy { $0.isUppercase || $0 == "&" }
    }

    /// Whether a part names an organisation (`BCC`, `Castlemere BC`, `… Council`, `NHS …`).
    static func isOrganisation(_ t: String) -> Bool {
        let w = t.split(separator: " ").map(String.init)
        if w.contains(where: isAcronym) && !w.contains(where: { roleNouns.contains($0.lowercased()) }) { return true }
        return w.contains { organisationWords.contains($0.lowercased()) } && !w.contains { roleNouns.contains($0.lowercased()) }
    }

    /// Whether a part names a role (`Energy Manager`, `Director of Place`).
    static func isRole(_ t: String) -> Bool {
        t.split(separator: " ").contains { roleNouns.contains($0.lowercased()) }
    }
}
