import Foundation

/// Due dates given as periods of the financial year: `Q4 2011/12` is the quarter's last day
/// (2012-03-31), `By the end of 2012/13` or a financial year alone is the year's last day (31 March).
extension DateNormalizer {
    /// Words that may stand before or after a period used as a due date (`By the end of 2012/13`,
    /// `during Q3 2011/12`, `2012/13 year end`).
    static let periodFrame: Set<String> = ["by", "the", "end", "of", "in", "during", "before", "until", "to", "from",
                                           "year", "financial", "fy", "quarter", "q", "qtr", "at", "close", "within", "latest"]

    /// The last day of the financial period `text` names, when the text is that period and little
    /// else (framing words such as `by end of`); nil otherwise, so a period named inside prose
    /// about something else is not read as a date.
    static func periodEnd(_ text: String) -> String? {
        let lower = text.lowercased()
        guard let p = PeriodNormalizer.quarter(in: lower) ?? PeriodNormalizer.financialYear(in: lower).flatMap(FinancialPeriod.init) else {
            return nil
        }
        // What is left once the period's digits and the framing words are gone must be (nearly) nothing.
        let words = lower.split(whereSeparator: { !$0.isLetter }).map(String.init)
        let extra = words.filter { w in !periodFrame.contains(w) && !(w.count <= 2 && w.hasPrefix("q")) }
        guard extra.isEmpty else { return nil }
        let end = PeriodNormalizer.endMonth(of: p)
        return make(year: end.year, month: end.month, day: lastDay(year: end.year, month: end.month))
    }
}
