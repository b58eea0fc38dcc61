/// Runs every query of a report against a catalog.
///
/// All sections run before anything is rendered, and the first failing query stops
/// the run with a ``Diagnostic`` pointing into the report file (`file:line:col`) and
/// naming the section, so a caller never writes half a report.
public struct ReportRunner {
    public let definition: ReportDefinition
    public let catalog: Catalog
    /// Shown in the document as the data source.
    public let dataSource: String

    public init(definition: ReportDefinition, catalog: Catalog, dataSource: String) {
        self.definition = definition
        self.catalog = catalog
        self.dataSource = dataSource
    }

    /// Parameter values: each declared default, replaced by `overrides` (name, raw text).
    /// An unknown name or a value of the wrong kind is an error naming the report file.
    public func resolve(_ overrides: [(name: String, value: String)]) throws -> [String: ReportParameterValue] {
        var values: [String: ReportParameterValue] = [:]
        for p in definition.parameters { values[p.name] = p.defaultValue }
        for (name, raw) in overrides {
            guard let p = definition.parameter(name) else {
                let names = definition.parameters.map(\.name)
                throw Diagnostic("the report has no parameter '\(name)'", in: definition.source,
                                 help: EditDistance.suggest(name, among: names).map { "did you mean '\($0)'?" }
                                     ?? (names.isEmpty ? "it declares none" : "its parameters are " + names.joined(separator: ", ")))
            }
            guard let v = p.value(parsing: raw) else {
                throw Diagnostic("--param \(name)=\(raw): '\(raw)' is not a \(p.kind.rawValue)", in: definition.source,
                                 help: p.kind == .date ? "write dates as YYYY-MM-DD" : nil)
            }
            values[name] = v
        }
        return values
    }

    /// Runs every section with `settings` (threads and limits; the CLI's or the
    /// shell's, default all cores and the default limits). `today` (else the
    /// settings' date) is used when the report declares no `as_of` date.
    public func run(_ overrides: [(name: String, value: String)] = [], today: Int32? = nil,
                    settings: ExecutionSettings? = nil) throws -> ReportResult {
        let values = try resolve(overrides)
        var asOfDays = today ?? settings?.today ?? Engine.currentDate()
        if case .date(let d)? = values["as_of"] { asOfDays = d.days }
        var runSettings = settings ?? ExecutionSettings(today: asOfDays)
        runSettings.today = asOfDays
        // A copy: a report's `table NAME = ...` lasts for its sections, not beyond
        // (the shell's `.report` runs on the session's catalog).
        let engine = Engine(catalog: catalog.copy(), settings: runSettings)
        var sections: [ReportResult.Section] = []
        var warnings: [Diagnostic] = []
        for section in definition.sections {
            var parts: [ReportResult.Part] = []
            for q in section.queries {
                parts.append(try run(q, in: section, engine: engine, values: values, warnings: &warnings))
            }
            sections.append(ReportResult.Section(heading: section.heading,
                                                 commentary: displayText(section.commentary, values),
                                                 display: section.display, parts: parts))
        }
        return ReportResult(title: displayText(definition.title, values),
                            ragRule: displayText(definition.ragRule, values),
                            asOf: CivilDate(days: asOfDays),
                            parameters: definition.parameters.map { ($0.name, values[$0.name]?.display ?? "") },
                            reportFile: definition.source.name, dataSource: dataSource, sections: sections,
                            warnings: warnings)
    }

    func run(_ q: ReportQuery, in section: ReportSection, engine: Engine,
             values: [String: ReportParameterValue], warnings: inout [Diagnostic]) throws -> ReportResult.Part {
        let sub = ParameterSubstitution(q.text, offset: q.offset, values: values)
        for r in q.requires {
            if let why = r.unmetReason(in: catalog) {
                return ReportResult.Part(caption: q.caption, query: sub.text, table: nil, skipped: why)
            }
        }
        let querySource = SourceText(name: definition.source.name, text: sub.text)
        do {
            let results = try engine.run(querySource)
            guard let last = results.last else {
                throw Diagnostic("the query has no statement", at: SourceSpan(q.offset, q.offset + 1), in: definition.source)
            }
            for w in results.flatMap(\.warnings) {
                // A parameter's value that the column never holds would empty the section
                // silently: that is an error naming the parameter, not a warning.
                if let span = w.span, let name = sub.parameter(at: span) {
                    var e = w
                    e.severity = .error
                    e.message = "parameter '\(name)': " + w.message
                    e.help = "check the value given to \(name) (--param \(name)=...)"
                    throw e
                }
                warnings.append(relocate(w, sub, section, querySource))
            }
            return ReportResult.Part(caption: q.caption, query: sub.text, table: last.table, skipped: nil,
                                     emptyResult: last.emptyResult)
        } catch let d as Diagnostic {
            throw relocate(d, sub, section, querySource)
        }
    }

    /// A query diagnostic re-pointed at the report file, naming the section.
    func relocate(_ d: Diagnostic, _ sub: ParameterSubstitution, _ section: ReportSection, _ querySource: SourceText) -> Diagnostic {
        var out = d
        out.message = "in section '\(section.heading)': " + d.message
        if d.source == nil || d.source?.text == querySource.text {
            out.source = definition.source
            out.span = d.span.map(sub.fileSpan)
        }
        return out
    }

    /// Commentary and titles may mention `$param`; they show the value as text.
    func displayText(_ s: String, _ values: [String: ReportParameterValue]) -> String {
        var out = ""
        var bytes = Array(s.utf8)[...]
        var pos = 0
        for ref in ParameterSubstitution.references(in: s, skipQuoted: false) {
            guard let v = values[ref.name] else { continue }
            out += String(decoding: bytes[pos..<ref.start], as: UTF8.self) + v.display
            pos = ref.end
        }
        bytes = bytes[pos...]
        return out + String(decoding: bytes, as: UTF8.self)
    }
}
