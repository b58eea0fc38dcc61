import Foundation

/// The ingest of one document: walks its blocks, keeps the context, and adds records to the tables.
///
/// Recognisers for each table kind live in extensions (`DocumentIngest+Indicators.swift`, …).
struct DocumentIngest {
    /// The document's name as written in `document` columns (file base name).
    let document: String
    /// Tables by name, shared across documents.
    var tables: [String: IngestTable]
    /// Report lines for this document.
    var report: [String] = []
    /// Warnings (code/title disagreements and the like).
    var warnings: [String] = []
    /// National indicators by code.
    let reference: [String: NationalIndicator]

    /// The plan, theme and outcome the next record sits under.
    var context = PlanContext()
    /// The council the document names most.
    var council: String?
    /// The paper's meeting date, for `plans.published`.
    var published: String?
    /// Theme names by outcome number, from the contents list.
    var themeRanges: [Int: String] = [:]
    /// A `Theme:` heading whose name is on the next line.
    var awaitingTheme = false
    /// `LAA Target: NI 101 …`: the indicator a following table measures.
    var pendingIndicator: String?
    /// Known objective numbers per plan, by objective key.
    var objectiveNumbers: [String: [String: Int]] = [:]
    /// Row index of the current outcome in `outcomes`.
    var currentOutcomeRow: Int?
    /// Plans seen, in order, with the line of their title.
    var plans: [(slug: String, title: String, period: String?, line: Int)] = []
    /// Occurrences of each record key, for stable ids.
    var keyCounts: [String: Int] = [:]
    /// Records added per table, for the report.
    var counts: [String: Int] = [:]
    /// The partnership section the text is in (partnership reviews).
    var partnership: PartnershipState?
    /// The last text line seen, for headings that name the line above them.
    var previousText = ""
    /// Whether recent text spoke of indicators or actions (for stated RAG tallies).
    var tallyKind = "actions"
    /// Inside a bulleted list introduced by `How we will measure success:` (indicators) or
    /// `What we are going to do:` (actions): the table its items go to.
    var listTable: String?
    /// Statuses stated in a progress report's prose.
    var progress = ProgressProse()
    /// The last indicator table laid out as measure blocks (no value columns), for headerless blocks.
    var lastMeasureBlock: DocumentTable?
    /// The document's own key from status words to RAG (``StatusKey``), learned before the walk.
    var statusKey = StatusKey()
    /// The kind of record (`indicators` / `actions`) the text last spoke of, for tallies whose rows do not say.
    var recentKind: String?
    /// The period the report covers, from its opening lines (for its tallies).
    var reportPeriod: String?
    /// The reader of records written as prose (exception blocks, action and risk bullets).
    var prose = ProseRecordState()

    /// An ingest of `document` adding to `tables`, checking codes against `reference`.
    init(document: String, tables: [String: IngestTable], reference: [String: NationalIndicator]) {
        self.document = document
        self.tables = tables
        self.reference = reference
    }

    /// Reads `lines` and adds every recognised record.
    mutating func run(_ lines: [String]) {
        themeRanges = ContextTracker.themeRanges(lines)
        council = ContextTracker.council(lines)
        published = Self.publishedDate(lines)
        statusKey = StatusKey.learn(lines)
        reportPeriod = Self.reportPeriod(lines)
        startPlan(title: Self.fallbackTitle(lines, document: document), period: nil, line: 1)
        let trace = ProcessInfo.processInfo.environment["PLANQ_INGEST_TRACE"] != nil
        for block in DocumentReader().read(lines) {
            if trace {
                switch block {
                case .text(let line, let text): print("T \(line): \(text.prefix(70))")
                case .table(let t): print("TABLE \(t.line) [\(t.columns.map { $0?.role.rawValue ?? "-" }.joined(separator: ","))] rows \(t.rows.map { String($0.line) }.joined(separator: " "))")
                case .loose(let line, let rows): print("LOOSE \(line) x\(rows.count)")
                }
            }
            switch block {
            case .text(let line, let text): handleText(text, line: line)
            case .table(let t): handleTable(t)
            case .loose(let line, let rows): handleLoose(rows, line: line)
            }
        }
        writePlans()
    }

    // MARK: - Context

