import Foundation

/// Reads the number a value cell states, with its unit and period, out of the prose around it.
///
/// Rules (documented in datasets/README.md): placeholders (`TBC`, `N/A`, `to be confirmed`,
/// `unable to set`, `baseline to be identified`) give no value; codes (`NI116`) and years or
/// financial years are not values; the first remaining number is the value, with a leading minus
/// kept and thousands separators dropped; `%` or `£` next to it, or `per week`/`per 1000 …` after
/// it, is the unit.
enum NumberNormalizer {
    /// Phrases that mean "no value yet".
    static let placeholders = ["tbc", "tba", "n/a", "to be confirmed", "to be agreed", "to be set", "to be identified",
                               "unable to set", "not available", "unavailable", "no target", "not applicable", "awaited", "new indicator"]

    private static let number = IngestPattern.make(#"(?<![A-Za-z\d.,/])(£\s?)?(-\s?)?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s?(%|per\s+(?:week|annum|year|month|day|capita|\d[\d,]*(?:\s+\w+)?))?"#,
        caseless: true)

    /// The value `raw` states.
    static func read(_ raw: String) -> MeasuredValue {
        let text = TextCleaner.clean(raw)
        var result = MeasuredValue(value: nil, unit: nil, period: PeriodNormalizer.period(in: text), raw: text)
        let lower = text.lowercased()
        if text.isEmpty || lower == "na" || lower == "-" || lower == "--" { return result }
        let stripped = lower.trimmingCharacters(in: .whitespaces)
        for p in placeholders where stripped.hasPrefix(p) || (stripped.count < 40 && stripped.contains(p)) { return result }
        // Blank out codes and periods so their digits are not read as values.
        var scan = text
        while let m = CodeNormalizer.find(in: scan) {
            scan = (scan as NSString).replacingCharacters(in: m.range, with: String(repeating: " ", count: m.range.length))
        }
        scan = blankPeriods(scan)
        let ns = scan as NSString
        for m in number.matches(in: scan, range: NSRange(location: 0, length: ns.length)) {
            let intPart = ns.substring(with: m.range(at: 3)).replacingOccurrences(of: ",", with: "")
            let frac = m.range(at: 4).location == NSNotFound ? "" : ns.substring(with: m.range(at: 4))
            let neg = m.range(at: 2).location != NSNotFound
            guard var v = Double(intPart + frac) else { continue }
            if neg { v = -v }
            // A lone calendar year is a period, not a value.
            let unitText = m.range(at: 5).location == NSNotFound ? nil : ns.substring(with: m.range(at: 5))
            let pound = m.range(at: 1).location != NSNotFound
            if frac.isEmpty && !pound && unitText == nil && (1990...2030).contains(v) && intPart.count == 4 { continue }
            result.value = v
            var unit: String? = nil
            if let u = unitText?.lowercased() {
                unit = u == "%" ? "%" : TextCleaner.collapse(u)
            }
            if pound { unit = unit.map { "£ " + $0 } ?? "£" }
            result.unit = unit
            return result
        }
        return result
    }

    private static let dated = IngestPattern.make(#"(-?\d[\d,]*(?:\.\d+)?)\s*%?\s*\(([^()]*?(?:(?:19|20)\d\d|\d\d\s*/\s*\d\d)[^()]*)\)"#)

    /// Like ``read(_:)``, but when the cell gives several values each with its period in brackets
    /// (`29% (05/06) 28% (06/07 & 07/08)`), the value for the latest period.
    static func readLatest(_ raw: String) -> MeasuredValue {
        var first = read(raw)
        let text = first.raw
        let ns = text as NSString
        let matches = dated.matches(in: text, range: NSRange(location: 0, length: ns.length))
        guard matches.count >= 2 else { return first }
        var best: (key: String, value: Double, period: String)? = nil
        for m in matches {
            let periodText = ns.substring(with: m.range(at: 2))
            guard let v = Double(ns.substring(with: m.range(at: 1)).replacingOccurrences(of: ",", with: "")) else { continue }
            // The latest year named in the brackets orders the values.
            let years = periodText.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
                .map { $0 < 100 ? 2000 + $0 : $0 }
            guard let y = years.max() else { continue }
            let key = String(format: "%04d", y)
            if best.map({ key >= $0.key }) ?? true {
                best = (key, v, PeriodNormalizer.period(in: periodText) ?? periodText)
            }
        }
        if let b = best { first.value = b.value; first.period = b.period }
        return first
    }

    /// Periods, dates and labelled small numbers (`Y6`, `Key Stage 2`) that are not values.
    private static let periodPatterns: [NSRegularExpression] = [
        #"(?:19|20)\d\d\s*[/\-–]\s*(?:\d{2}|(?:19|20)\d\d)(?![\d%])"#, #"(?<![\d.])\d\d\s*/\s*\d\d(?![\d%/])"#,
        #"(?<![\d.])\d{1,2}[/.]\d{1,2}[/.]\d{2,4}"#,
        #"(?i)(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|summer|winter|spring|autumn)[a-z]*\.?\s+(?:19|20)?\d\d(?![\d%])"#,
        #"(?i)\b(?:y|year|ks|key stage|quarter|q)\s?\d+"#,
    ].compactMap { try? NSRegularExpression(pattern: $0) }

    /// `s` with financial years and `(summer 2007)`-style years replaced by spaces.
    static func blankPeriods(_ s: String) -> String {
        guard s.contains(where: \.isNumber) else { return s }
        var out = s
        for re in periodPatterns {
            let ns = out as NSString
            var mutable = out
            for m in re.matches(in: out, range: NSRange(location: 0, length: ns.length)).reversed() {
                mutable = (mutable as NSString).replacingCharacters(in: m.range, with: String(repeating: " ", count: m.range.length))
            }
            out = mutable
        }
        return out
    }

    /// `66.8` → `66.8`, `66.0` → `66`: the shortest text that reads back as the same number.
    static func format(_ v: Double) -> String {
        if v == v.rounded() && abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }
}
