import Foundation

/// How a number format shows a cell's number: as a percentage, a date, a time, or a plain number.
/// Values become the text an analyst sees ("45%", "2009-03-31") rather than the stored number
/// (0.45, 39903), so the recognisers read them as they read a text export.
enum XLSXNumberFormat: Equatable {
    /// A plain number.
    case number
    /// A percentage with this many decimals.
    case percent(decimals: Int)
    /// A date (times of day dropped).
    case date
    /// A time of day.
    case time

    /// The kind of Excel's built-in format `id`, or of the custom `code` when given.
    static func kind(id: Int, code: String?) -> XLSXNumberFormat {
        if let code { return kind(code: code) }
        switch id {
        case 9: return .percent(decimals: 0)
        case 10: return .percent(decimals: 2)
        case 14...17, 22, 27...36, 50...58: return .date
        case 18...21, 45...47: return .time
        default: return .number
        }
    }

    /// The kind of a custom format code: quoted text, `\`-escaped characters and `[...]` parts
    /// (colours, conditions) are ignored; `%` makes a percentage; y or d (or m beside them) a date.
    static func kind(code: String) -> XLSXNumberFormat {
        var bare = ""
        var inQuote = false, inBracket = false, escaped = false
        // Only the first section (positive numbers) decides.
        for ch in code {
            if escaped { escaped = false; continue }
            if inQuote { if ch == "\"" { inQuote = false }; continue }
            if inBracket { if ch == "]" { inBracket = false }; continue }
            switch ch {
            case "\\", "_", "*": escaped = true
            case "\"": inQuote = true
            case "[": inBracket = true
            case ";": break
            default: bare.append(ch)
            }
            if ch == ";" { break }
        }
        let lower = bare.lowercased()
        if lower.contains("%") {
            let decimals = lower.split(separator: ".").dropFirst().first.map { $0.filter { $0 == "0" || $0 == "#" }.count } ?? 0
            return .percent(decimals: decimals)
        }
        if lower.contains("y") || lower.contains("d") { return .date }
        if lower.contains("h") || lower.contains("s") { return .time }
        if lower.contains("m") && !lower.contains("0") && !lower.contains("#") { return .date }
        return .number
    }

    /// The text of `value` in this format; `date1904` for workbooks on the 1904 date system.
    func text(_ value: Double, date1904: Bool) -> String {
        switch self {
        case .number:
            return Self.plain(value)
        case .percent(let decimals):
            // As the sheet shows it: 0.206 in `0.0%` is "20.6%", 0.45 in `0%` is "45%".
            guard value.isFinite else { return Self.plain(value) }
            return String(format: "%.*f", min(decimals, 10), value * 100) + "%"
        case .date:
            return Self.date(serial: value, date1904: date1904) ?? Self.plain(value)
        case .time:
            guard value.isFinite, value >= 0 else { return Self.plain(value) }
            let minutes = Int(((value - value.rounded(.down)) * 1440).rounded()) % 1440
            return String(format: "%02d:%02d", minutes / 60, minutes % 60)
        }
    }

    /// A number as an analyst writes it: whole numbers without a decimal point, others in the
    /// shortest form that reads back exactly (no exponent for everyday sizes).
    static func plain(_ v: Double) -> String {
        guard v.isFinite else { return String(v) }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        let s = String(v)
        if s.contains("e") {
            return String(format: "%.10f", v).replacingOccurrences(of: "0+$", with: "", options: .regularExpression)
        }
        return s
    }

    /// The ISO date of an Excel serial day: in the 1900 system day 1 is 1900-01-01 and day 60 is
    /// the 29 February 1900 that never was (kept from Lotus 1-2-3), so later days count from
    /// 1899-12-30; in the 1904 system day 0 is 1904-01-01.
    static func date(serial: Double, date1904: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }  // up to 9999-12-31
        var day = Int(serial.rounded(.down))
        if !date1904 {
            if day == 0 { return nil }
            if day == 60 { return "1900-02-29" }
            if day < 60 { day += 1 }
            // Days since 1899-12-30.
            return civil(daysSinceEpoch: day - 25_569)
        }
        return civil(daysSinceEpoch: day - 24_107)
    }

    /// `YYYY-MM-DD` of a count of days since 1970-01-01 (Howard Hinnant's civil-from-days).
    static func civil(daysSinceEpoch z0: Int) -> String {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return String(format: "%04d-%02d-%02d", y, m, d)
    }
}
