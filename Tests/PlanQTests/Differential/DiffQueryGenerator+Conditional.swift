@testable import PlanQ

/// Issue 16's constructs for the differential batch: `case` and `if()` with
/// numeric and text results, the conditional aggregates, and text built with
/// `||`, `replace`, `substr`, `left`, `right` (then matched, compared, grouped,
/// sorted and selected wherever computed text goes).
extension DiffQueryGenerator {
    static let replaceFrom = ["a", "al", "e", "", "ph", " ", "ALPHA"]
    static let replaceTo = ["", "X", "ab", "é"]

    /// A condition for a branch or a conditional aggregate (may be null on some rows).
    mutating func condition(_ cols: [DiffExpr]) -> DiffExpr {
        predicate(cols, depth: random.int(0...1))
    }

    /// `case`/`if()` giving a number: results are columns or literals of one numeric type.
    mutating func conditionalNumber(_ cols: [DiffExpr]) -> DiffExpr {
        let nums = cols.filter { $0.type.isNumeric }
        let t: DiffType = nums.contains { $0.type == .double } && random.chance(0.5) ? .double : .int
        let pool = nums.filter { $0.type == t }
        func result() -> DiffExpr {
            if random.chance(0.1) { return .literal(.null, t) }
            return !pool.isEmpty && random.chance(0.6) ? random.pick(pool) : literal(t)
        }
        if random.chance(0.3) { return .iff(condition(cols), result(), result()) }
        let arms = (0..<random.int(1...3)).map { _ in (condition(cols), result()) }
        return .caseWhen(arms, random.chance(0.7) ? result() : nil)
    }

    /// Text built by the new functions (or a text `case`) over a text column; a
    /// text-less table gets an int turned into text by `||`.
    mutating func conditionalText(_ cols: [DiffExpr]) -> DiffExpr {
        let texts = cols.filter { if case .column(_, .text) = $0 { return true } else { return false } }
        let ints = cols.filter { $0.type == .int }
        guard let base = texts.randomElement(using: &random) else {
            let i = ints.randomElement(using: &random) ?? .literal(.int(7), .int)
            return .concat(.literal(.text("n"), .text), i)
        }
        var e = base
        for _ in 0..<random.int(1...2) {
            switch random.int(0...7) {
            case 0:
                let other: DiffExpr = random.chance(0.5) ? random.pick(texts) : literal(.text)
                e = random.chance(0.5) ? .concat(e, other) : .concat(other, e)
            case 1:
                if let i = ints.randomElement(using: &random) { e = .concat(e, i) } else { e = .concat(e, literal(.text)) }
            case 2: e = .replace(e, random.pick(Self.replaceFrom), random.pick(Self.replaceTo))
            case 3:
                let start = random.pick([1, 2, 3, 0, -2, -1, 9])
                e = .textCall("substr", e, random.chance(0.5) ? [start] : [start, random.pick([0, 1, 2, 5, -1])])
            case 4: e = .textCall("left", e, [random.pick([0, 1, 2, 4, 50])])
            case 5: e = .textCall("right", e, [random.pick([1, 2, 3, 50])])
            case 6:
                // to_text of an integer (the one type whose text SQLite's CAST spells the same).
                if let i = ints.randomElement(using: &random) { e = .concat(e, .textCall("to_text", i, [])) }
            default:
                let other: DiffExpr = random.chance(0.5) ? random.pick(texts) : literal(.text)
                if random.chance(0.4) {
                    e = .iff(condition(cols), e, other)
                } else {
                    e = .caseWhen([(condition(cols), e), (condition(cols), other)], random.chance(0.6) ? literal(.text) : nil)
                }
            }
        }
        return e
    }

    static let separators = [",", ", ", "", "/", " | "]

    /// `string_agg(x, sep)` over a text or integer column or computed text; nil when the
    /// columns have neither. Only on one table, whose SQL keeps row order (``DiffQuery/sql``).
    mutating func stringAggregate(_ cols: [DiffExpr]) -> DiffQuery.Aggregate? {
        let pool = cols.filter { if case .column(_, let t) = $0 { return t == .text || t == .int } else { return false } }
        guard let c = pool.randomElement(using: &random) else { return nil }
        let arg = c.type == .text && random.chance(0.3) ? conditionalText(cols) : c
        return .init(function: "string_agg", argument: arg, separator: random.pick(Self.separators))
    }

    /// `count_if(c)`, `sum_if(x, c)`, `avg_if(x, c)`.
    mutating func conditionalAggregate(_ cols: [DiffExpr]) -> DiffQuery.Aggregate {
        let c = condition(cols)
        switch random.int(0...2) {
        case 0: return .init(function: "count_if", argument: nil, condition: c)
        default:
            let arg = numeric(cols, depth: 0) ?? .literal(.int(1), .int)
            return .init(function: random.chance(0.5) ? "sum_if" : "avg_if", argument: arg, condition: c)
        }
    }
}
