/// A table with no header under an `Actions:` label (`objective | action | steps | owner | date`):
/// each row is one action. The columns are told apart by their cells: a date is the due date, a
/// person or role the owner; of the text cells the first is the objective and the second the action
/// when there are two or more, else the only one is the action.
extension DocumentIngest {
    /// Whether `text` is a label introducing a headerless list or table of actions.
    static func isActionsLabel(_ text: String) -> Bool {
        guard text.hasSuffix(":"), text.count <= 40 else { return false }
        let w = TextCleaner.words(text)
        return ["actions", "key actions", "new actions", "planned actions", "action plan", "actions for improvement", "improvement actions"].contains(w)
    }

    /// Adds one `actions` row per row of `rows` when the text before them was an `Actions:` label;
    /// true when it did.
    mutating func addHeaderlessActions(_ rows: [SourceRow]) -> Bool {
        guard Self.isActionsLabel(previousText), rows.allSatisfy({ $0.cells.filter { !TextCleaner.clean($0).isEmpty }.count >= 3 }) else { return false }
        var added = false
        for row in rows {
            let cells = row.cells.map(TextCleaner.clean)
            var due: Int? = nil
            var ownerCol: Int? = nil
            var text: [Int] = []
            for (i, c) in cells.enumerated() where !c.isEmpty {
                if due == nil, c.count <= 30, DateNormalizer.iso(c) != nil { due = i; continue }
                let cell = OwnerCell.parse(c)
                if ownerCol == nil, c.count <= 80, !c.contains(";"), !cell.people.isEmpty || OwnerCell.isRole(c) { ownerCol = i; continue }
                text.append(i)
            }
            guard let actionCol = text.count >= 2 ? text[1] : text.first else { continue }
            var r = placed()
            r["line"] = String(row.line)
            r["action"] = cells[actionCol]
            if text.count >= 3 { r["sub_actions"] = cells[text[2]] }
            if text.count >= 2 { r["objective"] = cells[text[0]] }
            owner(ownerCol.map { row.cells[$0] }, into: &r)
            if let d = due { r["due_raw"] = cells[d]; r["due"] = DateNormalizer.iso(cells[d]) }
            r.removeValue(forKey: "objective")
            add("actions", r, key: ["", cells[actionCol]])
            added = true
        }
        return added
    }
}
