import Foundation

extension DelimitedDocumentReader {
    /// A header cell written as an identifier, as open-data exports name their columns
    /// (`indicator_name`, `target_2009_10`), spelt as the words a paper would print
    /// (`indicator name`, `target 2009/10`), so the header is read by its meaning like any other.
    /// Cells with a space in them are left as they are.
    static func spelled(_ cell: String) -> String {
        let t = cell.trimmingCharacters(in: .whitespaces)
        guard t.contains("_"), !t.contains(" ") else { return cell }
        let parts = t.split(separator: "_", omittingEmptySubsequences: true).map(String.init)
        var out: [String] = []
        for p in parts {
            // `2009_10` (or `09_10`): a financial year split at its slash.
            if let last = out.last, last.allSatisfy(\.isNumber), last.count == 4 || last.count == 2,
               p.count == 2, p.allSatisfy(\.isNumber) {
                out[out.count - 1] = last + "/" + p
            } else {
                out.append(p)
            }
        }
        return out.joined(separator: " ")
    }
}
