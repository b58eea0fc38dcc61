import Foundation

/// The performance model built over the recognised records: every value with its period
/// (`observations`), statuses from every source (`status_history` and the current status of each
/// indicator and action), direction of travel, one `indicator_key` per indicator across a
/// council's plans, and one name per person (`owners`).
///
/// It runs after recognition, on the tables alone (plus each document's abbreviation list), so
/// every recogniser feeds it the same way.
struct PerformanceModel {
    /// How statuses are derived from actual against target.
    var rule: StatusRule
    /// Initials → names per document (`AB – Alex Brown`).
    var abbreviations: [String: [String: String]] = [:]
    /// Analyst corrections of the `owners` table: row id → person.
    var ownerOverrides: [String: String] = [:]

    /// Plans by slug.
    var plans: [String: [String: String]] = [:]

    /// Builds the model into `tables`.
    mutating func build(_ tables: inout [String: IngestTable]) {
        plans = Dictionary((tables["plans"]?.rows ?? []).map { ($0["plan"] ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        normaliseOwners(&tables)
        let created = attachProgress(&tables)
        assignKeys(&tables)
        setPolarity(&tables)
        var obs = observations(tables, skipping: created)
        fillQuarterTargets(&tables, obs)
        flagContradictions(&tables, obs)
        statuses(&tables, &obs)
        directions(&tables, obs)
        compareTallies(&tables)
        tables["observations"]?.rows = obs
    }

    // MARK: - Plans

    /// The financial year a record belongs to: its plan's year, else its own target or actual period.
    func year(of r: [String: String]) -> Int? {
        if let p = plans[r["plan"] ?? ""]?["period"], let fp = FinancialPeriod(p) { return fp.year }
        for k in ["target_period", "actual_period"] { if let p = r[k], let fp = FinancialPeriod(p) { return fp.year } }
        return nil
    }

    /// Whether a plan is a progress or monitoring report (its statuses are `reported`, not `stated`).
    func isReport(_ plan: String) -> Bool {
        guard let p = plans[plan] else { return false }
        if p["kind"] == "progress report" { return true }
        let w = " " + TextCleaner.words(p["title"] ?? "") + " "
        return [" report ", " return ", " monitoring ", " scorecard ", " exception "].contains { w.contains($0) }
    }

    /// The council's place name, for keys (`riverton`).
    static func place(_ council: String) -> String {
        TextCleaner.words(DocumentIngest.place(council))
    }

    // MARK: - Polarity

    /// Polarity from the National Indicator list (set at recognition) or the document, else the
    /// title's wording, else the direction from baseline to target, but never that when the
    /// targets are quarterly or cumulative; `polarity_source` says which.
    func setPolarity(_ tables: inout [String: IngestTable]) {
        guard var t = tables["indicators"] else { return }
        for i in t.rows.indices {
            var r = t.rows[i]
            defer { t.rows[i] = r }
            if let p = r["polarity"], !p.isEmpty {
                if (r["polarity_source"] ?? "").isEmpty { r["polarity_source"] = r["code"].map { _ in "reference" } ?? "document" }
                continue
            }
            if let p = StatusRule.polarity(title: r["title"] ?? "") {
                r["polarity"] = p; r["polarity_source"] = "title"; continue
            }
            // Profiled quarter targets and year-to-date figures say nothing about which way is better.
            let quarterly = r.keys.contains { $0.hasPrefix("_quarter:") } || r["_cumulative"] != nil
                || FinancialPeriod(r["target_period"] ?? "")?.quarter != nil || r["_actual_kind"] == "year_to_date"
                || DocumentIngest.isCumulative(r["title"] ?? "")
            let b = r["baseline"].flatMap(Double.init), tg = r["target"].flatMap(Double.init)
            if !quarterly, let p = StatusRule.polarity(stated: nil, baseline: b, target: tg) {
                r["polarity"] = p; r["polarity_source"] = "target_direction"
            }
        }
        tables["indicators"] = t
    }

    /// A record whose only targets are quarterly (a cumulative table) shows the target of its
    /// actual's quarter in `target`, so a reader sees what the actual is measured against.
    func fillQuarterTargets(_ tables: inout [String: IngestTable], _ obs: [[String: String]]) {
        guard var t = tables["indicators"] else { return }
        var byRecord: [String: [[String: String]]] = [:]
        for o in obs where ["target", "cumulative_target"].contains(o["kind"] ?? "") { byRecord[o["record_id"] ?? "", default: []].append(o) }
        for i in t.rows.indices where (t.rows[i]["target_raw"] ?? "").isEmpty {
            guard let ap = t.rows[i]["actual_period"], !ap.isEmpty,
                  let o = byRecord[t.rows[i]["id"] ?? ""]?.first(where: { $0["period"] == ap }) else { continue }
            t.rows[i]["target"] = o["value"]
            t.rows[i]["target_period"] = ap
        }
        tables["indicators"] = t
    }

    /// Beside each tally a document states (`status_counts`), planq's count of the statuses it
    /// read for the same plan, period and kind (`read_red` … `read_total`), and the difference
    /// in words: "16 red stated, 1 read: the report names only 1 of them".
    func compareTallies(_ tables: inout [String: IngestTable]) {
        guard var counts = tables["status_counts"] else { return }
        let history = tables["status_history"]?.rows ?? []
        for i in counts.rows.indices {
            let c = counts.rows[i]
            let kind = c["kind"] == "actions" ? "action" : "indicator"
            let read = history.filter { $0["plan"] == c["plan"] && $0["period"] == c["period"] && $0["record_kind"] == kind && $0["source"] != "derived" }
            var notes: [String] = []
            var total = 0
            for colour in RatingNormalizer.rag {
                let n = read.filter { $0["status"] == colour }.count
                total += n
                counts.rows[i]["read_" + colour] = String(n)
                let stated = Int(c[colour] ?? "") ?? 0
                if n < stated {
                    notes.append("\(stated) \(colour) stated, \(n) read: the report names " + (n == 0 ? "none of them" : "only \(n) of them"))
                } else if n > stated {
                    notes.append("\(stated) \(colour) stated, \(n) read: planq read \(n - stated) more than the tally counts")
                }
            }
            counts.rows[i]["read_total"] = String(total)
            counts.rows[i]["difference"] = notes.isEmpty ? "the tally and the statuses read agree" : notes.joined(separator: "; ")
        }
        tables["status_counts"] = counts
    }

    /// One line for `--report`: what the model holds.
    static func summary(_ tables: [String: IngestTable]) -> String {
        let ind = tables["indicators"]?.rows ?? []
        let owners = tables["owners"]?.rows ?? []
        let history = tables["status_history"]?.rows ?? []
        let keys = Set(ind.compactMap { $0["indicator_key"] }).count
        let contradictions = ind.filter { ($0["warnings"] ?? "").contains("the same value") }.count
        let directions = ind.filter { !($0["direction"] ?? "").isEmpty }.count
        let variants = Set(owners.map { ($0["document"] ?? "") + "\u{1F}" + ($0["owner_raw"] ?? "") }).count
        let people = Set(owners.compactMap { $0["person"] }).count
        return "model: \(tables["observations"]?.rows.count ?? 0) observations; \(history.count) statuses in the history "
            + "(\(history.filter { ($0["record_id"] ?? "").isEmpty }.count) about earlier years, unattached); "
            + "\(ind.count) indicators under \(keys) indicator keys, \(contradictions) with a contradiction between plans, "
            + "\(directions) with a direction of travel; \(variants) printed owner cells naming \(people) people or bodies"
    }
}
