/// The value of a report parameter, after defaults and `--param` overrides.
public enum ReportParameterValue: Sendable, Equatable {
    case text(String)
    case date(CivilDate)
    case number(Double)

    /// The value as a planq literal: text is always quoted (so a value can never
    /// become query syntax), a date is `date "YYYY-MM-DD"`, a number its digits.
    public var literal: String {
        switch self {
        case .text(let s): return ReportParameterValue.quote(s)
        case .date(let d): return "date \"\(d)\""
        case .number(let n): return Value.format(n)
        }
    }

    /// The value as a reader sees it in the rendered document.
    public var display: String {
        switch self {
        case .text(let s): return s
        case .date(let d): return d.description
        case .number(let n): return Value.format(n)
        }
    }

    /// A double-quoted planq string literal holding exactly `s`. Backslash, quote and
    /// line breaks are escaped; other control characters become spaces.
    static func quote(_ s: String) -> String {
        "\"" + TextEscaper.escaping(s) { ch in
            switch ch {
            case "\\": "\\\\"
            case "\"": "\\\""
            case "\n": "\\n"
            case "\t": "\\t"
            default: ch.value < 0x20 || ch.value == 0x7F ? " " : nil
            }
        } + "\""
    }
}
