import Foundation
@testable import PlanQ

/// Paths and an independent CSV reader, so report tests compute expected numbers
/// without going through planq's loader or engine.
enum ReportTestSupport {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let datasets = root.appendingPathComponent("datasets").path
    static let fixture = root.appendingPathComponent("Tests/Fixtures/reports").path
    static func report(_ name: String) -> String { root.appendingPathComponent("reports/\(name).pqr").path }

    /// Runs a shipped report on a data directory.
    static func run(_ name: String, data: String, _ params: [(name: String, value: String)] = [],
                    label: String? = nil) throws -> ReportResult {
        let path = report(name)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let def = try ReportParser.parse(SourceText(name: "reports/\(name).pqr", text: text))
        return try ReportRunner(definition: def, catalog: try DataDirectory.load(data), dataSource: label ?? data).run(params)
    }

    /// The rows of a CSV file as dictionaries keyed by header (RFC 4180 quoting).
    static func csvRows(_ path: String) throws -> [[String: String]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var records: [[String]] = [], field = "", record: [String] = [], quoted = false
        var it = Array(text).makeIterator()
        var pending: Character? = nil
        while let ch = pending ?? it.next() {
            pending = nil
            if quoted {
                if ch == "\"" {
                    if let n = it.next() { if n == "\"" { field.append("\"") } else { quoted = false; pending = n } } else { quoted = false }
                } else { field.append(ch) }
            } else if ch == "\"" { quoted = true
            } else if ch == "," { record.append(field); field = ""
            } else if ch == "\n" || ch == "\r\n" { record.append(field); records.append(record); record = []; field = ""
            } else if ch != "\r" { field.append(ch) }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        guard let header = records.first else { return [] }
        return records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0 + Array(repeating: "", count: max(0, header.count - $0.count)))) }
    }

    /// The section called `heading`'s parts.
    static func parts(_ r: ReportResult, _ heading: String) -> [ReportResult.Part] {
        r.sections.first { $0.heading == heading }?.parts ?? []
    }

    /// Rows of a part's table as display strings.
    static func strings(_ p: ReportResult.Part?) -> [[String]] {
        p?.table?.rows.map { $0.map { $0.isNull ? "" : $0.description } } ?? []
    }
}
