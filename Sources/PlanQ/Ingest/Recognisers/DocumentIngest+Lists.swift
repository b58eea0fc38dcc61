/// Bulleted lists in prose documents that hold no tables: a line ending in `:` that speaks of
/// measuring (`How we will measure success:`, `Indicators:`) introduces indicators; one that speaks
/// of doing (`What we are going to do:`, `Key actions:`) introduces actions. Each `- item` line under it
/// is a record with its text only.
extension DocumentIngest {
    /// Handles list headings and items; true when `text` was consumed.
    mutating func handleListItem(_ text: String, line: Int) -> Bool {
        if let table = listTable {
            if let item = Self.bulletItem(text) {
                var r = placed()
                r["line"] = String(line)
                if table == "indicators" {
                    CodeNormalizer.setCode(&r, from: item)
                    r["title"] = item
                    owner(nil, into: &r)
                    add("indicators", r, key: [r["code"] ?? "", item])
                } else {
                    r["action"] = item
                    owner(nil, into: &r)
                    add("actions", r, key: ["", item])
                }
                return true
            }
            listTable = nil
        }
        guard text.hasSuffix(":"), text.count <= 60 else { return false }
        let w = " " + TextCleaner.words(text) + " "
        if [" measure ", " measures ", " indicators ", " indicator ", " success ", " targets "].contains(where: { w.contains($0) }) {
            listTable = "indicators"
            return true
        }
        if [" going to do ", " we will do ", " key actions ", " what we will do ", " planned actions "].contains(where: { w.contains($0) }) {
            listTable = "actions"
            return true
        }
        return false
    }

    /// The text of a `- item` / `• item` line, or nil.
    static func bulletItem(_ text: String) -> String? {
        for p in ["- ", "– ", "* "] where text.hasPrefix(p) {
            let item = String(text.dropFirst(p.count)).trimmingCharacters(in: .whitespaces)
            return item.isEmpty ? nil : item
        }
        return nil
    }
}