    /// Updates the context from a text line, or reads it as a list item, progress statement or partnership section.
    mutating func handleText(_ text: String, line: Int) {
        defer { previousText = text; noteKindWords(text) }
        let lower = text.lowercased()
        if lower.contains("performance indicator") { tallyKind = "indicators" } else if lower.contains("action") { tallyKind = "actions" }
        if handlePartnershipText(text, line: line) { return }
        if handleProgressText(text, line: line) { return }
        if handleProseText(text, line: line) { return }
        if handleListItem(text, line: line) { return }
        if awaitingTheme {
            awaitingTheme = false
            if ContextTracker.heading(text) == nil && text.count < 120 { context.theme = text; return }
        }
        guard let h = ContextTracker.heading(text) else {
            // `LAA Target: NI 73` with the indicator's name on the next line.
            if let p = pendingIndicator, CodeNormalizer.strippingCode(p).isEmpty, text.count <= 200 {
                pendingIndicator = p + " " + text
            }
            let k = TextCleaner.words(text)
            if ["performance indicators", "associated risks", "risk register", "performance indicator"].contains(k) {
                context.outcomeNo = nil; context.outcome = nil; context.owner = nil; context.organisation = nil
                currentOutcomeRow = nil
            }
            return
        }
        switch h {
        case .plan(let title, let period):
            startPlan(title: title, period: period, line: line)
        case .theme(let name):
            if name.isEmpty { awaitingTheme = true } else { context.theme = name }
        case .outcome(let n, let text):
            setOutcome(number: n, text: text, line: line)
        case .objective(let text):
            let key = TextCleaner.key(text)
            var known = objectiveNumbers[context.plan] ?? [:]
            let n: Int
            let isNew: Bool
            if let k = known[key] { n = k; isNew = false } else { n = known.count + 1; known[key] = n; isNew = true }
            objectiveNumbers[context.plan] = known
            if isNew { setOutcome(number: n, text: text, line: line) } else {
                context.outcomeNo = n; context.outcome = text; context.owner = nil; context.organisation = nil
            }
        case .owner(let name, let org):
            context.owner = name
            context.organisation = org
            if let r = currentOutcomeRow {
                tables["outcomes"]?.rows[r]["owner"] = name
                tables["outcomes"]?.rows[r]["organisation"] = org ?? ""
            }
        case .partners(let lead, let list):
            if let r = currentOutcomeRow {
                tables["outcomes"]?.rows[r]["lead_partner"] = lead ?? ""
                tables["outcomes"]?.rows[r]["key_partners"] = list.joined(separator: ", ")
            }
        case .indicator(let text):
            pendingIndicator = text
        }
    }

    /// Switches to the plan titled `title` (same slug = same plan).
    mutating func startPlan(title: String, period: String?, line: Int) {
        let slug = Self.slug((council.map { Self.place($0) } ?? "") + " " + title + " " + (period ?? ""))
        if slug == context.plan { return }
        let full = period.map { p in title.contains(p) || p.hasPrefix("Q") ? title : title + " " + p } ?? title
        var planPeriod = period ?? PeriodNormalizer.period(in: title)
        // `Quarter 2 Performance Monitoring Return 2009/10` covers `2009/10 Q2`.
        if let p = planPeriod, FinancialPeriod(p)?.isYear == true, let q = Self.quarter(in: title) { planPeriod = p + " Q\(q)" }
        context = PlanContext(plan: slug, planTitle: full, planPeriod: planPeriod)
        progress = ProgressProse()
        currentOutcomeRow = nil
        pendingIndicator = nil
        if !plans.contains(where: { $0.slug == slug }) { plans.append((slug, full, context.planPeriod, line)) }
    }

    /// Switches to outcome `number` and adds its `outcomes` row.
    mutating func setOutcome(number: Int, text: String, line: Int) {
        context.outcomeNo = number
        context.outcome = text
        context.owner = nil
        context.organisation = nil
        if let t = themeRanges[number] { context.theme = t }
        let row: [String: String] = [
            "document": document, "line": String(line), "plan": context.plan, "council": council ?? "",
            "theme": context.theme ?? "", "outcome_no": String(number), "outcome": text,
        ]
        currentOutcomeRow = add("outcomes", row, key: [String(number), text])
    }

    /// Adds `row` to `table` with located and placed columns filled; returns its index.
    @discardableResult
    mutating func add(_ table: String, _ row: [String: String], key: [String]) -> Int {
        var r = row
        r["document"] = document
        let base = [document, context.plan, table] + key.map { String(TextCleaner.words($0).prefix(60)) }
        let k = base.joined(separator: "|")
        let n = keyCounts[k, default: 0]
        keyCounts[k] = n + 1
        let prefix = ["plans": "pl", "outcomes": "out", "indicators": "ind", "measures": "m", "actions": "act", "risks": "risk",
                      "partnerships": "ptn", "governance": "gov", "concerns": "con", "progress": "prg", "status_counts": "cnt"][table] ?? table
        r["id"] = StableID.make(prefix, base + [String(n)])
        counts[table, default: 0] += 1
        tables[table]?.rows.append(r)
        return (tables[table]?.rows.count ?? 1) - 1
    }

