import Foundation

/// Quarters of a financial year as councils write them: `Q4 2011/12`, `Quarter 3 2011/12`,
/// `2011/12 Q2`, `Q1 11/12`.
extension PeriodNormalizer {
    private static let quarterFirst = IngestPattern.make(#"(?<![a-z0-9])(?:q|qtr|quarter)\s*([1-4])(?![0-9])[^0-9a-z]{0,6}((?:19|20)?\d\d\s*[/\-–]\s*\d\d(?:\d\d)?)"#, caseless: true)
    private static let yearFirst = IngestPattern.make(#"((?:19|20)?\d\d\s*[/\-–]\s*\d\d(?:\d\d)?)[^0-9a-z]{0,6}(?:q|qtr|quarter)\s*([1-4])(?![0-9])"#, caseless: true)

    /// The quarter of a financial year `s` names (`Q4 2011/12` → 2011/12 Q4), or nil.
    static func quarter(in s: String) -> FinancialPeriod? {
        let ns = s as NSString
        let range = NSRange(location: 0, length: ns.length)
        if let m = quarterFirst.firstMatch(in: s, range: range), let q = Int(ns.substring(with: m.range(at: 1))),
           let fy = financialYear(in: ns.substring(with: m.range(at: 2))).flatMap(FinancialPeriod.init) {
            return FinancialPeriod(year: fy.year, quarter: q)
        }
        if let m = yearFirst.firstMatch(in: s, range: range), let q = Int(ns.substring(with: m.range(at: 2))),
           let fy = financialYear(in: ns.substring(with: m.range(at: 1))).flatMap(FinancialPeriod.init) {
            return FinancialPeriod(year: fy.year, quarter: q)
        }
        return nil
    }

    /// The calendar (year, month) a financial period ends in: Q1 → June, Q2 → September, Q3 →
    /// December, Q4 and the whole year → March of the next calendar year.
    static func endMonth(of p: FinancialPeriod) -> (year: Int, month: Int) {
        if let q = p.quarter { return q == 4 ? (p.year + 1, 3) : (p.year, 3 + 3 * q) }
        if let m = p.month { return m <= 9 ? (p.year, m + 3) : (p.year + 1, m - 9) }
        return (p.year + 1, 3)
    }
}
