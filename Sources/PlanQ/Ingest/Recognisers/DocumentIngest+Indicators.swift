import Foundation

/// Indicator tables: one row per indicator with value columns (`Baseline and Year`, `Target 2008/09`,
/// `Outturn 2007/08`, `Quarter 1 Target`), or "measure blocks" where the values sit in cells
/// labelled `<u>Baseline</u>`, `<u>08/09</u>` on the rows under the indicator.
extension DocumentIngest {
    private static let labelRE = IngestPattern.make(#"<u>\s*([^<]{1,30}?)\s*:?\s*</u>\s*([^<\t]*)"#, caseless: true)

    /// Adds one `indicators` row per indicator of `t` (value columns or measure blocks).
    mutating func addIndicators(_ t: DocumentTable) {
        guard let measureCol = t.index(of: .measure) else { return }
        let hasValueColumns = [.baseline, .target, .endTarget, .actual, .quarterTarget].contains { t.has($0) }
        if !hasValueColumns { lastMeasureBlock = t }
        let targetType = t.columns[measureCol].map { TextCleaner.clean($0.text) }
        var lastIndex: Int? = nil
        var pendingLabels: [(Int, String)] = []
        for row in t.rows {
            let rowLabels = Self.labels(row)
            // A name split over a page break (`Short term | … | Jane` then `action from … | … | Smith`,
            // `Number of … (` then `(with reward)`): a row starting in lower case or a bracket continues the record above.
            // A row starting with a code, bracketed or not (`(NI 6) Participation …`), is a record of its own.
            if let idx = lastIndex, let firstCell = row.cells.first(where: { !TextCleaner.clean($0).isEmpty }),
               TextCleaner.clean(firstCell).first.map({ $0.isLowercase || $0 == "(" }) == true,
               CodeNormalizer.find(in: TextCleaner.clean(firstCell)).map({ $0.range.location > 1 }) ?? true {
                for (role, column) in [(HeaderRole.owner, "owner"), (.organisation, "organisation")] {
                    guard let c = t.index(of: role) else { continue }
                    let more = TextCleaner.clean(Self.beforeLabels(row[c]))
                    if more.isEmpty || more.contains(where: \.isNumber) { continue }
                    let old = tables["indicators"]?.rows[idx][column] ?? ""
                    tables["indicators"]?.rows[idx][column] = old.isEmpty ? more : old + " " + more
                }
                if hasValueColumns, var prev = tables["indicators"]?.rows[idx] {
                    // The name runs on, and values the first row left empty may sit here.
                    let more = TextCleaner.clean(row[measureCol])
                    if !more.isEmpty, let title = prev["title"] { prev["title"] = title + " " + more }
                    var extra: [String: String] = [:]
                    fillValues(t, row, into: &extra)
                    for (k, v) in extra where prev[k] == nil { prev[k] = v }
                    tables["indicators"]?.rows[idx] = prev
                }
                if !rowLabels.isEmpty {
                    if rowLabels.allSatisfy({ $0.value.isEmpty }) {
                        pendingLabels = rowLabels.map { ($0.column, $0.label) }
                    } else {
                        applyLabelled(rowLabels.map { ($0.label, $0.value) }, to: idx, line: row.line)
                    }
                }
                continue
            }
            let ownText = TextCleaner.clean(Self.beforeLabels(row[measureCol]))
            let refCell = t.index(of: .ref).map { TextCleaner.clean(row[$0]) } ?? ""
            let leadingEmpty = (0..<measureCol).allSatisfy { TextCleaner.clean(row[$0]).isEmpty }
            // Text left of the name column starts a new block only when a heading named its indicator.
            let valuesOnly = (ownText.isEmpty && refCell.isEmpty && (leadingEmpty || pendingIndicator == nil))
                || Self.isValueRow(row, measureCol: measureCol)
                || TextCleaner.words(ownText).hasPrefix("baseline")
            if (!rowLabels.isEmpty || !pendingLabels.isEmpty) && valuesOnly {
                // A row of labelled values (measure blocks) belongs to the indicator above it.
                if let idx = lastIndex {
                    if rowLabels.isEmpty {
                        let values = pendingLabels.map { col, label in (label, TextCleaner.clean(row[col])) }
                        pendingLabels = []
                        applyLabelled(values, to: idx, line: row.line)
                    } else if rowLabels.allSatisfy({ $0.value.isEmpty }) {
                        pendingLabels = rowLabels.map { ($0.column, $0.label) }
                    } else {
                        applyLabelled(rowLabels.map { ($0.label, $0.value) }, to: idx, line: row.line)
                    }
                }
                continue
            }
            pendingLabels = []
            let rawTitle = Self.beforeLabels(row[measureCol])
            let refText = t.index(of: .ref).map { TextCleaner.clean(row[$0]) } ?? ""
            var title = TextCleaner.clean(rawTitle)
            if !hasValueColumns && Self.isInstruction(title), let p = pendingIndicator { title = p }
            if title.isEmpty && refText.isEmpty { continue }
            if title.lowercased().hasPrefix("actions") || title.lowercased().hasPrefix("equalities") { continue }
            // In a measure-block table a record has a code, or cells beside its name (lead, agency,
            // labelled values); a lone paragraph is the block's prose (actions, equalities notes).
            if !hasValueColumns, CodeNormalizer.code(in: title) == nil, CodeNormalizer.code(in: refText) == nil, rowLabels.isEmpty,
               !row.cells.indices.contains(where: { $0 != measureCol && !TextCleaner.clean(row[$0]).isEmpty }) { continue }
            // `None` / `N/A` rows stand in an empty table; they are not indicators.
            if ["none", "na", "nil", "n a"].contains(TextCleaner.words(title)) && refText.isEmpty { continue }
            var r = placed()
            r["line"] = String(row.line)
            // The code may have a column of its own beside a local reference (`PI ref | NI | Description`).
            let code = CodeNormalizer.setCode(&r, from: refText) ?? CodeNormalizer.setCode(&r, from: title)
                ?? (0..<measureCol).lazy.compactMap { CodeNormalizer.setCode(&r, from: TextCleaner.clean(row[$0])) }.first
            if let c = code, CodeNormalizer.code(in: title) == c { title = CodeNormalizer.strippingCode(title) }
            // A marker before the name (`*NI 8 …`: a stretch target) is not part of it.
            while let f = title.first, f == "*" || f == " " { title.removeFirst() }
            if !refText.isEmpty && CodeNormalizer.code(in: refText) == nil { r["ref"] = CodeNormalizer.ref(refText) }
            // `DIP 1 % of adults …`: a local code before the title is the reference, not part of the title.
            if code == nil, refText.isEmpty, let (ref, rest) = Self.localCode(title) {
                r["ref"] = ref
                title = rest
            }
            r["title"] = title
            if let tt = targetType, tt.count < 40, TextCleaner.words(tt).contains("target") { r["target_type"] = tt }
            fillValues(t, row, into: &r)
            owner(t.index(of: .owner).map { row[$0] }, into: &r)
            if let o = t.index(of: .organisation) {
                let org = TextCleaner.clean(row[o]); if !org.isEmpty { r["organisation"] = org }
            }
            if let s = t.index(of: .status) {
                r["status_raw"] = TextCleaner.clean(row[s])
                if let st = statusKey.status(in: row[s]) { r["status"] = st; r["status_source"] = "stated" }
            }
            // A polarity cell is read with the document's key once the whole paper is read.
            if let p = t.index(of: .polarity) { r["_polarity_raw"] = TextCleaner.clean(row[p]) }
            checkReference(&r, line: row.line)
            lastIndex = add("indicators", r, key: [code ?? r["ref"] ?? "", code == nil ? title : ""])
            pendingIndicator = nil
            // Values labelled in the record's own cells (a continuation row joined into it).
            if let idx = lastIndex, !rowLabels.isEmpty {
                if rowLabels.allSatisfy({ $0.value.isEmpty }) {
                    pendingLabels = rowLabels.map { ($0.column, $0.label) }
                } else {
                    applyLabelled(rowLabels.map { ($0.label, $0.value) }, to: idx, line: row.line)
                }
            }
        }
    }

    /// Fills baseline/target/end_target/actual (+ periods, units, raws) from value columns.
    func fillValues(_ t: DocumentTable, _ row: SourceRow, into r: inout [String: String]) {
        let targets = t.indexes(of: .target)
        var slots: [(String, Int)] = []
        // Several actual columns (`2008/09 Outturn`, `Q2 Actual`): the one for the target's year (or
        // with no year, a quarter) is the actual; an earlier year's outturn is the baseline when the
        // table has no baseline column.
        let actuals = t.indexes(of: .actual)
        let targetYear = targets.first.flatMap { t.columns[$0]?.period }
        var actualCol = actuals.first
        var baselineCol = t.index(of: .baseline)
        if actuals.count > 1 {
            actualCol = actuals.first { t.columns[$0]?.period == nil || t.columns[$0]?.period == targetYear } ?? actuals.last
            if baselineCol == nil { baselineCol = actuals.first { $0 != actualCol } }
        } else if baselineCol == nil, let a = actualCol, Self.isEarlierYearBeforeTarget(t, column: a, planPeriod: context.planPeriod) {
            // `Performance 2010/11 | Target 2011/12` in a 2011/12 paper: last year's figure is the baseline.
            baselineCol = a
            actualCol = nil
        }
        if let b = baselineCol { slots.append(("baseline", b)) }
        if let a = actualCol { slots.append(("actual", a)) }
        if let first = targets.first { slots.append(("target", first)) }
        if let e = t.index(of: .endTarget) { slots.append(("end_target", e)) } else if targets.count > 1, let last = targets.last {
            slots.append(("end_target", last))
        }
        // Quarterly targets go to `measures` only (hidden `_quarter:` keys are not columns).
        for col in t.indexes(of: .quarterTarget) {
            let raw = TextCleaner.clean(row[col])
            guard !raw.isEmpty, let header = t.columns[col] else { continue }
            let q = header.text.first(where: \.isNumber).map { "Q\($0)" } ?? header.text
            if Self.isCumulative(header.text) { r["_cumulative"] = "1" }
            let period = [context.planPeriod.flatMap(PeriodNormalizer.financialYear) ?? context.planPeriod, q].compactMap { $0 }.joined(separator: " ")
            r["_quarter:" + period] = raw
        }
        let title = r["title"] ?? ""
        for (name, col) in slots {
            let raw = row[col]
            // A cell with two quantities gives the one whose unit the row's other values and the title share.
            let siblings = slots.filter { $0.1 != col }.map { row[$0.1] }
            let v = name == "baseline" ? NumberNormalizer.readBaseline(raw, title: title, siblings: siblings)
                : NumberNormalizer.read(raw, title: title, siblings: siblings)
            guard !v.raw.isEmpty else { continue }
            r[name + "_raw"] = v.raw
            // `61% for 2009/10 No target for 08/09`: a value for another year is not this column's.
            let headerYear = t.columns[col]?.period.flatMap { PeriodNormalizer.financialYear(in: $0) }
            let cellYear = PeriodNormalizer.financialYear(in: v.raw)
            if name.hasSuffix("target"), let h = headerYear, let c = cellYear, c != h { continue }
            guard let x = v.value else { continue }
            r[name] = NumberNormalizer.format(x)
            if let u = v.unit, r["unit"] == nil { r["unit"] = u }
            // An actual with no period of its own is for the plan's year.
            var period = (name == "baseline" ? v.period : nil) ?? t.columns[col]?.period ?? v.period
                ?? (name == "actual" ? context.planPeriod : nil)
            // `Q2 Actual`, `Year to date (Q3)`: the quarter of the plan's year; a year-to-date or
            // cumulative figure is marked for the observations.
            if name == "actual", let header = t.columns[col]?.text {
                if let q = Self.quarter(in: header), let fy = (t.columns[col]?.period ?? context.planPeriod).flatMap(PeriodNormalizer.financialYear) {
                    period = fy + " Q\(q)"
                }
                if Self.isCumulative(header) { r["_actual_kind"] = "year_to_date" }
            }
            // `Q2 last year (year to date)`: that quarter of the year before the plan's.
            if name == "baseline", t.columns[col]?.period == nil, let header = t.columns[col]?.text, let q = Self.quarter(in: header),
               let fp = context.planPeriod.flatMap(PeriodNormalizer.financialYear).flatMap(FinancialPeriod.init) {
                let w = " " + TextCleaner.words(header) + " "
                let back = w.contains(" last year ") || w.contains(" previous year ") || w.contains(" same quarter ")
                period = FinancialPeriod(year: fp.year - (back ? 1 : 0), quarter: q).label
            }
            if let p = period { r[name + "_period"] = p }
        }
        fillQuarterActual(t, row, into: &r)
    }

    /// Whether value column `a` names a whole year before the plan's year and a target column of a
    /// later year follows it, and its heading is a general one (`Performance 2010/11`, `2010/11`):
    /// a baseline. A column headed as an outturn or actual (`Outturn 2007/08`) stays the actual,
    /// with its own year as `actual_period`.
    static func isEarlierYearBeforeTarget(_ t: DocumentTable, column a: Int, planPeriod: String?) -> Bool {
        let words = " " + TextCleaner.words(t.columns[a]?.text ?? "") + " "
        if [" outturn ", " actual ", " actuals ", " achieved "].contains(where: { words.contains($0) }) { return false }
        guard let p = t.columns[a]?.period.flatMap(FinancialPeriod.init), p.isYear,
              let plan = planPeriod.flatMap(PeriodNormalizer.financialYear).flatMap(FinancialPeriod.init), p.year < plan.year,
              let target = t.indexes(of: .target).first(where: { $0 > a }),
              let tp = t.columns[target]?.period.flatMap(FinancialPeriod.init), tp.year > p.year else { return false }
        return true
    }

    /// Quarter columns (`Q1` … `Q4`): each quarter's figure is kept for the observations
    /// (hidden `_qactual:` keys); where the row has no actual of its own (no actual column, or
    /// `n/a` in it, as for snapshot measures), the latest quarter with a figure is the actual.
    func fillQuarterActual(_ t: DocumentTable, _ row: SourceRow, into r: inout [String: String]) {
        let fy = context.planPeriod.flatMap(PeriodNormalizer.financialYear)
        for col in t.indexes(of: .quarterActual) {
            let raw = TextCleaner.clean(row[col])
            guard !raw.isEmpty, let header = t.columns[col], let q = Self.quarter(in: header.text),
                  let y = header.period.flatMap(PeriodNormalizer.financialYear) ?? fy else { continue }
            r["_qactual:" + y + " Q\(q)"] = raw
        }
        guard r["actual"] == nil else { return }
        for col in t.indexes(of: .quarterActual).reversed() {
            let v = NumberNormalizer.read(row[col], title: r["title"] ?? "", siblings: [])
            guard let x = v.value, let header = t.columns[col] else { continue }
            r["actual_raw"] = v.raw
            r["actual"] = NumberNormalizer.format(x)
            if let u = v.unit, r["unit"] == nil { r["unit"] = u }
            let fy = (header.period ?? context.planPeriod).flatMap(PeriodNormalizer.financialYear)
            if let q = Self.quarter(in: header.text), let y = fy {
                r["actual_period"] = y + " Q\(q)"
            } else if let p = header.period ?? context.planPeriod {
                r["actual_period"] = p
            }
            r["_actual_kind"] = nil
            return
        }
    }

    /// Values given as (label, text) pairs: `Baseline` → baseline; the first period → target;
    /// the last period → end target.
    mutating func applyLabelled(_ values: [(String, String)], to idx: Int, line: Int) {
        guard var r = tables["indicators"]?.rows[idx] else { return }
        let periods = values.filter { PeriodNormalizer.financialYear(in: $0.0) != nil }
        // Periods are ordered by every label of the block; cells left empty give no value.
        for (label, text) in values where !text.isEmpty {
            let v = TextCleaner.words(label).hasPrefix("baseline") ? NumberNormalizer.readLatest(text) : NumberNormalizer.read(text)
            var slot: String? = nil
            if TextCleaner.words(label).hasPrefix("baseline") { slot = "baseline" }
            else if let p = PeriodNormalizer.financialYear(in: label) {
                if periods.first?.0 == label { slot = "target" } else if periods.count > 1 && periods.last?.0 == label { slot = "end_target" }
                if let s = slot {
                    if r[s + "_raw"] == nil {
                        r[s + "_raw"] = v.raw
                        if let x = v.value { r[s] = NumberNormalizer.format(x) }
                        r[s + "_period"] = v.period.flatMap { PeriodNormalizer.financialYear(in: $0) == nil ? $0 : nil } ?? p
                        if let u = v.unit, r["unit"] == nil { r["unit"] = u }
                    }
                }
                continue
            }
            if let s = slot, r[s + "_raw"] == nil {
                r[s + "_raw"] = v.raw
                if let x = v.value { r[s] = NumberNormalizer.format(x) }
                if let p = v.period { r[s + "_period"] = p }
                if let u = v.unit, r["unit"] == nil { r["unit"] = u }
            }
        }
        tables["indicators"]?.rows[idx] = r
    }

    /// `(column, label, value)` for every `<u>Label</u> value` cell of `row`.
    static func labels(_ row: SourceRow) -> [(column: Int, label: String, value: String)] {
        var out: [(Int, String, String)] = []
        // Labels written without the underline tags (`Baseline Awaiting Baseline`, `08/09 24% Nov 2009`):
        // a cell starting with `Baseline` or a financial year, when another cell of the row does too.
        var plain: [(Int, String, String)] = []
        for (i, cell) in row.cells.enumerated() where !cell.contains("<u>") && !cell.contains("<U>") {
            let text = TextCleaner.clean(cell)
            let w = TextCleaner.words(text)
            if w.hasPrefix("baseline") {
                plain.append((i, "Baseline", String(text.dropFirst("baseline".count)).trimmingCharacters(in: .whitespaces)))
            } else if let m = text.range(of: #"^\d\d/\d\d\b"#, options: .regularExpression) {
                plain.append((i, String(text[m]), String(text[m.upperBound...]).trimmingCharacters(in: .whitespaces)))
            }
        }
        if plain.count >= 2 || (plain.count == 1 && plain[0].0 == 0 && plain[0].1 == "Baseline") { out.append(contentsOf: plain) }
        for (i, cell) in row.cells.enumerated() where cell.contains("<u>") || cell.contains("<U>") {
            let ns = cell as NSString
            for m in labelRE.matches(in: cell, range: NSRange(location: 0, length: ns.length)) {
                let label = TextCleaner.clean(ns.substring(with: m.range(at: 1)))
                let w = TextCleaner.words(label)
                guard w.hasPrefix("baseline") || PeriodNormalizer.financialYear(in: label) != nil else { continue }
                out.append((i, label, TextCleaner.clean(ns.substring(with: m.range(at: 2)))))
            }
        }
        return out.map { (column: $0.0, label: $0.1, value: $0.2) }
    }

    /// Loose rows (no header of their own) that read as a measure block: a name row, then labelled
    /// values. They take the header of the last measure block; true when they did.
    mutating func addHeaderlessMeasureBlock(_ rows: [SourceRow]) -> Bool {
        guard let header = lastMeasureBlock, rows.count >= 2, rows.contains(where: { !Self.labels($0).isEmpty }),
              Self.labels(rows[0]).isEmpty, rows[0].cells.count == header.columns.count else { return false }
        var t = DocumentTable(line: rows[0].line, headerCells: header.headerCells, columns: header.columns)
        t.rows = rows
        addIndicators(t)
        return true
    }

    /// A row holding only values (numbers, `%`), no indicator name.
    static func isValueRow(_ row: SourceRow, measureCol: Int) -> Bool {
        let first = TextCleaner.clean(row.cells.first { !TextCleaner.clean($0).isEmpty } ?? "")
        return first.count < 40 && NumberNormalizer.read(first).value != nil && CodeNormalizer.code(in: first) == nil
    }

    /// The part of a cell before its first `<u>` label.
    static func beforeLabels(_ s: String) -> String {
        guard let r = s.range(of: "<u>", options: .caseInsensitive) else { return s }
        return String(s[..<r.lowerBound])
    }

    /// Form instructions standing where an indicator's name should be.
    static func isInstruction(_ s: String) -> Bool {
        let w = TextCleaner.words(s)
        return w.isEmpty || w.hasPrefix("measure and target") || w.hasPrefix("describe") || w.hasPrefix("short term action")
    }

    /// Polarity from the reference; a warning when the title shares no words with the reference title.
    mutating func checkReference(_ r: inout [String: String], line: Int) {
        guard let code = r["code"], let ni = reference[code] else { return }
        if let p = ni.polarity { r["polarity"] = p }
        guard let title = r["title"], !title.isEmpty else { return }
        let a = Self.titleWords(title)
        guard !a.isEmpty else { return }
        let own = ni.title.isEmpty ? nil : Self.similarity(a, Self.titleWords(ni.title))
        // Another code whose title reads much more like this one's (a code printed beside its
        // neighbour's title) is named in the warning.
        var better: (String, Double)? = nil
        if (own ?? 0) < 0.6 {
            for other in reference.values where other.code != code && !other.title.isEmpty {
                let sim = Self.similarity(a, Self.titleWords(other.title))
                if sim >= 0.75, sim > (own ?? 0) + 0.2, better.map({ sim > $0.1 || (sim == $0.1 && other.code < $0.0) }) ?? true {
                    better = (other.code, sim)
                }
            }
        }
        var msg: String? = nil
        if let b = better {
            msg = "\(code) title '\(title.prefix(60))' reads like \(b.0) ('\(reference[b.0]?.title.prefix(60) ?? "")')"
        } else if let o = own, o == 0 {
            msg = "\(code) title '\(title.prefix(60))' does not match the National Indicator set ('\(ni.title.prefix(60))')"
        }
        if let m = msg {
            r["warnings"] = m
            warnings.append("\(document):\(line): warning: \(m)")
        }
    }

    /// The content words of a title (stop words dropped).
    static func titleWords(_ s: String) -> Set<String> {
        let stop: Set<String> = ["of", "the", "and", "in", "to", "a", "for", "by", "at", "or", "with", "on", "who", "are", "is", "per", "from"]
        return Set(TextCleaner.words(s).split(separator: " ").map(String.init)).subtracting(stop)
    }

    /// Jaccard similarity of two word sets.
    static func similarity(_ a: Set<String>, _ b: Set<String>) -> Double {
        let u = a.union(b).count
        return u == 0 ? 0 : Double(a.intersection(b).count) / Double(u)
    }

    /// The quarter a header names (`Q2 Actual`, `Quarter 3`), or nil.
    static func quarter(in header: String) -> Int? {
        let w = TextCleaner.words(header).split(separator: " ").map(String.init)
        for (i, x) in w.enumerated() {
            if x.count == 2, x.hasPrefix("q"), let n = Int(x.dropFirst()), (1...4).contains(n) { return n }
            if x == "quarter", i + 1 < w.count, let n = Int(w[i + 1]), (1...4).contains(n) { return n }
        }
        return nil
    }

    /// Whether a header says its figures are cumulative (`Year to date`, `YTD`, `cumulative`).
    static func isCumulative(_ header: String) -> Bool {
        let w = " " + TextCleaner.words(header) + " "
        return w.contains(" year to date ") || w.contains(" ytd ") || w.contains(" cumulative ")
    }
}
