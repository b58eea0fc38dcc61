import Foundation

/// Records written as prose rather than tables (issue 14 class 6):
/// - exception blocks: an `Indicator:` label and the indicator, an owner line (`Accountable Officers –
///   …`, `Lead Officer and Organisation: …`, `Joint Leads: …`), then a value header (`Performance
///   2008/09 | Target 2009/10 | Quarter 2 2009/10 | Status`) with its row of values;
/// - `NI n Title` lines followed by `Lead: …` and a paragraph (`… 74.2% against a target of 72%.
///   Status: Hit.`);
/// - action bullets with inline labels (`• Do this. Responsible Officer – Name. Timescale – Q4
///   2009/10`, the labels possibly on the next line) under a `Remedial action:` / `Actions:` label;
/// - risk bullets under a `Risk assessment` heading (`• Text (Impact: High; Likelihood: Likely). Risk
///   owner: Name, Body.`).
/// Each gives one record with its own owner and date.
extension DocumentIngest {
    private static let ownerLabelRE = IngestPattern.make(#"^(?:joint leads?|accountable officers?|lead officers?(?: and organisation)?|responsible officers?|lead|owner)\s*(?::|\s[–\-—])\s*(\S.*)$"#, caseless: true)


    private static let statusLabelRE = IngestPattern.make(#"\bstatus\s*:\s*([^.;]{1,40})"#, caseless: true)
    /// `74.2% against a target of 72%`, `5.6 per 1,000 against …`, `71.4% of adults …, against …`: the first
    /// number of the clause (no sentence end between) and the target.
    private static let againstRE = IngestPattern.make(#"(-?\d[\d,]*(?:\.\d+)?)(?:\s*%)?[^.;]{0,80}?,?\s+against\s+(?:a|the)\s+target\s+of\s+(-?\d[\d,]*(?:\.\d+)?)"#, caseless: true)
    private static let earlierRE = IngestPattern.make(#"(?:performance\s+(?:in\s+)?(?:19|20)\d\d/\d\d\s+was|(?:19|20)\d\d/\d\d\s+(?:figure|outturn|baseline)\s+of|baseline\s+of)\s+(-?[\d,]+(?:\.\d+)?)"#, caseless: true)
    private static let impactRE = IngestPattern.make(#"\(\s*impact\s*:\s*([a-z ]+?)\s*[;,]\s*likelihood\s*:\s*([a-z ]+?)\s*\)"#, caseless: true)
    private static let riskOwnerRE = IngestPattern.make(#"\brisk owner\s*:\s*(.+?)\.?\s*$"#, caseless: true)
    private static let numberedHeadingRE = IngestPattern.make(#"^\d{1,2}\.?\s+[A-Z][A-Za-z ,&'-]{2,60}$"#)

    /// Reads one prose line; true when it was consumed as (part of) a record.
    mutating func handleProseText(_ text: String, line: Int) -> Bool {
        let ns = text as NSString
        let all = NSRange(location: 0, length: ns.length)
        let w = TextCleaner.words(text)
        // Sections: a numbered heading ends the risk and action lists; `Risk assessment` opens one.
        if text.count <= 60, Self.numberedHeadingRE.firstMatch(in: text, range: all) != nil || !text.contains(".") && !text.hasPrefix("- ") {
            if w.hasSuffix("risk assessment") || w.hasSuffix("risks") || w.hasSuffix("key risks") || w.hasSuffix("risks to delivery") {
                prose.inRisks = true; prose.inActions = false; return false
            }
            if Self.numberedHeadingRE.firstMatch(in: text, range: all) != nil { prose.inRisks = false; prose.inActions = false }
        }
        if text.hasSuffix(":"), text.count <= 40, w.hasSuffix("action") || w.hasSuffix("actions") {
            prose.inActions = true; prose.action = nil; return true
        }
        if text.hasSuffix(":"), text.count <= 40 { prose.inActions = false }
        // `Indicator` alone: the indicator is on the next line.
        if w == "indicator" || w == "performance indicator" { prose.awaitingIndicator = true; return true }
        if prose.awaitingIndicator {
            prose.awaitingIndicator = false
            if startProseIndicator(text, line: line) { return true }
        }
        // An owner line of the block.
        if let m = Self.ownerLabelRE.firstMatch(in: text, range: all), text.count <= 200 {
            let value = ns.substring(with: m.range(at: 1))
            if let h = prose.heading, line - h.line <= 2 {
                prose.heading = nil
                if startProseIndicator(h.text, line: h.line) { setProseOwner(value); return true }
            }
            if let p = prose.indicator, line - p.line <= 4, (tables["indicators"]?.rows[p.row]["owner"] ?? "").isEmpty {
                setProseOwner(value); return true
            }
        }
        // `NI 7 Title`: a record only when a `Lead:` line follows.
        if text.count <= 140, !text.hasSuffix("."), let c = CodeNormalizer.find(in: text), c.range.location == 0 {
            prose.heading = (text, line)
            return false
        }
        prose.heading = nil
        // The paragraph under an `NI n Title` heading: its status and figures.
        if let p = prose.indicator, line - p.line <= 4, Self.statusLabelRE.firstMatch(in: text, range: all) != nil || Self.againstRE.firstMatch(in: text, range: all) != nil {
            applyProseFigures(text, to: p.row)
            return true
        }
        // Bullets are records only when they carry their own rating, owner or date.
        if prose.inRisks, let item = Self.bulletItem(text), addProseRisk(item, line: line) { return true }
        if prose.inActions {
            if let item = Self.bulletItem(text), addProseAction(item, line: line) { return true }
            // `Responsible Officer – Name. Timescale – March 2010` on the line under its bullet.
            if let p = prose.pendingAction, line - p.line <= 1, inlineLabels(text).rest.isEmpty,
               inlineLabels(text).owner != nil || inlineLabels(text).due != nil {
                prose.pendingAction = nil
                _ = addProseAction(p.text + ". " + text, line: p.line)
                return true
            }
            if let a = prose.action, inlineLabels(text).rest.isEmpty, inlineLabels(text).owner != nil || inlineLabels(text).due != nil {
                let labels = inlineLabels(text)
                if let o = labels.owner, (tables["actions"]?.rows[a]["owner"] ?? "").isEmpty {
                    var r = tables["actions"]?.rows[a] ?? [:]
                    r["owner"] = nil; r["owner_source"] = nil
                    owner(o, into: &r)
                    if let d = labels.due { r["due_raw"] = d; r["due"] = DateNormalizer.iso(d) }
                    tables["actions"]?.rows[a] = r
                }
                return true
            }
        }
        return false
    }

    /// Reads loose rows of a prose block (`Indicator: | NI 16 …`, `Lead Officer and Organisation: | …`,
    /// a value header and its values); true when every row was consumed.
    mutating func handleProseRows(_ rows: [SourceRow]) -> Bool {
        var used = 0
        for row in rows {
            let cells = row.cells.map(TextCleaner.clean)
            let filled = cells.filter { !$0.isEmpty }
            guard let first = filled.first else { used += 1; continue }
            let label = TextCleaner.words(first)
            if first.hasSuffix(":"), filled.count == 2 {
                if label == "indicator" || label == "performance indicator" || label == "measure" {
                    if startProseIndicator(filled[1], line: row.line) { used += 1; continue }
                }
                if prose.indicator != nil, Self.ownerLabelRE.firstMatch(in: first + " " + filled[1], range: NSRange(location: 0, length: (first + " " + filled[1] as NSString).length)) != nil {
                    setProseOwner(filled[1]); used += 1; continue
                }
            }
            if let p = prose.indicator, row.line - p.line <= 8 {
                if let header = prose.valueHeader {
                    applyProseValues(header, cells, to: p.row)
                    prose.valueHeader = nil
                    used += 1; continue
                }
                let roles = Self.valueRoles(cells)
                if roles.compactMap({ $0 }).count >= 2, roles.contains("target") {
                    prose.valueHeader = roles
                    used += 1; continue
                }
            }
        }
        return used == rows.count && used > 0
    }

    /// Adds the indicator a block names (`NI 39 Title`, `BT 4 Title`); true when it did.
    mutating func startProseIndicator(_ text: String, line: Int) -> Bool {
        let t = TextCleaner.clean(text)
        guard !t.isEmpty, t.count <= 200 else { return false }
        var r = placed()
        r["line"] = String(line)
        var title = t
        if CodeNormalizer.setCode(&r, from: t) != nil {
            title = CodeNormalizer.strippingCode(t)
        } else if let (ref, rest) = Self.localCode(t) {
            r["ref"] = ref
            title = rest
        }
        r["title"] = title
        checkReference(&r, line: line)
        let idx = add("indicators", r, key: [r["code"] ?? r["ref"] ?? "", r["code"] == nil ? title : ""])
        prose.indicator = (idx, line)
        prose.valueHeader = nil
        return true
    }

    /// `BT 4 Library visits …` → (`BT4`, `Library visits …`): a short capital code and number before a title.
    static func localCode(_ t: String) -> (String, String)? {
        guard let m = t.range(of: #"^[A-Z]{1,5}\s?\d{1,3}(?:\.\d{1,2})?[a-z]?\s+(?=[A-Z%(])"#, options: .regularExpression) else { return nil }
        let ref = CodeNormalizer.ref(String(t[m]).trimmingCharacters(in: .whitespaces))
        let rest = String(t[m.upperBound...]).trimmingCharacters(in: .whitespaces)
        return rest.isEmpty ? nil : (ref, rest)
    }

    /// Sets the owner of the current prose indicator.
    mutating func setProseOwner(_ value: String) {
        guard let p = prose.indicator, var r = tables["indicators"]?.rows[p.row] else { return }
        owner(value, into: &r)
        tables["indicators"]?.rows[p.row] = r
    }

    /// The role of each cell of a value header: baseline, target, actual, status, or nil.
    static func valueRoles(_ cells: [String]) -> [String?] {
        var roles: [String?] = cells.map { c in
            let w = " " + TextCleaner.words(c) + " "
            if w.trimmingCharacters(in: .whitespaces).isEmpty { return nil }
            if w.contains(" status ") || w.contains(" rag ") || w.contains(" rating ") { return "status" }
            if w.contains(" target ") { return "target" }
            if w.contains(" baseline ") || w.contains(" last year ") || w.contains(" previous ") { return "baseline" }
            if w.range(of: #" (quarter|q[1-4]|actual|current|value|year to date|ytd|outturn|performance) "#, options: .regularExpression) != nil { return "actual" }
            return nil
        }
        // Two actual-like columns: the first (an earlier year's performance) is the baseline.
        let actuals = roles.indices.filter { roles[$0] == "actual" }
        if actuals.count >= 2, !roles.contains("baseline") { roles[actuals[0]] = "baseline" }
        return roles
    }

    /// Fills baseline, target, actual and status of indicator `idx` from a row of values.
    mutating func applyProseValues(_ roles: [String?], _ cells: [String], to idx: Int) {
        guard var r = tables["indicators"]?.rows[idx] else { return }
        for (i, role) in roles.enumerated() {
            guard let role, i < cells.count, !cells[i].isEmpty else { continue }
            if role == "status" {
                r["status_raw"] = cells[i]
                if let s = statusKey.status(in: cells[i]) { r["status"] = s; r["status_source"] = "stated" }
                continue
            }
            let v = NumberNormalizer.read(cells[i])
            r[role + "_raw"] = v.raw
            if let x = v.value { r[role] = NumberNormalizer.format(x) }
            if let u = v.unit, r["unit"] == nil { r["unit"] = u }
        }
        if r["actual"] != nil, r["actual_period"] == nil, let p = reportPeriod ?? context.planPeriod { r["actual_period"] = p }
        tables["indicators"]?.rows[idx] = r
    }

    /// Status (`Status: Hit.`), actual and target (`x against a target of y`) and the earlier year's
    /// figure (`Performance 2008/09 was x`) stated in a paragraph.
    mutating func applyProseFigures(_ text: String, to idx: Int) {
        guard var r = tables["indicators"]?.rows[idx] else { return }
        let ns = text as NSString
        let all = NSRange(location: 0, length: ns.length)
        if let m = Self.statusLabelRE.firstMatch(in: text, range: all) {
            let raw = ns.substring(with: m.range(at: 1)).trimmingCharacters(in: .whitespaces)
            r["status_raw"] = raw
            if let s = statusKey.status(in: raw) { r["status"] = s; r["status_source"] = "stated" }
        }
        func number(_ s: String) -> String? { Double(s.replacingOccurrences(of: ",", with: "")).map(NumberNormalizer.format) }
        if let m = Self.againstRE.firstMatch(in: text, range: all) {
            r["actual"] = number(ns.substring(with: m.range(at: 1)))
            r["target"] = number(ns.substring(with: m.range(at: 2)))
            if let p = reportPeriod ?? context.planPeriod { r["actual_period"] = p }
        }
        if let m = Self.earlierRE.firstMatch(in: text, range: all), r["baseline"] == nil {
            r["baseline"] = number(ns.substring(with: m.range(at: 1)))
        }
        tables["indicators"]?.rows[idx] = r
    }

    /// `… Responsible Officer – Name. Timescale – March 2010`: the owner and due text.
    func inlineLabels(_ text: String) -> (owner: String?, due: String?, rest: String) {
        var rest = text
        var due: String? = nil
        var who: String? = nil
        if let m = text.range(of: #"\b(?:timescale|deadline|target date|by when)\s*[–\-—:]\s*"#, options: [.regularExpression, .caseInsensitive]) {
            due = String(text[m.upperBound...]).trimmingCharacters(in: CharacterSet(charactersIn: " ."))
            rest = String(text[..<m.lowerBound])
        }
        if let m = rest.range(of: #"\b(?:responsible officer|lead officer|action owner|owner)\s*[–\-—:]\s*"#, options: [.regularExpression, .caseInsensitive]) {
            who = String(rest[m.upperBound...]).trimmingCharacters(in: CharacterSet(charactersIn: " ."))
            rest = String(rest[..<m.lowerBound])
        }
        return (who, due, rest.trimmingCharacters(in: CharacterSet(charactersIn: " .")))
    }

    /// Adds an action from a bullet, with the owner and date its inline labels give; a bullet with no
    /// label of its own is an action only when the next line gives them. True when it was read.
    @discardableResult
    mutating func addProseAction(_ item: String, line: Int) -> Bool {
        let labels = inlineLabels(item)
        guard !labels.rest.isEmpty else { return false }
        var r = placed()
        r["line"] = String(line)
        r["action"] = labels.rest
        owner(labels.owner, into: &r)
        if labels.owner == nil { r["owner"] = nil; r["owner_source"] = nil; r["organisation"] = nil }
        if let d = labels.due { r["due_raw"] = d; r["due"] = DateNormalizer.iso(d) }
        if labels.owner == nil && labels.due == nil {
            // Held until the next line shows its labels (`Responsible Officer – … Timescale – …`).
            prose.pendingAction = (labels.rest, line)
            return false
        }
        prose.action = add("actions", r, key: ["", labels.rest])
        return true
    }

    /// Adds a risk from a bullet: its text, `(Impact: …; Likelihood: …)` and `Risk owner: …`. A bullet
    /// with neither rating nor owner is not read as a risk. True when it was added.
    mutating func addProseRisk(_ item: String, line: Int) -> Bool {
        let ns = item as NSString
        var text = item
        var r = placed()
        r["line"] = String(line)
        if let m = Self.impactRE.firstMatch(in: item, range: NSRange(location: 0, length: ns.length)) {
            let rating = ns.substring(with: m.range)
            r["rating_raw"] = rating.trimmingCharacters(in: CharacterSet(charactersIn: "()"))
            r["impact"] = RatingNormalizer.impactWord(TextCleaner.words(ns.substring(with: m.range(at: 1))))
            let l = TextCleaner.words(ns.substring(with: m.range(at: 2)))
            r["likelihood"] = l.contains("almost certain") ? "almost certain" : RatingNormalizer.likelihoodWord(l)
            text = ns.substring(to: m.range.location)
        }
        var who: String? = nil
        if let m = Self.riskOwnerRE.firstMatch(in: item, range: NSRange(location: 0, length: ns.length)) {
            who = ns.substring(with: m.range(at: 1))
            if let cut = text.range(of: "risk owner", options: .caseInsensitive) { text = String(text[..<cut.lowerBound]) }
        }
        text = text.trimmingCharacters(in: CharacterSet(charactersIn: " ."))
        guard !text.isEmpty, r["rating_raw"] != nil || who != nil else { return false }
        r["risk"] = text
        if let s = RatingNormalizer.status(in: r["rating_raw"] ?? "") { r["status"] = s }
        owner(who, into: &r)
        if who == nil { r["owner"] = nil; r["owner_source"] = nil; r["organisation"] = nil }
        add("risks", r, key: ["", text])
        return true
    }
}
