import Foundation

/// Partnership reviews: a section per partnership (`<Name>` then `PARTNERSHIP FUNCTION:`), with its
/// outstanding governance actions, issues of concern and the action planned, whether it continues,
/// and the lead officer who completed the return. Also the RAG tallies a report states itself.
extension DocumentIngest {
    /// Handles a text line inside a partnership review; true when it was consumed.
    mutating func handlePartnershipText(_ text: String, line: Int) -> Bool {
        let w = TextCleaner.words(text)
        let start = text.prefix(14)
        let shortHeading = text.count <= 120 && (text.hasSuffix(":") || text.hasSuffix("?")
            || (start == start.uppercased() && start.filter(\.isLetter).count >= 6))
        // `<Name>` then a `… FUNCTION:` / `Purpose:` line opens a partnership's section.
        if shortHeading, text.hasSuffix(":"), w.hasSuffix("function") || w == "purpose" || w.hasSuffix("partnership function") {
            let name = previousText
            let row = add("partnerships", ["line": String(line - 1), "partnership": name, "council": council ?? ""], key: [name])
            partnership = PartnershipState(name: name, row: row)
            return true
        }
        guard var p = partnership else { return false }
        defer { partnership = p }
        if shortHeading {
            if w.contains("concern") && (w.contains("action") || w.contains("address")) { p.section = .concernActions; return true }
            if w.contains("concern") || w.contains("issues") { p.section = .concerns; return true }
            if w.contains("governance") { p.section = .governance; return true }
            if w.contains("continue") && text.contains("?") {
                // The answer may share the row: `IS THE PARTNERSHIP TO CONTINUE? | YES`.
                let answer = text.firstIndex(of: "?").map { TextCleaner.words(String(text[text.index(after: $0)...])) } ?? ""
                if answer.isEmpty { p.section = .carryOn } else {
                    tables["partnerships"]?.rows[p.row]["continue"] = answer
                    p.section = .other
                }
                return true
            }
            if w.hasPrefix("objectives") || w.hasPrefix("resources") || w.hasPrefix("significance") || w.hasPrefix("outcomes") {
                p.section = .other; return true
            }
        }
        let k = TextCleaner.key(text)
        let none = ["none", "na", "nil", "nothing"].contains(k)
        let text = Self.bulletItem(text) ?? text
        switch p.section {
        case .governance where !none:
            // A governance row flattened into one line: `item  officer@council.gov.uk |31/01/2009`.
            if let officer = Self.officer(in: text), let at = text.range(of: officer) {
                let item = text[..<at.lowerBound].trimmingCharacters(in: CharacterSet(charactersIn: " |"))
                var r: [String: String] = ["line": String(line), "partnership": p.name, "item": item, "owner": officer, "state": "outstanding"]
                let rest = String(text[at.upperBound...]).trimmingCharacters(in: CharacterSet(charactersIn: " |"))
                if !rest.isEmpty { r["due_raw"] = rest; r["due"] = DateNormalizer.iso(rest) }
                if !item.isEmpty { add("governance", r, key: [p.name, item]) }
            }
        case .function:
            if tables["partnerships"]?.rows[p.row]["function"] == nil { tables["partnerships"]?.rows[p.row]["function"] = text }
            p.section = .other
        case .concerns where !none:
            let row = add("concerns", ["line": String(line), "partnership": p.name, "concern": text], key: [p.name, text])
            p.concernRows.append(row)
        case .concernActions where !none:
            for r in p.concernRows {
                let old = tables["concerns"]?.rows[r]["action_planned"] ?? ""
                let plan = old.isEmpty ? text : old + " " + text
                tables["concerns"]?.rows[r]["action_planned"] = plan
                // The officer (an e-mail address or `Name (Post)`) and the timescale the plan names.
                if let due = DateNormalizer.iso(plan) { tables["concerns"]?.rows[r]["timescale"] = due }
                if let officer = Self.officer(in: plan) { tables["concerns"]?.rows[r]["officer"] = officer }
            }
        case .carryOn:
            tables["partnerships"]?.rows[p.row]["continue"] = TextCleaner.words(text)
            p.section = .other
        default: break
        }
        return true
    }

    /// Handles loose rows inside a partnership review (lead officer block, section headings as rows).
    mutating func handlePartnershipRows(_ rows: [SourceRow]) -> Bool {
        guard partnership != nil else { return false }
        for row in rows {
            let cells = row.cells.map(TextCleaner.clean)
            let first = TextCleaner.key(cells.first ?? "")
            if first.hasPrefix("completedby") || first.hasPrefix("receivedby") {
                partnership?.inLeadBlock = first.hasPrefix("completedby")
            }
            let label = cells.count > 1 ? TextCleaner.key(cells[1]) : ""
            let value = cells.count > 2 ? cells[2...].filter { !$0.isEmpty }.joined(separator: " ") : ""
            if let p = partnership, p.inLeadBlock, !value.isEmpty {
                switch label {
                case "name": tables["partnerships"]?.rows[p.row]["lead_officer"] = value
                case "post": tables["partnerships"]?.rows[p.row]["post"] = value
                case "date": tables["partnerships"]?.rows[p.row]["completed"] = DateNormalizer.iso(value)
                default: break
                }
                continue
            }
            if first.hasPrefix("completedby") || first.hasPrefix("receivedby") { continue }
            let text = cells.filter { !$0.isEmpty }.joined(separator: " ")
            if !text.isEmpty { _ = handlePartnershipText(text, line: row.line) }
        }
        return true
    }

    /// A stated RAG tally (`Red | Amber | Green` columns of counts); true when `rows` held one.
    mutating func addStatusCounts(_ rows: [SourceRow]) -> Bool {
        guard let h = rows.firstIndex(where: { r in
            let k = TextCleaner.key(r.cells.joined())
            guard let a = k.range(of: "red"), let b = k.range(of: "amber"), let c = k.range(of: "green") else { return false }
            return a.lowerBound < b.lowerBound && b.lowerBound < c.lowerBound
        }) else { return false }
        var total: Int? = nil
        var found = false
        for row in rows[(h + 1)...] {
            let cells = row.cells.map(TextCleaner.clean)
            let name = cells.first ?? ""
            let nums = cells.dropFirst().compactMap { Double($0.replacingOccurrences(of: "%", with: "")) }
            if TextCleaner.key(name).hasPrefix("total") {
                total = Int(name.filter(\.isNumber))
                continue
            }
            guard !name.isEmpty, nums.count >= 5 else { continue }
            // Columns are (No., %) pairs for red, amber, green.
            let red = Int(nums[0]), amber = Int(nums[2]), green = Int(nums[4])
            var r: [String: String] = ["line": String(row.line), "plan": context.plan, "kind": tallyKind,
                                       "red": String(red), "amber": String(amber), "green": String(green)]
            r["period"] = context.planPeriod
            add("status_counts", r, key: [tallyKind, name])
            found = true
        }
        if found, let t = total, let idx = tables["status_counts"]?.rows.indices.last {
            tables["status_counts"]?.rows[idx]["total"] = String(t)
            let sum = ["red", "amber", "green"].compactMap { Int(tables["status_counts"]?.rows[idx][$0] ?? "") }.reduce(0, +)
            if t > sum { tables["status_counts"]?.rows[idx]["other"] = String(t - sum) }
        }
        return found
    }

    /// The first e-mail address in `text`, or nil.
    static func officer(in text: String) -> String? {
        text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" || $0 == "(" || $0 == ")" })
            .first { $0.contains("@") && $0.contains(".") }.map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: ".")) }
    }
}
