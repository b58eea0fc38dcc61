import Foundation

/// Statuses from every source, the current one per record, and direction of travel.
extension PerformanceModel {
    /// A status for one record and period, from one source.
    struct StatusEvent {
        /// The record's id.
        var record: String
        /// The period the status is for (`2008/09 Q3`).
        var period: String
        /// red, amber or green.
        var status: String
        /// stated, reported or derived.
        var source: String
        /// Where it is stated (for a derived status, where the actual is).
        var document: String
        /// The line in `document`.
        var line: String
        /// The actual the status is about, when the source gives one.
        var actual: String = ""
        /// The target the status is about, when the source gives one.
        var target: String = ""

        /// Later periods first matter most; at the same period a report beats the plan, and both beat planq's derivation.
        var order: (Double, Int) {
            (FinancialPeriod(period)?.rank ?? -1, ["derived": 0, "stated": 1, "reported": 2][source] ?? 0)
        }
    }

    /// Collects statuses stated in plans, reported in progress reports and derived from actual
    /// against target, writes `status_history`, and gives each indicator and action its latest
    /// status with `status_period`, `status_source`, `status_document` and `status_line`.
    func statuses(_ tables: inout [String: IngestTable], _ obs: inout [[String: String]]) {
        var events: [String: [StatusEvent]] = [:]
        for name in ["indicators", "actions"] {
            for r in tables[name]?.rows ?? [] {
                guard let s = r["status"], !s.isEmpty, let id = r["id"] else { continue }
                let period = r["actual_period"].flatMap { $0.isEmpty ? nil : $0 } ?? plans[r["plan"] ?? ""]?["period"] ?? ""
                events[id, default: []].append(StatusEvent(record: id, period: period, status: s,
                                                           source: isReport(r["plan"] ?? "") ? "reported" : "stated",
                                                           document: r["document"] ?? "", line: r["line"] ?? "",
                                                           actual: r["actual"] ?? "", target: r["target"] ?? ""))
            }
        }
        for p in tables["progress"]?.rows ?? [] {
            guard let id = p["record_id"], !id.isEmpty, let s = p["status"], !s.isEmpty else { continue }
            let e = StatusEvent(record: id, period: p["period"] ?? "", status: s, source: "reported", document: p["document"] ?? "",
                                line: p["line"] ?? "", actual: p["actual"] ?? "", target: p["target"] ?? "")
            // The record's own status column is already an event.
            if events[id]?.contains(where: { $0.document == e.document && $0.line == e.line && $0.period == e.period }) == true { continue }
            events[id, default: []].append(e)
        }
        derivedEvents(tables, obs, into: &events)
        // Stated statuses on the actual observations of their period.
        for i in obs.indices where ["actual", "year_to_date"].contains(obs[i]["kind"] ?? "") {
            if let e = events[obs[i]["record_id"] ?? ""]?.first(where: { $0.period == obs[i]["period"] && $0.source != "derived" }) {
                obs[i]["status"] = e.status
            }
        }
        var history: [[String: String]] = []
        for name in ["indicators", "actions"] {
            guard var t = tables[name] else { continue }
            for i in t.rows.indices {
                let r = t.rows[i]
                guard let id = r["id"], let evs = events[id], !evs.isEmpty else { continue }
                let sorted = evs.sorted { $0.order < $1.order }
                for e in sorted {
                    history.append(["id": StableID.make("sh", [id, e.period, e.source, e.document, e.line]), "record_id": id,
                                    "record_kind": name == "actions" ? "action" : "indicator", "indicator_key": r["indicator_key"] ?? "",
                                    "action_key": r["action_key"] ?? "",
                                    "plan": r["plan"] ?? "", "council": r["council"] ?? "", "code": r["code"] ?? "",
                                    "title": r["title"] ?? r["action"] ?? "", "period": e.period, "status": e.status,
                                    "source": e.source, "actual": e.actual, "target": e.target, "document": e.document, "line": e.line])
                }
                if let cur = sorted.last {
                    t.rows[i]["status"] = cur.status
                    t.rows[i]["status_source"] = cur.source
                    t.rows[i]["status_period"] = cur.period
                    t.rows[i]["status_document"] = cur.document
                    t.rows[i]["status_line"] = cur.line
                }
            }
            tables[name] = t
        }
        markLatest(&tables)
        // Statuses about earlier periods that match no record stay in the history, unattached.
        for p in tables["progress"]?.rows ?? [] where (p["record_id"] ?? "").isEmpty && !(p["status"] ?? "").isEmpty {
            history.append(["id": StableID.make("sh", [p["id"] ?? "", "unattached"]), "record_id": "", "record_kind": p["kind"] ?? "",
                            "plan": p["plan"] ?? "", "council": plans[p["plan"] ?? ""]?["council"] ?? "", "code": p["code"] ?? "",
                            "title": p["title"] ?? "", "period": p["period"] ?? "", "status": p["status"] ?? "", "source": "reported",
                            "actual": p["actual"] ?? "", "target": p["target"] ?? "", "document": p["document"] ?? "", "line": p["line"] ?? ""])
        }
        tables["status_history"]?.rows = history
    }

