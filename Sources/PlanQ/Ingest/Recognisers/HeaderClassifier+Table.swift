/// Roles settled by a table's layout and values, and the roles told to the analyst.
extension HeaderClassifier {
    /// `t` with the roles its header words left open settled by position and by its cells' values (a lone value
    /// column of an earlier year is settled against the plan's year in
    /// ``DocumentIngest/fillValues(_:_:into:)``):
    /// - where no column is the status, a comment column (`Progress`) or an unnamed column whose
    ///   cells read as statuses is the status;
    /// - where no column is the due date, an unnamed column of dates is.
    static func refine(_ t: DocumentTable) -> DocumentTable {
        var t = t
        // One quarter's target that names its year, as the table's only target (`Quarter 1 2011/12
        // Target`), is the target for that period, not one of a row of quarterly targets.
        let quarterTargets = t.indexes(of: .quarterTarget)
        if quarterTargets.count == 1, !t.has(.target), let q = quarterTargets.first,
           t.columns[q]?.period.flatMap(FinancialPeriod.init)?.quarter != nil {
            t.columns[q]?.role = .target
        }
        if !t.has(.status) {
            for i in t.columns.indices where t.columns[i] == nil || t.columns[i]?.role == .comment {
                if ColumnValueProfile(rows: t.rows, column: i).readsAsStatus {
                    if t.columns[i] == nil { t.columns[i] = HeaderColumn(role: .status, period: nil, text: t.headerCells[i]) } else { t.columns[i]?.role = .status }
                    break
                }
            }
        }
        if !t.has(.due) {
            for i in t.columns.indices where t.columns[i] == nil && i < t.headerCells.count {
                let profile = ColumnValueProfile(rows: t.rows, column: i)
                if profile.most(profile.dates, 0.8) {
                    t.columns[i] = HeaderColumn(role: .due, period: nil, text: t.headerCells[i])
                    break
                }
            }
        }
        return t
    }

    /// One `--report` line for a table: each header cell and the role given to it, and the header
    /// cells that were not understood, so an analyst can add a synonym or an override.
    static func describe(_ t: DocumentTable) -> String {
        var roles: [String] = []
        var unknown: [String] = []
        for (i, cell) in t.headerCells.enumerated() {
            let text = TextCleaner.clean(cell)
            if text.isEmpty { continue }
            if i < t.columns.count, let c = t.columns[i] {
                roles.append("\(text.prefix(40)) → \(c.role.rawValue)" + (c.period.map { " (\($0))" } ?? ""))
            } else {
                unknown.append("'\(text.prefix(40))'")
            }
        }
        return "  line \(t.line): header roles: " + roles.joined(separator: "; ")
            + (unknown.isEmpty ? "" : "; not understood: " + unknown.joined(separator: ", "))
    }
}