    /// The placed columns (plan … outcome) of the current context.
    func placed() -> [String: String] {
        var r: [String: String] = ["plan": context.plan, "council": council ?? ""]
        if let t = context.theme { r["theme"] = t }
        if let n = context.outcomeNo { r["outcome_no"] = String(n) }
        if let o = context.outcome { r["outcome"] = o }
        return r
    }

    /// Owner columns: the record's own owner, else the outcome's (`owner_source`).
    func owner(_ raw: String?, into r: inout [String: String]) {
        let text = raw.map(TextCleaner.clean) ?? ""
        if !text.isEmpty {
            // Every person the cell names, or its team or role; the organisation apart (``OwnerCell``).
            let cell = OwnerCell.parse(text)
            r["owner"] = cell.owner.isEmpty ? text : cell.owner
            r["owner_raw"] = text
            if let o = cell.organisation, r["organisation"] == nil { r["organisation"] = o }
            r["owner_source"] = "record"
        } else if let o = context.owner {
            r["owner"] = o
            if let org = context.organisation, r["organisation"] == nil { r["organisation"] = org }
            r["owner_source"] = "outcome"
        }
    }

    // MARK: - Tables

    /// Dispatches a table to the recogniser of its kind, or reports it skipped.
    mutating func handleTable(_ table: DocumentTable) {
        // Roles the header words left open are settled by position, periods and cell values.
        let t = HeaderClassifier.refine(table)
        report.append(HeaderClassifier.describe(t))
        let before = counts
        let kind: String
        if t.has(.risk) || ((t.has(.likelihood) || t.has(.impact)) && (t.has(.measure) || t.has(.item))) {
            kind = "risks"; addRisks(t)
        } else if t.has(.action) {
            kind = "actions"; addActions(t)
        } else if t.has(.measure) {
            kind = "indicators"; addIndicators(t)
        } else if t.has(.item) && (t.has(.owner) || t.has(.due)) {
            kind = "governance"; addGovernance(t)
        } else {
            let names = t.columns.compactMap { $0?.role.rawValue }.joined(separator: ", ")
            report.append("  line \(t.line): skipped table of \(t.rows.count) rows (columns: \(names)); no recogniser for this header: \(TextCleaner.clean(t.headerCells.joined(separator: " | ")).prefix(100))")
            return
        }
        let added = (counts[kind] ?? 0) - (before[kind] ?? 0)
        if added == 0 && !t.rows.isEmpty {
            report.append("  line \(t.line): \(kind) table with \(t.rows.count) rows gave no records")
        }
    }

    /// Reads rows outside any table (partnership forms, tallies, headerless blocks), or reports them skipped.
    mutating func handleLoose(_ rows: [SourceRow], line: Int) {
        if handlePartnershipRows(rows) { return }
        if addHeaderlessActions(rows) { return }
        if handleProseRows(rows) { return }
        if addStatusCounts(rows) { return }
        if addStatusTally(rows) { return }
        defer { for r in rows { noteKindWords(r.cells.joined(separator: " ")) } }
        if addHeaderlessMeasureBlock(rows) { return }
        let text = TextCleaner.clean(rows[0].cells.joined(separator: " | "))
        report.append("  line \(line): skipped \(rows.count) row\(rows.count == 1 ? "" : "s") outside a recognised table: \(text.prefix(80))")
    }

    // MARK: - Plans

    /// Adds a `plans` row for every plan of the document that holds records.
    mutating func writePlans() {
        for p in plans {
            let used = ["outcomes", "indicators", "actions", "risks", "progress", "status_counts"].contains { name in
                tables[name]?.rows.contains { $0["plan"] == p.slug && $0["document"] == document } ?? false
            }
            guard used else { continue }
            let row: [String: String] = [
                "id": p.slug, "plan": p.slug, "council": council ?? "", "title": p.title, "kind": Self.kind(p.title),
                "period": p.period ?? "", "published": published ?? "", "document": document, "line": String(p.line),
            ]
            tables["plans"]?.rows.append(row)
            counts["plans", default: 0] += 1
        }
    }

