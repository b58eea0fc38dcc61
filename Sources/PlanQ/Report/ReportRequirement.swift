/// `requires: status_counts(plan, status, count)`: a table and the columns a query reads.
public struct ReportRequirement: Sendable, Equatable {
    public var table: String
    public var columns: [String]

    /// Why the requirement is not met by `catalog`, in words; nil when it is.
    public func unmetReason(in catalog: Catalog) -> String? {
        guard let t = catalog.table(table) else {
            return "This dataset has no \(table) table, so this part is not shown."
        }
        let missing = columns.filter { t.columnIndex($0) == nil }
        if missing.isEmpty { return nil }
        return "The \(table) table in this dataset lacks the column\(missing.count == 1 ? "" : "s") "
            + missing.joined(separator: ", ") + ", so this part is not shown."
    }
}
