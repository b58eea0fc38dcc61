import Foundation

/// Recognises headings and keeps the context (plan, theme, outcome, owner) records inherit.
///
/// Headings of this family of papers: plan titles ending in a period (`… Plan 2008/09`),
/// `Outcome 12 Reduced crime`, `Theme: …` / `Community Strategy Theme: …`, `Long Term Objective: …`,
/// `… Plan outcome: Be Healthy (…)`, `Owner and Organisation – Name, Organisation`, `Key Partners
/// (*denotes overall lead) - A*, B`. Theme ranges in a contents list (`Community Safety – Outcomes
/// 12-16`) name the theme of numbered outcomes that do not state one.
struct ContextTracker {
    private static func re(_ p: String, caseless: Bool = true) -> NSRegularExpression {
        IngestPattern.make(p, caseless: caseless)
    }
    /// `Outcome 12 Reduced crime` (also `Outcome12 …`, and `Outcome 7:Increase …` with no space after the colon).
    static let outcomeRE = re(#"^outcome\s*(\d{1,3})(?:\s*[:.\-–]?\s+|\s*:(?=[A-Za-z]))(\S.{2,240})$"#)
    /// `Long Term Objective: …`, `… Plan outcome: Be Healthy (…)`, possibly cut at the start by the export.
    static let objectiveRE = re(#"^.{0,40}?(?:long term objective|plan outcome|plan objective|strategic objective|priority outcome|objective)\s*:\s*(\S.*)$"#)
    /// `Theme:`, `Theme Name:`, `Community Strategy Theme: …`.
    static let themeRE = re(#"^(?:[a-z]+ )?(?:community strategy )?theme(?: name)?\s*:\s*(.*)$"#)
    /// `Owner and Organisation – Name, Organisation` and other accountable-owner lines.
    static let ownerRE = re(#"^(?:outcome )?(?:owner(?: and organisation)?|accountable (?:officer|owner)|outcome lead|lead officer)\s*(?::|\s[–\-])\s*(\S.*)$"#)
    /// `Key Partners (*denotes overall lead) - A*, B, C`.
    static let partnersRE = re(#"^key partners[^:\-–]*?(?:\)\s*)?[:\-–]\s*(\S.*)$"#)
    /// A short title ending in a plan word and a period: `Safeguarding Action Plan 2008 / 09`.
    static let planRE = re(#"^([a-z][^.;:!?]{2,80}?\b(?:plan|strategy|agreement|report|return))\s*(?:for\s+)?((?:19|20)\d\d\s*/\s*\d{2,4}|\d\d\s*/\s*\d\d|(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?)\s*$"#)
    /// `PLAN QUARTER 4 PROGRESS REPORT`.
    static let progressRE = re(#"^(?:[a-z' ]*\bplan\s+)?quarter\s+([1-4])\s+progress\s+report$"#)
    /// `LAA Target: NI 73`: the indicator of the block that follows.
    static let indicatorRE = re(#"^(?:laa target|indicator|measure)\s*[:\-–]\s*(\S.*)$"#)
    /// `Community Safety – Outcomes 12-16` in a contents list.
    static let themeRangeRE = re(#"([A-Z][A-Za-z,&' ]{2,60}?)\s*[–\-]\s*Outcomes?\s+(\d{1,3})\s*[-–]\s*(\d{1,3})"#, caseless: false)

    /// The heading `text` is, or nil for ordinary text.
    static func heading(_ text: String) -> ContextHeading? {
        guard text.count < 400 else { return nil }
        let ns = text as NSString
        let all = NSRange(location: 0, length: ns.length)
        func group(_ m: NSTextCheckingResult, _ i: Int) -> String {
            m.range(at: i).location == NSNotFound ? "" : ns.substring(with: m.range(at: i)).trimmingCharacters(in: .whitespaces)
        }
        if let m = outcomeRE.firstMatch(in: text, range: all), let n = Int(group(m, 1)) {
            var t = group(m, 2)
            while t.hasSuffix("-") || t.hasSuffix("–") || t.hasSuffix(" ") { t.removeLast() }
            return .outcome(number: n, text: t)
        }
        if let m = themeRE.firstMatch(in: text, range: all) { return .theme(clip(group(m, 1))) }
        if let m = ownerRE.firstMatch(in: text, range: all) {
            let s = group(m, 1)
            if let comma = s.range(of: ",", options: .backwards) {
                return .owner(name: String(s[..<comma.lowerBound]).trimmingCharacters(in: .whitespaces),
                              organisation: String(s[comma.upperBound...]).trimmingCharacters(in: .whitespaces))
            }
            return .owner(name: s, organisation: nil)
        }
        if let m = partnersRE.firstMatch(in: text, range: all) {
            var list = group(m, 1)
            if list.hasSuffix(".") { list.removeLast() }
            let items = list.components(separatedBy: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let lead = items.first { $0.contains("*") }.map { $0.replacingOccurrences(of: "*", with: "").trimmingCharacters(in: .whitespaces) }
            return .partners(lead: lead, list: items.map { $0.replacingOccurrences(of: "*", with: "").trimmingCharacters(in: .whitespaces) })
        }
        if let m = objectiveRE.firstMatch(in: text, range: all) {
            return .objective(clip(group(m, 1)))
        }
        if let m = indicatorRE.firstMatch(in: text, range: all) { return .indicator(group(m, 1)) }
        if text.count <= 100, let m = progressRE.firstMatch(in: text, range: all) {
            return .plan(title: TextCleaner.collapse(text), period: "Q" + group(m, 1))
        }
        if text.count <= 100, let m = planRE.firstMatch(in: text, range: all) {
            let period = PeriodNormalizer.period(in: group(m, 2)) ?? group(m, 2)
            return .plan(title: TextCleaner.collapse(group(m, 1)), period: period)
        }
        return nil
    }

    /// Whether `text` is a heading that closes an open table.
    static func isHeading(_ text: String) -> Bool {
        guard let h = heading(text) else { return false }
        if case .indicator = h { return false }
        return true
    }

    /// An objective's name: the words before a parenthesised gloss.
    static func clip(_ s: String) -> String {
        var t = s
        if let p = t.range(of: " (") , t.distance(from: t.startIndex, to: p.lowerBound) >= 3 { t = String(t[..<p.lowerBound]) }
        return t.trimmingCharacters(in: CharacterSet(charactersIn: " .;:-–"))
    }

    /// Theme names by outcome number from contents-list ranges anywhere in `lines`.
    static func themeRanges(_ lines: [String]) -> [Int: String] {
        var out: [Int: String] = [:]
        for line in lines where line.contains("utcome") {
            let text = TextCleaner.clean(line.replacingOccurrences(of: "\t", with: " ; "))
            let ns = text as NSString
            for m in themeRangeRE.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
                let name = ns.substring(with: m.range(at: 1)).trimmingCharacters(in: .whitespaces)
                guard let a = Int(ns.substring(with: m.range(at: 2))), let b = Int(ns.substring(with: m.range(at: 3))), a <= b, b - a < 50 else { continue }
                for n in a...b where out[n] == nil { out[n] = name }
            }
        }
        return out
    }

    /// The council most often named as `<Place> Borough|County|City|District Council` in `lines`.
    static func council(_ lines: [String]) -> String? {
        let r = re(#"\b([A-Z][a-z]+) (Borough|County|City|District|Metropolitan Borough) Council"#, caseless: false)
        var counts: [String: Int] = [:]
        for line in lines where line.contains("Council") {
            let ns = line as NSString
            for m in r.matches(in: line, range: NSRange(location: 0, length: ns.length)) {
                let name = ns.substring(with: m.range)
                if name.hasPrefix("The ") { continue }
                counts[name, default: 0] += 1
            }
        }
        return counts.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }?.key
    }
}
