import Foundation
@testable import PlanQ

/// Compares the records of two ingests of one document by a stable key (table, code or ref, and
/// the record's text), and their fields (every column but id and the location columns).
struct SeedComparison {
    var recordsSame = 0
    var recordsAll = 0
    var fieldsSame = 0
    var fieldsAll = 0
    /// Keys of text records the PDF ingest did not give.
    var missing: [String] = []

    static let tables = ["outcomes", "indicators", "actions", "risks", "partnerships", "governance", "concerns", "progress", "status_counts"]
    static let skipped: Set<String> = ["id", "document", "line", "page", "sheet", "cell"]

    init(text: IngestResult, pdf: IngestResult) {
        for name in Self.tables {
            let a = text.table(name)?.rows ?? [], b = pdf.table(name)?.rows ?? []
            var pool: [String: [[String: String]]] = [:]
            for r in b { pool[Self.key(name, r), default: []].append(r) }
            for r in a {
                recordsAll += 1
                let k = Self.key(name, r)
                let cols = r.keys.filter { !Self.skipped.contains($0) && !$0.hasPrefix("_") }
                fieldsAll += cols.count
                guard var list = pool[k], !list.isEmpty else { missing.append(k); continue }
                let other = list.removeFirst()
                pool[k] = list
                recordsSame += 1
                fieldsSame += cols.filter { (r[$0] ?? "") == (other[$0] ?? "") }.count
            }
        }
    }

    /// Table, code or ref, and the first 40 letters of the record's text.
    static func key(_ table: String, _ r: [String: String]) -> String {
        let text = r["title"] ?? r["action"] ?? r["risk"] ?? r["outcome"] ?? r["partnership"] ?? r["item"] ?? r["concern"] ?? r["kind"] ?? ""
        return [table, r["code"] ?? r["ref"] ?? "", String(TextCleaner.words(text).prefix(40))].joined(separator: "|")
    }
}
