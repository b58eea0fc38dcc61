import Foundation
import GRDB
@testable import PlanQ

/// One result cell in a form both engines map onto: bools become 0/1, dates ISO
/// text, enums their value's name, and a NaN double null (SQLite stores NaN as NULL).
enum DiffCell: CustomStringConvertible {
    case null
    case int(Int64)
    case double(Double)
    case text(String)

    init(planq v: Value) {
        switch v {
        case .null: self = .null
        case .bool(let b): self = .int(b ? 1 : 0)
        case .int(let i): self = .int(i)
        case .double(let d): self = d.isNaN ? .null : .double(d)
        case .date(let d): self = .text(CivilDate(days: d).description)
        case .text(let s): self = .text(s)
        }
    }

    init(sqlite v: DatabaseValue, _ type: DiffType) {
        switch v.storage {
        case .null: self = .null
        case .int64(let i):
            if type == .rag { self = i >= 0 && i < 3 ? .text(DiffType.ragValues[Int(i)]) : .int(i) } else { self = .int(i) }
        case .double(let d): self = .double(d)
        case .string(let s): self = .text(s)
        case .blob: self = .text("<blob>")
        }
    }

    var description: String {
        switch self {
        case .null: return "null"
        case .int(let i): return String(i)
        case .double(let d): return Value.format(d)
        case .text(let s): return s.debugDescription
        }
    }

    /// A key for sorting rows before matching them: numbers rounded so that
    /// values within the tolerance usually sort together.
    var sortKey: String {
        switch self {
        case .null: return "0"
        case .int(let i): return "1" + String(format: "%.6e", Double(i))
        case .double(let d): return "1" + String(format: "%.6e", d == 0 ? 0 : d)
        case .text(let s): return "2" + s
        }
    }

    /// Equal, with numbers compared by value and doubles within `tolerance`
    /// (relative) or `absolute` (for sums of large values in different orders).
    func matches(_ o: DiffCell, absolute: Double) -> Bool {
        switch (self, o) {
        case (.null, .null): return true
        case (.text(let a), .text(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.int, .double), (.double, .int), (.double, .double):
            let a = self.number, b = o.number
            if a == b { return true }
            if !a.isFinite || !b.isFinite { return false }
            return Swift.abs(a - b) <= 1e-9 * max(Swift.abs(a), Swift.abs(b)) || Swift.abs(a - b) <= absolute
        default: return false
        }
    }

    var number: Double {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return .nan
        }
    }
}
