import Foundation
@testable import PlanQ

/// Scores ingest output against the hand-made labels in `Tests/Ingest/Labels/*.tsv`.
///
/// The rules are those of the labels contract: a record is found when the output table has a row
/// with the same document and line (±1); text fields match case-insensitively, whitespace
/// collapsed and tags removed, when the shorter is a prefix of the longer (at least 10 characters,
/// else they must be equal; a leading `NI n` code or item number is ignored on both sides);
/// numbers match numerically; refs ignore spaces; an empty label expects an empty output.
/// Three rules serve the other-councils labels (`Tests/Ingest/Labels/other_councils`): `optional`
/// judges a field only where the label is non-empty, `people` wants every `; `-separated name of the
/// label inside the output text, and `count` reads an empty cell as 0 on either side.
struct LabelScorer {
    /// A field comparison.
    indirect enum Rule { case text, number, ref, exact, people, count, optional(Rule) }

    /// The figures for one label file.
    struct Score {
        var file: String
        var labels = 0
        var found = 0
        var fields = 0
        var right = 0
        var wrongByField: [String: Int] = [:]
        var missing: [String] = []
        var wrong: [String] = []
        var foundRate: Double { labels == 0 ? 0 : Double(found) / Double(labels) }
        var fieldRate: Double { fields == 0 ? 0 : Double(right) / Double(fields) }
        var summary: String {
            String(format: "%@: found %d/%d = %.1f%%, fields right %d/%d = %.1f%%", file, found, labels, foundRate * 100,
                   right, fields, fieldRate * 100) + (wrongByField.isEmpty ? "" : " (wrong: " +
                wrongByField.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")")
        }
    }

    /// Reads a TSV label file: header row, then records.
    static func readTSV(_ url: URL) throws -> [[String: String]] {
        let text = try String(contentsOf: url, encoding: .utf8)
        var lines = text.components(separatedBy: "\n").filter { !$0.isEmpty }
        guard !lines.isEmpty else { return [] }
        let header = lines.removeFirst().components(separatedBy: "\t")
        return lines.map { line in
            let cells = line.components(separatedBy: "\t")
            var r: [String: String] = [:]
            for (i, h) in header.enumerated() { r[h] = i < cells.count ? cells[i] : "" }
            return r
        }
    }

    static func normText(_ s: String) -> String {
        var t = TextCleaner.collapse(s.replacingOccurrences(of: #"<[^>]*>"#, with: " ", options: .regularExpression)).lowercased()
        t = t.replacingOccurrences(of: #"^(ni|psa)\s*\d+\s*[:.\-–]?\s*"#, with: "", options: .regularExpression)
        t = t.replacingOccurrences(of: #"^\d+(\.\d+)*[.)]?\s+"#, with: "", options: .regularExpression)
        return t
    }

    static func matches(_ label: String, _ output: String, _ rule: Rule) -> Bool {
        switch rule {
        case .text:
            let a = normText(label), b = normText(output)
            if a.isEmpty || b.isEmpty { return a == b }
            let (short, long) = a.count <= b.count ? (a, b) : (b, a)
            return short.count < 10 ? a == b : long.hasPrefix(short)
        case .number:
            if label.isEmpty || output.isEmpty { return label.isEmpty && output.isEmpty }
            guard let x = Double(label), let y = Double(output) else { return false }
            return abs(x - y) < 1e-6
        case .ref:
            return label.replacingOccurrences(of: " ", with: "").lowercased() == output.replacingOccurrences(of: " ", with: "").lowercased()
        case .exact:
            return label.trimmingCharacters(in: .whitespaces).lowercased() == output.trimmingCharacters(in: .whitespaces).lowercased()
        case .people:
            let names = label.components(separatedBy: ";").map { normText($0) }.filter { !$0.isEmpty }
            let out = normText(output)
            return names.isEmpty ? out.isEmpty : names.allSatisfy { out.contains($0) }
        case .count:
            return matches(label.isEmpty ? "0" : label, output.isEmpty ? "0" : output, .number)
        case .optional(let rule):
            return matches(label, output, rule)
        }
    }

    /// Whether `rule` judges a field whose label is `label` (an optional rule skips empty labels).
    static func judges(_ label: String, _ rule: Rule) -> Bool {
        if case .optional = rule { return !label.isEmpty }
        return true
    }

    /// Scores `labels` against `table`; `fields` maps a label column to (output column, rule).
    /// `sourceLine` turns an output row's `line` into the line of the source file the labels count in
    /// (for readers whose document lines are not the file's lines, such as HTML); nil keeps it.
    static func score(file: String, labels: [[String: String]], table: IngestTable, fields: [(String, String, Rule)],
                      sourceLine: ((_ document: String, _ line: Int) -> Int)? = nil) -> Score {
        var s = Score(file: file)
        var byLine: [String: [[String: String]]] = [:]
        for r in table.rows {
            let doc = r["document"] ?? "", raw = r["line"] ?? ""
            let line = Int(raw).map { n in sourceLine.map { $0(doc, n) } ?? n }.map(String.init) ?? raw
            byLine["\(doc)#\(line)", default: []].append(r)
        }
        for l in labels {
            s.labels += 1
            let doc = l["document"] ?? "", line = Int(l["line"] ?? "") ?? -10
            let candidates = [line, line - 1, line + 1].flatMap { byLine["\(doc)#\($0)"] ?? [] }
            guard !candidates.isEmpty else { s.missing.append("\(doc):\(line)"); continue }
            s.found += 1
            let judged = fields.filter { judges(l[$0.0] ?? "", $0.2) }
            func agreement(_ r: [String: String]) -> Int {
                judged.filter { matches(l[$0.0] ?? "", r[$0.1] ?? "", $0.2) }.count
            }
            let best = candidates.max { agreement($0) < agreement($1) } ?? candidates[0]
            for (lc, oc, rule) in judged {
                s.fields += 1
                if matches(l[lc] ?? "", best[oc] ?? "", rule) {
                    s.right += 1
                } else {
                    s.wrongByField[lc, default: 0] += 1
                    s.wrong.append("\(doc):\(line) \(lc): label '\(l[lc] ?? "")' vs output '\((best[oc] ?? "").prefix(60))'")
                }
            }
        }
        return s
    }
}
