import Foundation

/// An analyst's correction, applied on every ingest: set `column` of record `id` to `value`.
public struct Override: Sendable {
    /// The record id.
    public var id: String
    /// The column to set.
    public var column: String
    /// The new value ("" = null).
    public var value: String
    /// Why, for the report.
    public var reason: String
    /// The 1-based line in the overrides file.
    public var line: Int

    /// The overrides in a CSV with header `id,column,value,reason`; malformed lines are returned as messages.
    public static func parse(csv text: String) -> (overrides: [Override], problems: [String]) {
        let lines: [(line: Int, fields: [String])]
        do {
            lines = try CSVRecord.records(text, name: "overrides")
        } catch {
            return ([], ["\(error)"])
        }
        let records = lines.map(\.fields)
        guard let header = records.first?.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }),
              let i = header.firstIndex(of: "id"), let c = header.firstIndex(of: "column"), let v = header.firstIndex(of: "value") else {
            return ([], records.isEmpty ? [] : ["overrides: line 1: expected a header row id,column,value,reason"])
        }
        let r = header.firstIndex(of: "reason")
        var out: [Override] = []
        var problems: [String] = []
        for (line, rec) in lines.dropFirst() {
            guard rec.count > max(i, c, v) else {
                problems.append("overrides: line \(line): expected \(header.count) fields, found \(rec.count)")
                continue
            }
            out.append(Override(id: rec[i], column: rec[c], value: rec[v], reason: r.flatMap { $0 < rec.count ? rec[$0] : nil } ?? "", line: line))
        }
        return (out, problems)
    }
}
