import Foundation

/// One row of the National Indicator set reference list.
public struct NationalIndicator: Sendable {
    /// `NI 40`.
    public var code: String
    /// 40.
    public var number: Int
    /// The official title, or "" when the list has none.
    public var title: String
    /// `higher` or `lower` when known.
    public var polarity: String?
    /// The theme the list gives, if any.
    public var theme: String?

    /// The rows of a reference CSV with a header naming `code`, `number`, `title`, `polarity`, `theme`;
    /// empty when the file is not valid CSV (``parseChecked(csv:name:)`` says why).
    public static func parse(csv text: String) -> [NationalIndicator] {
        (try? parseChecked(csv: text, name: "national-indicators.csv")) ?? []
    }

    /// The rows of a reference CSV (see ``parse(csv:)``); a CSV syntax error throws a diagnostic
    /// naming `name` with the line and column.
    public static func parseChecked(csv text: String, name: String) throws -> [NationalIndicator] {
        let records = try CSVRecord.records(text, name: name).map(\.fields)
        guard let header = records.first else { return [] }
        func col(_ n: String) -> Int? { header.firstIndex { $0.trimmingCharacters(in: .whitespaces).lowercased() == n } }
        guard let c = col("code") else { return [] }
        let num = col("number"), ti = col("title"), po = col("polarity"), th = col("theme")
        func get(_ r: [String], _ i: Int?) -> String { i.flatMap { $0 < r.count ? r[$0] : nil } ?? "" }
        return records.dropFirst().compactMap { r in
            guard let code = CodeNormalizer.code(in: get(r, c)) else { return nil }
            let n = Int(get(r, num)) ?? Int(code.split(separator: " ").last ?? "") ?? 0
            let p = get(r, po).lowercased()
            let theme = get(r, th)
            return NationalIndicator(code: code, number: n, title: get(r, ti), polarity: p == "higher" || p == "lower" ? p : nil,
                                     theme: theme.isEmpty ? nil : theme)
        }
    }
}