    /// Derived statuses: for every period with an actual (or year-to-date figure) and a target
    /// (or cumulative target) of the same period, and a known polarity.
    func derivedEvents(_ tables: [String: IngestTable], _ obs: [[String: String]], into events: inout [String: [StatusEvent]]) {
        let polarity = Dictionary((tables["indicators"]?.rows ?? []).map { ($0["id"] ?? "", $0["polarity"] ?? "") }, uniquingKeysWith: { a, _ in a })
        // The period of each record's own actual: only that actual may fall back on its row's target.
        let ownPeriod = Dictionary((tables["indicators"]?.rows ?? []).map { ($0["id"] ?? "", $0["actual_period"] ?? "") }, uniquingKeysWith: { a, _ in a })
        var byRecord: [String: [[String: String]]] = [:]
        for o in obs where o["record_kind"] == "indicator" { byRecord[o["record_id"] ?? "", default: []].append(o) }
        for (id, list) in byRecord {
            guard let pol = polarity[id], !pol.isEmpty else { continue }
            for a in list where ["actual", "year_to_date"].contains(a["kind"] ?? "") {
                // An actual with no period is compared only with a target of its own row (below).
                guard let av = a["value"].flatMap(Double.init), let period = a["period"],
                      let t = Self.target(for: a, period: period, in: list, ownActual: period == ownPeriod[id] ?? ""),
                      let tv = t["value"].flatMap(Double.init) else { continue }
                // A status the documents state for the period is not second-guessed.
                if events[id]?.contains(where: { $0.period == period && $0.source != "derived" }) == true { continue }
                let s = rule.status(actual: av, target: tv, polarity: pol)
                events[id, default: []].append(StatusEvent(record: id, period: period, status: s, source: "derived",
                                                           document: a["document"] ?? "", line: a["line"] ?? "",
                                                           actual: a["value"] ?? "", target: t["value"] ?? ""))
            }
        }
    }

    /// The target an actual is measured against: a target of the same period; else a target with
    /// no period of its own stated in the same row as the actual (a `Value | Target` table, where
    /// both are for the report's period), or the row's one target when the actual has no period;
    /// else, for a fourth quarter's figure, the target of its
    /// whole year (the year ends with that quarter).
    /// Only the record's own actual (`ownActual`) falls back: a quarter's figure from a row of
    /// quarters is measured only against a target of its quarter.
    static func target(for a: [String: String], period: String, in list: [[String: String]], ownActual: Bool = true) -> [String: String]? {
        let targets = list.filter { ["target", "cumulative_target"].contains($0["kind"] ?? "") && Double($0["value"] ?? "") != nil }
        if !period.isEmpty, let t = targets.first(where: { $0["period"] == period }) { return t }
        guard ownActual else { return nil }
        let sameRow = targets.filter { $0["document"] == a["document"] && $0["line"] == a["line"] }
        if let t = sameRow.first(where: { ($0["period"] ?? "").isEmpty }) { return t }
        // An actual with no period of its own (the paper names none) is for its row's target's period.
        if period.isEmpty, sameRow.count == 1, let t = sameRow.first { return t }
        if let p = FinancialPeriod(period), p.quarter == 4, let t = targets.first(where: { $0["period"] == p.yearLabel }) { return t }
        return nil
    }

