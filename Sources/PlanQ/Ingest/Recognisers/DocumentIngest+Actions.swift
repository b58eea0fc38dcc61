import Foundation

/// Action tables (`Action for improvement`, `Ref: | Action | Date to be Completed | Responsible Officer`)
/// and governance item tables (`Title | Responsible | Due Date`).
extension DocumentIngest {
    /// `1. Text` / `1.2 Text`: an item number in front of the text.
    static let leadingRef = IngestPattern.make(#"^\s*(\d{1,2}(?:\.\d{1,2})*)[.)]?\s+(\S.*)$"#)

    /// Adds one `actions` row per record of an action table.
    mutating func addActions(_ t: DocumentTable) {
        guard let actionCol = t.index(of: .action) else { return }
        for row in t.rows {
            var text = TextCleaner.clean(row[actionCol])
            var ref = t.index(of: .ref).map { CodeNormalizer.ref(TextCleaner.clean(row[$0])) } ?? ""
            // A first heading that spans two columns: the number sits under it, the text in the next column.
            if ref.isEmpty, actionCol + 1 < t.columns.count, t.columns[actionCol + 1] == nil,
               CodeNormalizer.looksLikeRef(text), text.count <= 8 {
                ref = CodeNormalizer.ref(text)
                text = TextCleaner.clean(row[actionCol + 1])
            }
            if ref.isEmpty {
                let ns = text as NSString
                if let m = Self.leadingRef.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) {
                    ref = ns.substring(with: m.range(at: 1))
                    text = ns.substring(with: m.range(at: 2))
                }
            }
            if text.isEmpty { continue }
            // An objective heading caught in the action column is context, not an action.
            if let h = ContextTracker.heading(text), text.count < 200, DocumentReader.keepsTableOpen(h) { continue }
            var r = placed()
            r["line"] = String(row.line)
            if !ref.isEmpty { r["ref"] = ref }
            r["action"] = text
            if let o = t.index(of: .organisation) {
                let org = TextCleaner.clean(row[o]); if !org.isEmpty { r["organisation"] = org }
            }
            owner(t.index(of: .owner).map { row[$0] }, into: &r)
            if let c = t.index(of: .resources) { set(&r, "resources", row[c]) }
            if let c = t.index(of: .subActions) ?? t.index(of: .comment) { set(&r, "sub_actions", row[c]) }
            if let c = t.index(of: .due) {
                let raw = TextCleaner.clean(row[c])
                if !raw.isEmpty { r["due_raw"] = raw; r["due"] = DateNormalizer.iso(raw) }
            }
            if let c = t.index(of: .status) ?? statusWordsColumn(t) {
                set(&r, "status_raw", row[c])
                if let s = statusKey.status(in: row[c]) { r["status"] = s }
            }
            add("actions", r, key: [ref, text])
        }
    }

    /// Adds one `governance` row per record of a `Title | Responsible | Due Date` table.
    mutating func addGovernance(_ t: DocumentTable) {
        guard let itemCol = t.index(of: .item) else { return }
        for row in t.rows {
            let item = TextCleaner.clean(row[itemCol])
            if item.isEmpty { continue }
            var r: [String: String] = ["line": String(row.line), "partnership": partnership?.name ?? context.planTitle, "item": item]
            if let c = t.index(of: .owner) { set(&r, "owner", row[c]) }
            if let c = t.index(of: .due) {
                let raw = TextCleaner.clean(row[c])
                if !raw.isEmpty {
                    r["due_raw"] = raw
                    r["due"] = DateNormalizer.iso(raw)
                }
            }
            // A line with neither owner nor date is a note under the table, not an item.
            if (r["owner"] ?? "").isEmpty && r["due_raw"] == nil { continue }
            if let c = t.index(of: .status) ?? statusWordsColumn(t) { set(&r, "state", row[c]) } else { r["state"] = "outstanding" }
            add("governance", r, key: [r["partnership"] ?? "", item])
        }
    }

    /// Sets `column` to the cleaned `raw` when it is not empty.
    func set(_ r: inout [String: String], _ column: String, _ raw: String) {
        let v = TextCleaner.clean(raw)
        if !v.isEmpty { r[column] = v }
    }
}
