import Foundation

/// Turns council plan documents (text exported from PDF papers) into planq tables.
///
/// Each document is read into blocks (``DocumentReader``), its headings keep the context
/// (``ContextTracker``) and each recognised table adds records (``DocumentIngest``). Then statuses
/// from documents and progress reports are attached to records, and the performance model is built
/// (``PerformanceModel``: observations, status history, current status, direction, indicator
/// keys, owners); then the National Indicator reference is added and overrides are applied. Output is deterministic: the same
/// documents give the same rows in the same order with the same ids.
public struct Ingester: Sendable {
    /// The National Indicator reference list.
    public var reference: [NationalIndicator]
    /// How statuses are derived.
    public var rule: StatusRule
    /// Corrections applied after recognition.
    public var overrides: [Override]
    /// Documents larger than this are refused with a message.
    public var maxBytes = 64 << 20

    /// An ingester with a reference list, a status rule and overrides.
    public init(reference: [NationalIndicator] = [], rule: StatusRule = StatusRule(), overrides: [Override] = []) {
        self.reference = reference
        self.rule = rule
        self.overrides = overrides
    }

    /// Forces every document to be read as this format (`--input-format`); nil detects it.
    public var inputFormat: DocumentFormat? = nil

    /// Ingests documents given as (name, bytes); names are written to `document` columns and
    /// formats are detected from the content alone.
    public func ingest(_ documents: [(name: String, data: Data)]) -> IngestResult {
        ingest(files: documents.map { (name: $0.name, fileName: $0.name, data: $0.data) })
    }

