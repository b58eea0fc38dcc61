/// A period a value or status is for, parsed from the labels the ingest writes: a financial year
/// (`2008/09`), a quarter of one (`2008/09 Q3`), or a month of one (`2008/09 M9`, April = 1).
///
/// Periods order by their end: a year ends with its fourth quarter and its twelfth month, and a
/// year's figure sorts after the Q4 figure of that year (an outturn is final, a Q4 return is not).
struct FinancialPeriod: Hashable, Comparable, Sendable {
    /// The first calendar year of the financial year (2008 for `2008/09`).
    var year: Int
    /// 1…4 for a quarter; nil for the whole year or a month.
    var quarter: Int?
    /// 1…12 (April = 1) for a month; nil otherwise.
    var month: Int?

    /// The period a label names, or nil for spans (`2014-2020`), calendar years and free text.
    init?(_ label: String) {
        let parts = label.split(separator: " ")
        guard let first = parts.first, first.count == 7, first.dropFirst(4).first == "/",
              let y = Int(first.prefix(4)), let y2 = Int(first.suffix(2)), (y + 1) % 100 == y2 else { return nil }
        year = y
        if parts.count == 1 { return }
        guard parts.count == 2 else { return nil }
        let tail = parts[1]
        if tail.hasPrefix("Q"), let q = Int(tail.dropFirst()), (1...4).contains(q) { quarter = q; return }
        if tail.hasPrefix("M"), let m = Int(tail.dropFirst()), (1...12).contains(m) { month = m; return }
        return nil
    }

    /// A period from its parts.
    init(year: Int, quarter: Int? = nil, month: Int? = nil) {
        self.year = year
        self.quarter = quarter
        self.month = month
    }

    /// The financial year label alone (`2008/09`).
    var yearLabel: String { String(format: "%04d/%02d", year, (year + 1) % 100) }

    /// The label as the ingest writes it.
    var label: String {
        if let q = quarter { return yearLabel + " Q\(q)" }
        if let m = month { return yearLabel + " M\(m)" }
        return yearLabel
    }

    /// Whether this is a whole financial year.
    var isYear: Bool { quarter == nil && month == nil }

    /// Months since April of year 0 at the period's end; a whole year counts half a month later
    /// than its last quarter so the outturn wins over the Q4 return.
    var rank: Double {
        let end = quarter.map { $0 * 3 } ?? month ?? 12
        return Double(year * 12 + end) + (isYear ? 0.5 : 0)
    }

    /// The same quarter or month a year earlier, or the year before.
    var yearEarlier: FinancialPeriod { FinancialPeriod(year: year - 1, quarter: quarter, month: month) }

    /// The period just before: the previous quarter or month (across the year end), or the year before.
    var previous: FinancialPeriod {
        if let q = quarter { return q == 1 ? FinancialPeriod(year: year - 1, quarter: 4) : FinancialPeriod(year: year, quarter: q - 1) }
        if let m = month { return m == 1 ? FinancialPeriod(year: year - 1, month: 12) : FinancialPeriod(year: year, month: m - 1) }
        return FinancialPeriod(year: year - 1)
    }

    /// Earlier periods first.
    static func < (a: FinancialPeriod, b: FinancialPeriod) -> Bool { a.rank < b.rank }
}
