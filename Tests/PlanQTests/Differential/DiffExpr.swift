import Foundation
@testable import PlanQ

/// A generated expression, rendered both as planq and as SQLite SQL.
///
/// Where planq's documented rule differs from SQLite's, the SQL side spells out
/// planq's rule: bare enum words become codes, integer `+ - *` and `abs` call
/// checked functions that raise on overflow, `/` always divides as doubles and
/// gives null on a zero divisor, `contains`/`starts with`/`ends with` ignore case.
indirect enum DiffExpr {
    case column(String, DiffType)
    case literal(Value, DiffType)
    /// A bare RAG word (`amber`), resolved against an enum column.
    case ragWord(Int)
    /// A bare word compared with a text column, and the value planq's rule resolves
    /// it to: the exact value if the column holds it, else its first case-insensitive match.
    case textWord(String, resolved: String)
    case arith(String, DiffExpr, DiffExpr)
    case compare(String, DiffExpr, DiffExpr)
    case and(DiffExpr, DiffExpr)
    case or(DiffExpr, DiffExpr)
    case not(DiffExpr)
    case isNull(DiffExpr, negated: Bool)
    case inList(DiffExpr, [DiffExpr], negated: Bool)
    case between(DiffExpr, DiffExpr, DiffExpr, negated: Bool)
    /// `contains`, `starts with`, `ends with`, `like` with an ASCII pattern.
    case textMatch(String, DiffExpr, String, negated: Bool)
    case coalesce(DiffExpr, DiffExpr)
    case abs(DiffExpr)
    /// `d + n days` / `d + n months` (months clamp the day to the month's length).
    case addDays(DiffExpr, Int)
    case addMonths(DiffExpr, Int)
    /// `a - b` on dates: days between.
    case dateDiff(DiffExpr, DiffExpr)
    /// `fy`, `fy_quarter`, `year`, `month`, `quarter` of a date.
    case dateFunction(String, DiffExpr)
    /// `lower`, `upper`, `trim` of a text expression: computed text with a new
    /// dictionary per batch. SQLite's own functions fold ASCII only and trim spaces
    /// only, so the SQL calls `pq_lower`/`pq_upper`/`pq_trim` with planq's rule
    /// (Unicode case mapping; whitespace and newlines trimmed).
    case textFunction(String, DiffExpr)
    /// SQL text standing for an expression of a known type (pivot cells).
    case raw(String, DiffType)
    /// `case when c then r ... [else e] end` (every result of one type); SQL's CASE.
    case caseWhen([(DiffExpr, DiffExpr)], DiffExpr?)
    /// `if(c, a, b)`: SQL's `CASE WHEN c THEN a ELSE b END`.
    case iff(DiffExpr, DiffExpr, DiffExpr)
    /// `a || b` over text and ints (SQLite's `||` turns an int into the same digits).
    case concat(DiffExpr, DiffExpr)
    /// `substr(s, a[, b])`, `left(s, n)` (n ≥ 0), `right(s, n)` (n ≥ 1) with constant counts.
    case textCall(String, DiffExpr, [Int])
    /// `replace(s, from, to)` with constant texts.
    case replace(DiffExpr, String, String)

    static func rawSQL(_ sql: String, _ t: DiffType) -> DiffExpr { .raw(sql, t) }

    var type: DiffType {
        switch self {
        case .column(_, let t), .literal(_, let t): return t
        case .ragWord: return .rag
        case .textWord: return .text
        case .arith(let op, let a, let b):
            if op == "/" { return .double }
            return a.type == .double || b.type == .double ? .double : .int
        case .coalesce(let a, _), .abs(let a): return a.type
        case .addDays, .addMonths: return .date
        case .dateDiff: return .int
        case .dateFunction(let f, _): return f == "fy" ? .text : .int
        case .textFunction: return .text
        case .raw(_, let t): return t
        case .caseWhen(let arms, let e): return arms.first?.1.type ?? e?.type ?? .int
        case .iff(_, let a, _): return a.type
        case .concat, .textCall, .replace: return .text
        default: return .bool
        }
    }

    /// Whether the expression computes text somewhere inside.
    var hasComputedText: Bool {
        switch self {
        case .textFunction, .concat, .textCall, .replace: return true
        case .caseWhen(let arms, let e):
            return arms.contains { $0.0.hasComputedText || $0.1.hasComputedText || $0.1.type == .text } || e?.hasComputedText == true
        case .iff(let c, let a, let b): return c.hasComputedText || a.hasComputedText || b.hasComputedText || a.type == .text
        case .coalesce(let a, let b): return a.type == .text || a.hasComputedText || b.hasComputedText
        case .arith(_, let a, let b), .compare(_, let a, let b), .and(let a, let b), .or(let a, let b), .dateDiff(let a, let b):
            return a.hasComputedText || b.hasComputedText
        case .not(let a), .isNull(let a, _), .textMatch(_, let a, _, _), .abs(let a), .addDays(let a, _), .addMonths(let a, _),
             .dateFunction(_, let a):
            return a.hasComputedText
        case .inList(let a, let items, _): return a.hasComputedText || items.contains(where: \.hasComputedText)
        case .between(let a, let b, let c, _): return a.hasComputedText || b.hasComputedText || c.hasComputedText
        default: return false
        }
    }

    /// Immediate subexpressions of the same (bool) type, for shrinking predicates.
    var boolChildren: [DiffExpr] {
        switch self {
        case .and(let a, let b), .or(let a, let b): return [a, b]
        case .not(let a): return [a]
        default: return []
        }
    }

    var planq: String {
        switch self {
        case .column(let n, _): return n
        case .literal(let v, let t): return Self.planqLiteral(v, t)
        case .ragWord(let c): return DiffType.ragValues[c]
        case .textWord(let w, _): return w
        case .arith(let op, let a, let b): return "(\(a.planq) \(op) \(b.planq))"
        case .compare(let op, let a, let b): return "\(a.planq) \(op) \(b.planq)"
        case .and(let a, let b): return "(\(a.planq) and \(b.planq))"
        case .or(let a, let b): return "(\(a.planq) or \(b.planq))"
        case .not(let a): return "not (\(a.planq))"
        case .isNull(let a, let n): return "\(a.planq) is \(n ? "not " : "")null"
        case .inList(let a, let items, let n):
            return "\(a.planq) \(n ? "not " : "")in (\(items.map(\.planq).joined(separator: ", ")))"
        case .between(let a, let lo, let hi, let n):
            return "\(a.planq) \(n ? "not " : "")between \(lo.planq) and \(hi.planq)"
        case .textMatch(let op, let a, let p, let n):
            let neg = n ? "not " : ""
            return "\(a.planq) \(neg)\(op) \(Self.planqLiteral(.text(p), .text))"
        case .coalesce(let a, let b): return "coalesce(\(a.planq), \(b.planq))"
        case .abs(let a): return "abs(\(a.planq))"
        case .addDays(let a, let n): return "(\(a.planq) \(n < 0 ? "-" : "+") \(Swift.abs(n)) days)"
        case .addMonths(let a, let n): return "(\(a.planq) \(n < 0 ? "-" : "+") \(Swift.abs(n)) months)"
        case .dateDiff(let a, let b): return "(\(a.planq) - \(b.planq))"
        case .dateFunction(let f, let a): return "\(f)(\(a.planq))"
        case .textFunction(let f, let a): return "\(f)(\(a.planq))"
        case .raw(let s, _): return s
        case .caseWhen(let arms, let e):
            return "case " + arms.map { "when \($0.0.planq) then \($0.1.planq)" }.joined(separator: " ")
                + (e.map { " else \($0.planq)" } ?? "") + " end"
        case .iff(let c, let a, let b): return "if(\(c.planq), \(a.planq), \(b.planq))"
        case .concat(let a, let b): return "(\(a.planq) || \(b.planq))"
        case .textCall(let f, let a, let n): return "\(f)(\(([a.planq] + n.map(String.init)).joined(separator: ", ")))"
        case .replace(let a, let x, let y):
            return "replace(\(a.planq), \(Self.planqLiteral(.text(x), .text)), \(Self.planqLiteral(.text(y), .text)))"
        }
    }

    var sql: String {
        switch self {
        case .column(let n, _): return "\"\(n)\""
        case .literal(let v, let t): return Self.sqlLiteral(v, t)
        case .ragWord(let c): return String(c)
        case .textWord(_, let r): return Self.sqlLiteral(.text(r), .text)
        case .arith(let op, let a, let b):
            let ints = a.type == .int && b.type == .int
            switch op {
            case "/": return "pq_div(\(a.sql), \(b.sql))"
            case "//": return "pq_idiv(\(a.sql), \(b.sql))"
            case "%": return ints ? "pq_mod(\(a.sql), \(b.sql))" : "pq_fmod(\(a.sql), \(b.sql))"
            case "+": return ints ? "pq_add(\(a.sql), \(b.sql))" : "(\(a.sql) + \(b.sql))"
            case "-": return ints ? "pq_sub(\(a.sql), \(b.sql))" : "(\(a.sql) - \(b.sql))"
            default: return ints ? "pq_mul(\(a.sql), \(b.sql))" : "(\(a.sql) * \(b.sql))"
            }
        case .compare(let op, let a, let b): return "(\(a.sql) \(op == "!=" ? "<>" : op) \(b.sql))"
        case .and(let a, let b): return "(\(a.sql) AND \(b.sql))"
        case .or(let a, let b): return "(\(a.sql) OR \(b.sql))"
        case .not(let a): return "(NOT \(a.sql))"
        case .isNull(let a, let n): return "(\(a.sql) IS \(n ? "NOT " : "")NULL)"
        case .inList(let a, let items, let n):
            return "(\(a.sql) \(n ? "NOT " : "")IN (\(items.map(\.sql).joined(separator: ", "))))"
        case .between(let a, let lo, let hi, let n):
            return "(\(a.sql) \(n ? "NOT " : "")BETWEEN \(lo.sql) AND \(hi.sql))"
        case .textMatch(let op, let a, let p, let n):
            let m: String
            switch op {
            case "contains": m = "instr(lower(\(a.sql)), '\(p)') > 0"
            case "starts with": m = "substr(lower(\(a.sql)), 1, \(p.count)) = '\(p)'"
            case "ends with": m = "(length(\(a.sql)) >= \(p.count) AND substr(lower(\(a.sql)), length(\(a.sql)) - \(p.count - 1)) = '\(p)')"
            default: m = "\(a.sql) LIKE '\(p)'"
            }
            return n ? "(NOT (\(m)))" : "(\(m))"
        case .coalesce(let a, let b): return "coalesce(\(a.sql), \(b.sql))"
        case .abs(let a): return a.type == .int ? "pq_abs(\(a.sql))" : "abs(\(a.sql))"
        case .addDays(let a, let n): return "date(\(a.sql), '\(n < 0 ? "-" : "+")\(Swift.abs(n)) days')"
        case .addMonths(let a, let n): return "pq_add_months(\(a.sql), \(n))"
        case .dateDiff(let a, let b): return "CAST(julianday(\(a.sql)) - julianday(\(b.sql)) AS INTEGER)"
        case .dateFunction(let f, let a):
            let y = "CAST(strftime('%Y', \(a.sql)) AS INTEGER)", m = "CAST(strftime('%m', \(a.sql)) AS INTEGER)"
            switch f {
            case "year": return y
            case "month": return m
            case "quarter": return "((\(m) - 1) / 3 + 1)"
            // The financial year starts on 1 April: January-March belong to the year before.
            case "fy_quarter": return "(((\(m) + 8) % 12) / 3 + 1)"
            default:
                let start = "(\(y) - (\(m) < 4))"
                return "CASE WHEN \(a.sql) IS NULL THEN NULL ELSE printf('%d/%02d', \(start), (\(start) + 1) % 100) END"
            }
        case .textFunction(let f, let a): return "pq_\(f)(\(a.sql))"
        case .raw(let s, _): return s
        case .caseWhen(let arms, let e):
            return "(CASE " + arms.map { "WHEN \($0.0.sql) THEN \($0.1.sql)" }.joined(separator: " ")
                + (e.map { " ELSE \($0.sql)" } ?? "") + " END)"
        case .iff(let c, let a, let b): return "(CASE WHEN \(c.sql) THEN \(a.sql) ELSE \(b.sql) END)"
        case .concat(let a, let b): return "(\(a.sql) || \(b.sql))"
        case .textCall(let f, let a, let n):
            switch f {
            case "left": return "substr(\(a.sql), 1, \(n[0]))"
            case "right": return "substr(\(a.sql), -\(n[0]))"
            case "to_text": return "CAST(\(a.sql) AS TEXT)"
            default: return "substr(\(a.sql), \(n.map(String.init).joined(separator: ", ")))"
            }
        case .replace(let a, let x, let y):
            return "replace(\(a.sql), \(Self.sqlLiteral(.text(x), .text)), \(Self.sqlLiteral(.text(y), .text)))"
        }
    }

    static func planqLiteral(_ v: Value, _ t: DiffType) -> String {
        switch v {
        case .null: return "null"
        case .int(let x): return String(x)
        case .double(let d): return String(format: "%.2f", d)
        case .bool(let b): return b ? "true" : "false"
        case .date(let d): return "date \"\(CivilDate(days: d))\""
        case .text(let s):
            // planq strings take backslash escapes and a doubled quote.
            return "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
    }

    static func sqlLiteral(_ v: Value, _ t: DiffType) -> String {
        switch v {
        case .null: return "NULL"
        case .int(let x): return "(\(x))"
        case .double(let d): return "(" + String(format: "%.2f", d) + ")"
        case .bool(let b): return b ? "1" : "0"
        case .date(let d): return "'\(CivilDate(days: d))'"
        case .text(let s): return "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
        }
    }
}