    /// Ingests documents given as (name, file name, bytes); the file name's extension helps detect
    /// the format where the content does not decide it.
    public func ingest(files documents: [(name: String, fileName: String, data: Data)]) -> IngestResult {
        var tables = Dictionary(uniqueKeysWithValues: IngestSchema.emptyTables().map { ($0.name, $0) })
        var report: [String] = []
        var warnings: [String] = []
        var failures: [String] = []
        let refByCode = Dictionary(reference.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var abbreviations: [String: [String: String]] = [:]
        for doc in documents {
            switch Result(catching: { () throws(DecodeFailure) -> Document in
                try DocumentLoader(maxBytes: maxBytes).load(doc.data, name: doc.name, fileName: doc.fileName, format: inputFormat)
            }) {
            case .failure(let f):
                failures.append("\(doc.fileName): \(f.message)")
                report.append("\(doc.fileName): not ingested: \(f.message)")
            case .success(let document):
                var d = DocumentIngest(document: doc.name, tables: tables, reference: refByCode)
                let lines = document.lines
                let before = tables.mapValues(\.rows.count)
                d.run(lines)
                // Polarity as the paper states it (its key, polarity cells, markers in titles).
                if var ind = d.tables["indicators"] {
                    PolarityKey.read(lines).apply(to: &ind, rows: (before["indicators"] ?? 0)..<ind.rows.count)
                    d.tables["indicators"] = ind
                }
                let abbr = OwnerDirectory.abbreviations(in: lines)
                if !abbr.isEmpty { abbreviations[doc.name] = abbr }
                tables = d.tables
                Self.locate(&tables, from: before, in: document)
                let kinds = ["plans", "outcomes", "indicators", "actions", "risks", "partnerships", "governance", "concerns", "progress", "status_counts"]
                let summary = kinds.compactMap { k in d.counts[k].map { "\($0) \(k)" } }.joined(separator: ", ")
                report.append("\(doc.name): \(lines.count) lines; " + (summary.isEmpty ? "no records recognised (no tables of a known kind)" : summary))
                report.append("  read as \(document.format.rawValue)" + (document.notes.isEmpty ? "" : "; " + document.notes.joined(separator: "; ")))
                report.append(contentsOf: document.format == .text ? d.report : d.report.map { Self.placed($0, in: document) })
                warnings.append(contentsOf: d.warnings)
            }
        }
        listProgress(&tables)
        var model = PerformanceModel(rule: rule, abbreviations: abbreviations)
        for o in overrides where o.id.hasPrefix("own-") && o.column == "person" { model.ownerOverrides[o.id] = o.value }
        model.build(&tables)
        report.append(PerformanceModel.summary(tables))
        tables["national_indicators"]?.rows = reference.map { ni in
            ["code": ni.code, "number": String(ni.number), "title": ni.title, "polarity": ni.polarity ?? "", "theme": ni.theme ?? ""]
        }
        applyOverrides(&tables, report: &report, warnings: &warnings)
        let ordered = IngestSchema.emptyTables().compactMap { tables[$0.name] }
        return IngestResult(tables: ordered, report: report, warnings: warnings, failures: failures)
    }

    /// Fills `page`, `sheet` and `cell` of the rows added since `before` from the origins of their
    /// lines in `document`, and turns `line` into the line on its page where the format has pages.
    static func locate(_ tables: inout [String: IngestTable], from before: [String: Int], in document: Document) {
        for name in tables.keys {
            guard var t = tables[name], t.columnNames.contains("page") else { continue }
            let start = before[name] ?? 0
            guard start < t.rows.count else { continue }
            for k in start..<t.rows.count {
                guard let n = t.rows[k]["line"].flatMap({ Int($0) }) else { continue }
                let o = document.origin(ofLine: n)
                if let l = o.line { t.rows[k]["line"] = String(l) }
                if let p = o.page { t.rows[k]["page"] = String(p) }
                if let s = o.sheet { t.rows[k]["sheet"] = s }
                if let c = o.cell { t.rows[k]["cell"] = c }
            }
            tables[name] = t
        }
    }

    /// A report line with its first `line N` (a line of the document's text) given as the place in
    /// the source file (`p. 3 line 12`, `Q3 returns!B14`).
    static func placed(_ text: String, in document: Document) -> String {
        guard let r = text.range(of: #"line \d+"#, options: .regularExpression),
              let n = Int(text[r].dropFirst(5)) else { return text }
        let where_ = document.origin(ofLine: n).description
        return where_.isEmpty ? text : text.replacingCharacters(in: r, with: where_)
    }

    /// One `progress` row per status a document states for an indicator or action (stated, not derived).
    func listProgress(_ tables: inout [String: IngestTable]) {
        var rows: [[String: String]] = []
        for (name, kind) in [("indicators", "indicator"), ("actions", "action")] {
            for r in tables[name]?.rows ?? [] {
                guard let status = r["status"], !status.isEmpty, r["status_source"] != "derived" else { continue }
                let plan = tables["plans"]?.rows.first { $0["plan"] == r["plan"] }
                rows.append(["id": StableID.make("prg", [r["id"] ?? ""]), "document": r["document"] ?? "", "line": r["line"] ?? "",
                             "page": r["page"] ?? "", "sheet": r["sheet"] ?? "", "cell": r["cell"] ?? "",
                             "plan": r["plan"] ?? "", "record_id": r["id"] ?? "", "period": r["actual_period"] ?? plan?["period"] ?? "", "kind": kind,
                             "code": r["code"] ?? "", "ref": r["ref"] ?? "", "title": r["title"] ?? r["action"] ?? "",
                             "status": status, "actual": r["actual"] ?? "", "target": r["target"] ?? "",
                             "comment": r["status_raw"] ?? r["sub_actions"] ?? ""])
            }
        }
        tables["progress"]?.rows.append(contentsOf: rows)
    }

    /// Applies overrides; an override whose record or column is gone is a warning.
    func applyOverrides(_ tables: inout [String: IngestTable], report: inout [String], warnings: inout [String]) {
        guard !overrides.isEmpty else { return }
        report.append("overrides:")
        for o in overrides {
            var applied = false
            for name in tables.keys.sorted() {
                guard var t = tables[name], let i = t.rows.firstIndex(where: { $0["id"] == o.id }) else { continue }
                guard t.columnNames.contains(o.column) else {
                    warnings.append("overrides:\(o.line): warning: table '\(name)' has no column '\(o.column)' (override of \(o.id) not applied)")
                    applied = true
                    break
                }
                let old = t.rows[i][o.column] ?? ""
                t.rows[i][o.column] = o.value
                tables[name] = t
                report.append("  line \(o.line): \(name) \(o.id).\(o.column): '\(old)' → '\(o.value)'" + (o.reason.isEmpty ? "" : " (\(o.reason))"))
                applied = true
                break
            }
            if !applied {
                warnings.append("overrides:\(o.line): warning: stale override: no record has id '\(o.id)' (column \(o.column))")
                report.append("  line \(o.line): stale: no record \(o.id)")
            }
        }
    }
}
