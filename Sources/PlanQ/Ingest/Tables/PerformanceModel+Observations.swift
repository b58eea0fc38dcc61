import Foundation

/// Every value with its period (`observations`), and contradictions between plans.
extension PerformanceModel {
    /// One observation row.
    static func observation(_ r: [String: String], kind: String, period: String, value: String, unit: String, raw: String,
                            document: String? = nil, line: String? = nil) -> [String: String] {
        var o = base(r, kind: kind, period: period, value: value, unit: unit, raw: raw, document: document, line: line)
        // Where a reader gives the page, sheet or cell of the record, the value carries it too
        // (written once the `observations` schema names those columns).
        if document == nil { for k in ["page", "sheet", "cell"] { if let v = r[k] { o[k] = v } } }
        return o
    }

    /// The columns every observation has.
    static func base(_ r: [String: String], kind: String, period: String, value: String, unit: String, raw: String,
                     document: String?, line: String?) -> [String: String] {
        ["id": StableID.make("obs", [r["id"] ?? "", kind, period, document ?? ""]), "document": document ?? r["document"] ?? "",
         "line": line ?? r["line"] ?? "", "plan": r["plan"] ?? "", "council": r["council"] ?? "",
         "record_id": r["id"] ?? "", "record_kind": r["action"] != nil ? "action" : "indicator",
         "indicator_key": r["indicator_key"] ?? "", "code": r["code"] ?? "", "title": r["title"] ?? r["action"] ?? "",
         "period": period, "period_type": Self.periodType(period), "kind": kind, "value": value, "unit": unit, "raw": raw]
    }

    /// `year`, `quarter`, `month`, `span` (`2014-2020`) or `other`.
    static func periodType(_ p: String) -> String {
        if let fp = FinancialPeriod(p) { return fp.quarter != nil ? "quarter" : fp.month != nil ? "month" : "year" }
        if p.isEmpty { return "" }
        return p.contains("-") ? "span" : "other"
    }

    /// Observations of every indicator's values (baseline, actual or year to date, target, end
    /// target, quarterly or cumulative targets) and of the figures progress reports state.
    func observations(_ tables: [String: IngestTable], skipping created: Set<String>) -> [[String: String]] {
        var rows: [[String: String]] = []
        for r in tables["indicators"]?.rows ?? [] {
            for slot in ["baseline", "actual", "target", "end_target"] {
                guard let raw = r[slot + "_raw"], !raw.isEmpty else { continue }
                var kind = slot
                if slot == "actual", r["_actual_kind"] == "year_to_date" { kind = "year_to_date" }
                rows.append(Self.observation(r, kind: kind, period: r[slot + "_period"] ?? "", value: r[slot] ?? "",
                                             unit: r["unit"] ?? "", raw: raw))
            }
            // Each quarter's actual in a row of quarters (`Q1` … `Q4`), but the one already the record's actual.
            for key in r.keys.filter({ $0.hasPrefix("_qactual:") }).sorted() {
                let period = String(key.dropFirst("_qactual:".count))
                let v = NumberNormalizer.read(r[key] ?? "")
                guard let x = v.value, period != r["actual_period"] else { continue }
                rows.append(Self.observation(r, kind: "actual", period: period, value: NumberNormalizer.format(x),
                                             unit: v.unit ?? r["unit"] ?? "", raw: r[key] ?? ""))
            }
            for key in r.keys.filter({ $0.hasPrefix("_quarter:") }).sorted() {
                let raw = r[key] ?? ""
                let v = NumberNormalizer.read(raw)
                rows.append(Self.observation(r, kind: r["_cumulative"] != nil ? "cumulative_target" : "target",
                                             period: String(key.dropFirst("_quarter:".count)),
                                             value: v.value.map(NumberNormalizer.format) ?? "", unit: v.unit ?? r["unit"] ?? "", raw: raw))
            }
        }
        // Figures a progress report states about a record of another paper.
        let byID = Dictionary(((tables["indicators"]?.rows ?? []) + (tables["actions"]?.rows ?? [])).map { ($0["id"] ?? "", $0) },
                              uniquingKeysWith: { a, _ in a })
        for p in tables["progress"]?.rows ?? [] where !created.contains(p["id"] ?? "") {
            guard let id = p["record_id"], let r = byID[id], p["document"] != r["document"] || p["line"] != r["line"] else { continue }
            for k in ["actual", "target"] {
                guard let v = p[k], !v.isEmpty else { continue }
                rows.append(Self.observation(r, kind: k, period: p["period"] ?? "", value: v, unit: r["unit"] ?? "", raw: v,
                                             document: p["document"], line: p["line"]))
            }
        }
        return rows
    }

    /// The same value of one indicator labelled with two financial years in two plans (an outturn
    /// printed as 2006/07 in one plan and 2007/08 in another) is flagged in both records'
    /// `warnings`, naming the other plan and line; both values are kept.
    func flagContradictions(_ tables: inout [String: IngestTable], _ obs: [[String: String]]) {
        var groups: [String: [[String: String]]] = [:]
        for o in obs where ["actual", "baseline", "year_to_date"].contains(o["kind"] ?? "") && !(o["value"] ?? "").isEmpty
            && FinancialPeriod(o["period"] ?? "")?.isYear == true && !(o["indicator_key"] ?? "").isEmpty {
            groups[(o["indicator_key"] ?? "") + "\u{1F}" + (o["value"] ?? "") + "\u{1F}" + (o["unit"] ?? ""), default: []].append(o)
        }
        var notes: [String: [String]] = [:]
        for key in groups.keys.sorted() {
            let g = groups[key] ?? []
            guard Set(g.map { $0["period"] ?? "" }).count > 1 else { continue }
            for a in g {
                for b in g where b["plan"] != a["plan"]
                    && FinancialPeriod(b["period"] ?? "")?.year != FinancialPeriod(a["period"] ?? "")?.year {
                    let note = "the same value \(a["value"] ?? "")\(a["unit"] ?? "") is labelled \(a["period"] ?? "") here and \(b["period"] ?? "") in \(b["plan"] ?? "") (\(b["document"] ?? ""):\(b["line"] ?? ""))"
                    if !(notes[a["record_id"] ?? ""]?.contains(note) ?? false) { notes[a["record_id"] ?? "", default: []].append(note) }
                }
            }
        }
        guard !notes.isEmpty, var t = tables["indicators"] else { return }
        for i in t.rows.indices {
            guard let n = notes[t.rows[i]["id"] ?? ""] else { continue }
            t.rows[i]["warnings"] = ([t.rows[i]["warnings"] ?? ""].filter { !$0.isEmpty } + n).joined(separator: "; ")
        }
        tables["indicators"] = t
    }
}
