import Foundation
@testable import PlanQ

/// One case of a golden query file (sqllogictest-like):
///
///     query [rowsort]        error               explain             empty
///     <planq text>           <planq text>        <planq text>        <planq text>
///     ----                   ----                ----                ----
///     col<TAB>col            <rendered error>    <operator tree>     <warnings>
///     v<TAB>v                                                        0 rows: <why>
///
/// An `empty` case shows what the CLI prints on stderr for the last statement:
/// its rendered warnings, then the empty-result note pointing at the step that
/// removed the last rows (or `(N rows)` when
/// the result has rows, `(no explanation)` when none was found). In an `explain`
/// case, `explain analyze` times are masked as `time=*`.
///
/// Directives between cases: `data DIR` (relative to Tests/Fixtures) and `today YYYY-MM-DD`.
struct GoldenCase {
    enum Kind: String { case query, error, explain, empty }
    var kind: Kind
    var rowsort: Bool
    var query: String
    var expected: [String]
    /// 1-based line of the case's header and of its `----`.
    var line: Int
    var separatorLine: Int
    var data: String
    var today: String
}

enum GoldenFile {
    static func parse(_ text: String, file: String) throws -> [GoldenCase] {
        let lines = text.components(separatedBy: "\n")
        var cases: [GoldenCase] = []
        var data = "plans", today = "2009-06-30"
        var i = 0
        while i < lines.count {
            let line = lines[i].trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { i += 1; continue }
            let words = line.split(separator: " ").map(String.init)
            if words[0] == "data", words.count == 2 { data = words[1]; i += 1; continue }
            if words[0] == "today", words.count == 2 { today = words[1]; i += 1; continue }
            guard let kind = GoldenCase.Kind(rawValue: words[0]) else {
                throw GoldenError("\(file):\(i + 1): unknown directive '\(line)'")
            }
            let header = i + 1
            i += 1
            var query: [String] = []
            while i < lines.count, lines[i] != "----" {
                if lines[i].trimmingCharacters(in: .whitespaces).isEmpty && !query.isEmpty && i + 1 < lines.count && lines[i + 1] != "----" {
                    break
                }
                query.append(lines[i])
                i += 1
            }
            guard i < lines.count, lines[i] == "----" else {
                throw GoldenError("\(file):\(header): case has no '----' line")
            }
            let sep = i + 1
            i += 1
            var expected: [String] = []
            while i < lines.count, !lines[i].isEmpty {
                expected.append(lines[i])
                i += 1
            }
            cases.append(GoldenCase(kind: kind, rowsort: words.contains("rowsort"), query: query.joined(separator: "\n"),
                                    expected: expected, line: header, separatorLine: sep, data: data, today: today))
        }
        return cases
    }

    /// Runs a case and renders its actual output in the expected block's format.
    static func run(_ c: GoldenCase, catalog: Catalog) -> [String] {
        let today = CivilDate.parse(c.today)?.days ?? 0
        // A copy per case: a `table NAME = ...` in one case must not reach the next.
        let engine = Engine(catalog: catalog.copy(), today: today)
        let text = c.kind == .explain && !c.query.lowercased().hasPrefix("explain") ? "explain " + c.query : c.query
        let source = SourceText(name: "<query>", text: text)
        do {
            let results = try engine.run(source)
            guard let last = results.last else { return ["(no statement)"] }
            switch c.kind {
            case .error:
                return ["(no error)"]
            case .explain:
                return (last.explain ?? "(no plan)").components(separatedBy: "\n").map(maskTimes)
            case .empty:
                var out = last.warnings.flatMap { DiagnosticRenderer(color: false).render($0).components(separatedBy: "\n").filter { !$0.isEmpty } }
                if last.table.rowCount > 0 {
                    out.append("(\(last.table.rowCount) rows)")
                } else {
                    if let why = last.emptyResult {
                        let note = Diagnostic(why.message, at: why.span, in: source, severity: .note)
                        out += DiagnosticRenderer(color: false).render(note).components(separatedBy: "\n").filter { !$0.isEmpty }
                    } else {
                        out.append("(no explanation)")
                    }
                }
                return out
            case .query:
                let t = last.table
                var rows = (0..<t.rowCount).map { r in
                    t.columns.indices.map { t.value(row: r, column: $0).description }.joined(separator: "\t")
                }
                if c.rowsort { rows.sort() }
                return [t.columns.map(\.name).joined(separator: "\t")] + rows
            }
        } catch let d as Diagnostic {
            let text = DiagnosticRenderer(color: false).render(d.located(in: source))
            var out = text.components(separatedBy: "\n")
            while out.last == "" { out.removeLast() }
            return c.kind == .error ? out : ["(unexpected error)"] + out
        } catch {
            return ["(unexpected error) \(error)"]
        }
    }
}

/// `time=0.123 ms` → `time=*`: `explain analyze` times differ run to run.
func maskTimes(_ line: String) -> String {
    line.replacingOccurrences(of: #"time=[0-9.]+ ms"#, with: "time=*", options: .regularExpression)
}

struct GoldenError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}