    // MARK: - Helpers

    /// Lower-case words joined by `-`, at most 80 characters.
    static func slug(_ s: String) -> String {
        let w = TextCleaner.words(s).replacingOccurrences(of: " ", with: "-")
        return String(w.prefix(80))
    }

    /// `Riverton City Council` → `Riverton`.
    static func place(_ council: String) -> String { String(council.split(separator: " ").first ?? "") }

    /// The kind of plan a title names.
    static func kind(_ title: String) -> String {
        let w = TextCleaner.words(title)
        if w.contains("progress report") || w.contains("monitoring return") || w.contains("monitoring report") { return "progress report" }
        if w.contains("local area agreement") || w.contains("laa") { return "local area agreement plan" }
        if w.contains("departmental") { return "departmental plan" }
        if w.contains("operational") { return "operational plan" }
        if w.contains("divisional") || w.contains("action plan") { return "divisional plan" }
        if w.contains("strategy") { return "strategy" }
        if w.contains("review") { return "review" }
        return "plan"
    }

    /// The first full date (day month year) near the top of the document: the meeting the paper went to.
    static func publishedDate(_ lines: [String]) -> String? {
        let re = IngestPattern.make(#"\b(\d{1,2})(?:st|nd|rd|th)?\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+((?:19|20)\d\d)\b"#)
        for line in lines.prefix(60) {
            let ns = line as NSString
            if let m = re.firstMatch(in: line, range: NSRange(location: 0, length: ns.length)) {
                return DateNormalizer.iso(ns.substring(with: m.range))
            }
        }
        return nil
    }

    /// A title for records that come before any plan heading: the first short line naming a plan,
    /// agreement, strategy or report, else the document name.
    static func fallbackTitle(_ lines: [String], document: String) -> String {
        for (i, line) in lines.prefix(400).enumerated() where !line.contains("\t") {
            let t = TextCleaner.clean(line)
            guard t.count >= 8, t.count <= 90, !t.hasSuffix("."), ContextTracker.heading(t) == nil else { continue }
            let w = " " + TextCleaner.words(t) + " "
            if [" plan ", " laa ", " local area agreement ", " strategy "].contains(where: { w.contains($0) }) {
                // A title whose years sit on the next line (`… Strategy for Riverton` / `2014 – 2020`).
                if let next = lines.dropFirst(i + 1).prefix(3).map(TextCleaner.clean).first(where: { !$0.isEmpty }),
                   next.count <= 15, next.range(of: #"^(19|20)\d\d\s*[–\-/]\s*(19|20)?\d\d$"#, options: .regularExpression) != nil {
                    return t + " " + next
                }
                return t
            }
        }
        return ContextTracker.council(lines).map { $0 + " plan" } ?? document
    }

    /// `Jane Smith, Riverton City Council` / `Tom Brown – Business Link` / `Ann Lee RCC`
    /// → (owner, organisation).
    static func splitOwner(_ s: String) -> (String, String?) {
        for sep in [" – ", " - ", ", ", " / "] {
            if let r = s.range(of: sep) {
                let a = s[..<r.lowerBound].trimmingCharacters(in: .whitespaces)
                let b = s[r.upperBound...].trimmingCharacters(in: .whitespaces)
                if !a.isEmpty && !b.isEmpty && a.split(separator: " ").count <= 4 { return (a, b) }
            }
        }
        let words = s.split(separator: " ").map(String.init)
        // `First Last Organisation words`: a two-word personal name then an organisation.
        let nameLike = { (w: String) in w.allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" || $0 == "." } && w.contains(where: \.isLowercase) }
        if words.count >= 3, words[0].first?.isUppercase == true, words[1].first?.isUppercase == true,
           nameLike(words[0]), nameLike(words[1]),
           !orgWords.contains(words[0].lowercased()), !orgWords.contains(words[1].lowercased()),
           words[2...].contains(where: { orgWords.contains($0.lowercased()) || $0.allSatisfy(\.isUppercase) }) {
            return (words[0] + " " + words[1], words[2...].joined(separator: " "))
        }
        return (s, nil)
    }

    /// Words that mark an organisation rather than a person in an owner cell.
    static let orgWords: Set<String> = ["council", "department", "services", "service", "partnership", "trust", "pct", "police",
                                        "hbc", "nhs", "plus", "link", "college", "forum", "association", "network", "agency",
                                        "unit", "team", "board", "group", "centre", "development", "assistant", "director", "head"]
}