    /// `direction` (improving, worse, same) with `direction_from` and `direction_to`: the
    /// record's latest actual against the comparable earlier one of the same indicator (any plan
    /// of the council): a year against an earlier year; a quarter against the same quarter a
    /// year before when the target is cumulative, else the quarter before, else last year's outturn.
    func directions(_ tables: inout [String: IngestTable], _ obs: [[String: String]]) {
        guard var t = tables["indicators"] else { return }
        var byKey: [String: [[String: String]]] = [:]
        for o in obs where ["actual", "year_to_date", "baseline"].contains(o["kind"] ?? "") && !(o["value"] ?? "").isEmpty {
            byKey[o["indicator_key"].flatMap { $0.isEmpty ? nil : $0 } ?? o["record_id"] ?? "", default: []].append(o)
        }
        // Indicators with a cumulative value anywhere, found once (not a scan of every
        // observation per indicator: a 100-page report has thousands of both).
        var cumulativeKeys: Set<String> = []
        for o in obs where ["cumulative_target", "year_to_date"].contains(o["kind"] ?? "") {
            if let k = o["indicator_key"] { cumulativeKeys.insert(k) }
        }
        for i in t.rows.indices {
            let r = t.rows[i]
            guard let pol = r["polarity"], !pol.isEmpty, let id = r["id"] else { continue }
            let key = r["indicator_key"].flatMap { $0.isEmpty ? nil : $0 } ?? id
            let list = byKey[key] ?? []
            let cumulative = r["_cumulative"] != nil || r["_actual_kind"] == "year_to_date"
                || cumulativeKeys.contains(key)
            guard let d = Self.direction(list, record: id, unit: r["unit"] ?? "", polarity: pol, cumulative: cumulative) else { continue }
            t.rows[i]["direction"] = d.direction
            t.rows[i]["direction_from"] = d.from
            t.rows[i]["direction_to"] = d.to
        }
        tables["indicators"] = t
    }

    /// The direction for one record from the values of its indicator, or nil without two comparable values.
    static func direction(_ values: [[String: String]], record: String, unit: String, polarity: String, cumulative: Bool)
        -> (direction: String, from: String, to: String)?
    {
        // One value per period: the record's own first, then actuals before baselines.
        var byPeriod: [FinancialPeriod: (Double, Int)] = [:]
        var horizon: FinancialPeriod? = nil
        // Another plan's copy of one of this record's values under another year is a
        // contradiction (flagged in `warnings`), not a second measurement.
        var ownValues: [String: Set<Int>] = [:]
        for o in values where o["record_id"] == record {
            if let p = FinancialPeriod(o["period"] ?? ""), p.isYear { ownValues[o["value"] ?? "", default: []].insert(p.year) }
        }
        for o in values {
            if o["record_id"] != record, let years = ownValues[o["value"] ?? ""], let p = FinancialPeriod(o["period"] ?? ""),
               p.isYear, !years.contains(p.year) { continue }
            guard let p = FinancialPeriod(o["period"] ?? ""), let v = o["value"].flatMap(Double.init) else { continue }
            let u = o["unit"] ?? ""
            if !unit.isEmpty && !u.isEmpty && u != unit { continue }
            let own = o["record_id"] == record
            if own, horizon.map({ p > $0 }) ?? true { horizon = p }
            let rank = (own ? 2 : 0) + (o["kind"] == "baseline" ? 0 : 1)
            if let cur = byPeriod[p], cur.1 >= rank { continue }
            byPeriod[p] = (v, rank)
        }
        guard let h = horizon, let to = byPeriod.keys.filter({ $0 <= h }).max(), let later = byPeriod[to]?.0 else { return nil }
        var from: FinancialPeriod? = nil
        if to.isYear {
            from = byPeriod.keys.filter { $0.isYear && $0 < to }.max()
        } else if cumulative {
            from = byPeriod[to.yearEarlier] != nil ? to.yearEarlier : nil
        } else {
            from = [to.previous, to.yearEarlier, FinancialPeriod(year: to.year - 1)].first { byPeriod[$0] != nil }
        }
        guard let f = from, let earlier = byPeriod[f]?.0 else { return nil }
        return (StatusRule.direction(from: earlier, to: later, polarity: polarity), f.label, to.label)
    }

    /// `latest`: true on an indicator (or action) whose status is the latest of its
    /// `indicator_key` (`action_key`): no record of the same indicator, in any plan or return,
    /// has a status for a later period; false on one superseded by a later return; null without
    /// a status. An exception list of quarterly returns filters on it, so an indicator red in Q1
    /// and green in Q4 is not red now.
    func markLatest(_ tables: inout [String: IngestTable]) {
        for (name, keyColumn) in [("indicators", "indicator_key"), ("actions", "action_key")] {
            guard var t = tables[name] else { continue }
            var best: [String: Double] = [:]
            for r in t.rows where !(r["status"] ?? "").isEmpty {
                let k = r[keyColumn] ?? r["id"] ?? ""
                best[k] = max(best[k] ?? -2, FinancialPeriod(r["status_period"] ?? "")?.rank ?? -1)
            }
            for i in t.rows.indices where !(t.rows[i]["status"] ?? "").isEmpty {
                let k = t.rows[i][keyColumn] ?? t.rows[i]["id"] ?? ""
                let rank = FinancialPeriod(t.rows[i]["status_period"] ?? "")?.rank ?? -1
                t.rows[i]["latest"] = rank >= (best[k] ?? -1) ? "true" : "false"
            }
            tables[name] = t
        }
    }
}
