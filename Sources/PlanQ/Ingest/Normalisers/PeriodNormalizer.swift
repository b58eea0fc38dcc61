import Foundation

/// Financial-year periods: `2008/09`, `2008 / 09`, `08/09`, `2008/2009`, `2008-09` → `2008/09`.
enum PeriodNormalizer {
    private static let fullYear = IngestPattern.make(#"(?<![\d/.])((?:19|20)\d\d)\s*[/\-–]\s*(\d{2}|(?:19|20)\d\d)(?![\d/%]|\.\d)"#)
    private static let shortYear = IngestPattern.make(#"(?<![\d/.£])(\d\d)\s*[/.]\s*(\d\d)(?![\d/%]|\.\d)"#)
    private static let calendarYear = IngestPattern.make(#"(?<![\d/.£])((?:19|20)\d\d)(?![\d/%]|\.\d)"#)

    /// The first period named in `s`: a financial year as `YYYY/YY`, a span of years as `YYYY-YYYY`,
    /// else a calendar year; nil if none.
    static func period(in s: String) -> String? {
        if let fy = financialYear(in: s) { return fy }
        // A span of several years (`2014 – 2020`, `2008-2011`).
        let ns = s as NSString
        if let m = fullYear.firstMatch(in: s, range: NSRange(location: 0, length: ns.length)),
           let y1 = Int(ns.substring(with: m.range(at: 1))), let y2raw = Int(ns.substring(with: m.range(at: 2))) {
            let y2 = y2raw < 100 ? (y1 / 100) * 100 + y2raw : y2raw
            if y2 > y1 + 1 && y2 - y1 <= 20 { return "\(y1)-\(y2)" }
        }
        if let m = calendarYear.firstMatch(in: s, range: NSRange(location: 0, length: ns.length)) {
            return ns.substring(with: m.range(at: 1))
        }
        return nil
    }

    /// The first financial year named in `s` as `YYYY/YY`, or nil.
    static func financialYear(in s: String) -> String? {
        let ns = s as NSString
        let range = NSRange(location: 0, length: ns.length)
        if let m = fullYear.firstMatch(in: s, range: range),
           let y1 = Int(ns.substring(with: m.range(at: 1))), let y2raw = Int(ns.substring(with: m.range(at: 2))) {
            let y2 = y2raw < 100 ? (y1 / 100) * 100 + y2raw : y2raw
            if y2 == y1 + 1 { return String(format: "%04d/%02d", y1, y2 % 100) }
        }
        for m in shortYear.matches(in: s, range: range) {
            guard let a = Int(ns.substring(with: m.range(at: 1))), let b = Int(ns.substring(with: m.range(at: 2))) else { continue }
            if b == a + 1 || (a == 99 && b == 0) { return String(format: "%04d/%02d", 2000 + a - (a > 50 ? 100 : 0), b) }
        }
        return nil
    }
}
