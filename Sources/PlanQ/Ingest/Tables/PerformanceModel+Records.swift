import Foundation

/// Owners, progress rows attached to records, and indicator keys.
extension PerformanceModel {
    /// Tables whose `owner` column names people.
    static let ownerTables = ["outcomes", "indicators", "actions", "risks", "governance"]

    /// Reads every owner cell through ``OwnerDirectory``: `owner` gets every person named (`; `-joined),
    /// `owner_raw` keeps the printed text, and `owners` lists each variant with its people.
    func normaliseOwners(_ tables: inout [String: IngestTable]) {
        var dir = OwnerDirectory()
        dir.abbreviations = abbreviations
        // Each printed cell (`owner_raw`) with the text ``OwnerCell`` made of it (`owner`).
        var cells: [(document: String, text: String, raw: String)] = []
        for name in Self.ownerTables {
            for r in tables[name]?.rows ?? [] {
                guard let o = r["owner"], !o.isEmpty else { continue }
                let raw = r["owner_raw"].flatMap { $0.isEmpty ? nil : $0 } ?? o
                cells.append((r["document"] ?? "", o, raw))
            }
        }
        dir.learn(cells.map(\.text))
        var readings: [String: OwnerDirectory.Reading] = [:]
        var used: [String: Int] = [:]
        var order: [(document: String, text: String, raw: String)] = []
        for c in cells {
            let k = c.document + "\u{1F}" + c.raw
            if readings[k] == nil {
                var reading = dir.read(c.text, document: c.document)
                for (n, _) in reading.persons.enumerated() {
                    if let o = ownerOverrides[Self.ownerID(c.document, c.raw, n + 1)] {
                        reading.persons[n] = o; reading.rule = "override"
                    }
                }
                readings[k] = reading
                order.append(c)
            }
            used[k, default: 0] += 1
        }
        for name in Self.ownerTables {
            guard var t = tables[name] else { continue }
            for i in t.rows.indices {
                guard let o = t.rows[i]["owner"], !o.isEmpty else { continue }
                if (t.rows[i]["owner_raw"] ?? "").isEmpty { t.rows[i]["owner_raw"] = o }
                guard let reading = readings[(t.rows[i]["document"] ?? "") + "\u{1F}" + (t.rows[i]["owner_raw"] ?? o)] else { continue }
                // Every person named stays in `owner` (`A; B`); `owners` has one row per person.
                // A team or role with no person (`Traffic and Road Safety Manager`) stays whole.
                // (The directory may still find known people in a cell with no separators.)
                if OwnerCell.parse(o).people.isEmpty, reading.rule != "override", reading.rule != "initials (the document's key)",
                   reading.persons.contains(where: { !$0.contains(" ") }) || reading.persons == [o] { continue }
                t.rows[i]["owner"] = reading.persons.isEmpty ? o : reading.persons.joined(separator: "; ")
            }
            tables[name] = t
        }
        var rows: [[String: String]] = []
        for c in order.sorted(by: { ($0.document, $0.raw) < ($1.document, $1.raw) }) {
            let k = c.document + "\u{1F}" + c.raw
            guard let reading = readings[k] else { continue }
            for (n, person) in reading.persons.enumerated() {
                rows.append(["id": Self.ownerID(c.document, c.raw, n + 1), "document": c.document, "owner_raw": c.raw,
                             "person": person, "position": String(n + 1), "people": String(reading.persons.count),
                             "rule": reading.rule, "records": String(used[k] ?? 0)])
            }
        }
        tables["owners"]?.rows = rows
    }

    /// The stable id of one person in one printed owner cell.
    static func ownerID(_ document: String, _ text: String, _ position: Int) -> String {
        StableID.make("own", [document, text, String(position)])
    }

