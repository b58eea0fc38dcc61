import Foundation

/// Due dates to ISO `YYYY-MM-DD`.
///
/// Reads `2009-03-31`, `31 March 2009`, `March 2009`, `Mar 09`, `Sept 08`, `31/03/2009`, `31.3.09`, dates inside
/// prose (`This project ends in December 2010`), and PDF damage: letters split by spaces
/// (`De c 2008`, `Apr 20 09`) and the typo `Match` for March. A month without a day means the
/// last day of that month; a quarter or financial year (`Q4 2011/12`, `By the end of 2012/13`) its last day
/// (``periodEnd(_:)``). Anything else (`Ongoing`, `Quarterly`) is no date.
enum DateNormalizer {
    /// Month words and the abbreviations and typos seen for them.
    static let months: [(String, Int)] = [
        ("january", 1), ("february", 2), ("march", 3), ("match", 3), ("april", 4), ("may", 5), ("june", 6),
        ("july", 7), ("august", 8), ("september", 9), ("october", 10), ("november", 11), ("december", 12),
        ("sept", 9), ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8),
        ("sep", 9), ("oct", 10), ("nov", 11), ("dec", 12),
    ]

    /// ISO dates, as spreadsheet readers give typed date cells (`2009-03-31`).
    private static let isoDate = IngestPattern.make(#"(?<![\d-])(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)"#)
    private static let numeric = IngestPattern.make(#"(?<!\d)(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})(?!\d)"#)
    private static let monthName = IngestPattern.make(#"(?<![a-z])(?:(\d{1,2})(?:st|nd|rd|th)?)?(january|february|march|match|april|may|june|july|august|september|october|november|december|sept|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?((?:19|20)\d\d|\d\d)(?!\d)"#)

    private static let spaced = IngestPattern.make(#"(?:\b(\d{1,2})\s?(?:st|nd|rd|th)?\s+)?\b(january|february|march|match|april|may|june|july|august|september|october|november|december|sept|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s*((?:19|20)\d\d|\d\d)(?!\s?\d)\b"#)

    /// The ISO date `raw` states, or nil.
    static func iso(_ raw: String) -> String? {
        let text = TextCleaner.clean(raw).lowercased()
        guard !text.isEmpty else { return nil }
        let ns = text as NSString
        if let m = isoDate.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)),
           let y = Int(ns.substring(with: m.range(at: 1))), let mo = Int(ns.substring(with: m.range(at: 2))),
           let d = Int(ns.substring(with: m.range(at: 3))) {
            return make(year: y, month: mo, day: d)
        }
        if let m = numeric.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)),
           let d = Int(ns.substring(with: m.range(at: 1))), let mo = Int(ns.substring(with: m.range(at: 2))),
           let y = Int(ns.substring(with: m.range(at: 3))) {
            return make(year: y < 100 ? 2000 + y : y, month: mo, day: d)
        }
        // Whole words first (`ends in December 2010`); a two-digit year must not run on into more digits.
        if let m = spaced.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)),
           let month = months.first(where: { $0.0 == ns.substring(with: m.range(at: 2)) })?.1,
           let yy = Int(ns.substring(with: m.range(at: 3))) {
            let year = yy < 100 ? 2000 + yy : yy
            if m.range(at: 1).location != NSNotFound, let d = Int(ns.substring(with: m.range(at: 1))),
               let s = make(year: year, month: month, day: d) { return s }
            return make(year: year, month: month, day: lastDay(year: year, month: month))
        }
        // Split letters and split years join up once spaces go: `de c 2008` → `dec2008`, `apr 20 09` → `apr2009`.
        let squeezed = text.replacingOccurrences(of: " ", with: "")
        let sq = squeezed as NSString
        for m in monthName.matches(in: squeezed, range: NSRange(location: 0, length: sq.length)) {
            let name = sq.substring(with: m.range(at: 2))
            guard let month = months.first(where: { $0.0 == name })?.1,
                  let yy = Int(sq.substring(with: m.range(at: 3))) else { continue }
            let year = yy < 100 ? 2000 + yy : yy
            var day: Int? = nil
            if m.range(at: 1).location != NSNotFound { day = Int(sq.substring(with: m.range(at: 1))) }
            if let d = day, let s = make(year: year, month: month, day: d) { return s }
            return make(year: year, month: month, day: lastDay(year: year, month: month))
        }
        // A period of the financial year as the date (`Q4 2011/12`, `By the end of 2012/13`).
        return periodEnd(text)
    }

    /// The last day of `month` in `year` (Gregorian leap years).
    static func lastDay(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `YYYY-MM-DD`, or nil when the parts are not a real date in a plausible year.
    static func make(year: Int, month: Int, day: Int) -> String? {
        guard (1990...2060).contains(year), (1...12).contains(month), day >= 1, day <= lastDay(year: year, month: month) else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }
}