    /// Attaches each `progress` row to the record it is about (`record_id`): same council, same
    /// financial year, and the same code or reference or a title sharing at least 80% of its words
    /// (`… in primary schools` is not `… in secondary schools`). A
    /// report about the previous year never attaches to a later year's record. A row that matches
    /// no record becomes a record of the report's own plan. Returns the ids of the progress rows
    /// that did.
    func attachProgress(_ tables: inout [String: IngestTable]) -> Set<String> {
        guard var progress = tables["progress"] else { return [] }
        var created = Set<String>()
        for i in progress.rows.indices where (progress.rows[i]["record_id"] ?? "").isEmpty {
            let p = progress.rows[i]
            let table = p["kind"] == "action" ? "actions" : "indicators"
            let council = plans[p["plan"] ?? ""]?["council"] ?? ""
            let year = FinancialPeriod(p["period"] ?? "")?.year
            let words = DocumentIngest.titleWords(p["title"] ?? "")
            var best: (Int, Double)? = nil
            for (j, r) in (tables[table]?.rows ?? []).enumerated() where r["council"] == council && year != nil && self.year(of: r) == year {
                var score = DocumentIngest.similarity(words, DocumentIngest.titleWords(r["title"] ?? r["action"] ?? ""))
                // Sub-indicators (`NI 195a`, `NI 195b`) share the code but not the part.
                if let c = p["code"], !c.isEmpty, c == r["code"], p["code_part"] == r["code_part"] { score = 1 }
                if let f = p["ref"], !f.isEmpty, f == r["ref"] { score = 1 }
                if score >= 0.8, score > (best?.1 ?? 0) { best = (j, score) }
            }
            if let b = best, let id = tables[table]?.rows[b.0]["id"] {
                progress.rows[i]["record_id"] = id
                continue
            }
            // A status about an earlier period than the report's goes to the history only.
            if let own = plans[p["plan"] ?? ""]?["period"], own != p["period"] { continue }
            var r: [String: String] = ["document": p["document"] ?? "", "line": p["line"] ?? "", "plan": p["plan"] ?? "",
                                       "council": council, "code": p["code"] ?? "", "ref": p["ref"] ?? ""]
            let prefix = table == "actions" ? "act" : "ind"
            r["id"] = StableID.make(prefix, [p["id"] ?? "", "reported"])
            if table == "actions" {
                r["action"] = p["title"] ?? ""
                r["sub_actions"] = p["comment"] ?? ""
            } else {
                r["title"] = p["title"] ?? ""
                for k in ["actual", "target"] where !(p[k] ?? "").isEmpty {
                    r[k] = p[k]; r[k + "_period"] = p["period"]; r[k + "_raw"] = p[k]
                }
                if TextCleaner.words(r["title"] ?? "").hasPrefix("percentage") { r["unit"] = "%" }
            }
            r["status_raw"] = p["status"]
            tables[table]?.rows.append(r)
            progress.rows[i]["record_id"] = r["id"]
            created.insert(p["id"] ?? "")
        }
        tables["progress"] = progress
        return created
    }

    /// One `indicator_key` per indicator of a council: its code (`riverton:NI 117`; with the
    /// sub-part letter, `riverton:NI 195a`, so that a National Indicator's parts stay apart), else a
    /// local reference with letters and digits, else the key of a coded indicator whose title
    /// reads the same (at least 80% of the words shared), else its own title's words.
    func assignKeys(_ tables: inout [String: IngestTable]) {
        guard var t = tables["indicators"] else { return }
        var titled: [String: [(Set<String>, String)]] = [:]
        for i in t.rows.indices {
            let r = t.rows[i]
            let place = Self.place(r["council"] ?? "")
            var key: String? = nil
            // A code printed beside another indicator's title (flagged `reads like NI …`) is
            // keyed by the indicator the title names.
            if let w = r["warnings"], let m = w.range(of: #"reads like [A-Z]+ \d+"#, options: .regularExpression) {
                key = place + ":" + w[m].dropFirst("reads like ".count)
            } else if let c = r["code"], !c.isEmpty { key = place + ":" + c + (r["code_part"] ?? "") }
            else if let f = r["ref"], f.contains(where: \.isLetter), f.contains(where: \.isNumber) { key = place + ":" + f }
            if let k = key {
                t.rows[i]["indicator_key"] = k
                titled[place, default: []].append((DocumentIngest.titleWords(r["title"] ?? ""), k))
            }
        }
        for i in t.rows.indices where (t.rows[i]["indicator_key"] ?? "").isEmpty {
            let r = t.rows[i]
            let place = Self.place(r["council"] ?? "")
            let words = DocumentIngest.titleWords(r["title"] ?? "")
            var best: (String, Double)? = nil
            for (w, k) in titled[place] ?? [] {
                let s = DocumentIngest.similarity(words, w)
                if s >= 0.8, s > (best?.1 ?? 0) { best = (k, s) }
            }
            // Six words to read, and a hash of all of them so two titles that start alike differ.
            let all = TextCleaner.words(r["title"] ?? "")
            let own = all.split(separator: " ").prefix(6).joined(separator: "-") + "-" + StableID.make("t", [all]).suffix(6)
            t.rows[i]["indicator_key"] = best?.0 ?? (place + ":" + own)
        }
        tables["indicators"] = t
        assignActionKeys(&tables)
    }

    /// One `action_key` per action of a council across its plans and returns: a reference with
    /// letters and digits (`riverton:HCA03`), else the action's own words (six to read and a hash
    /// of all), so the same milestone in four quarterly returns has one key and one history.
    func assignActionKeys(_ tables: inout [String: IngestTable]) {
        guard var t = tables["actions"] else { return }
        for i in t.rows.indices {
            let r = t.rows[i]
            let place = Self.place(r["council"] ?? "")
            if let f = r["ref"], f.contains(where: \.isLetter), f.contains(where: \.isNumber) {
                t.rows[i]["action_key"] = place + ":" + f
            } else {
                let all = TextCleaner.words(r["action"] ?? "")
                t.rows[i]["action_key"] = place + ":" + all.split(separator: " ").prefix(6).joined(separator: "-") + "-"
                    + StableID.make("t", [all]).suffix(6)
            }
        }
        tables["actions"] = t
    }
}
