@testable import PlanQ

/// Random planq queries over a ``DiffTable``: filters built from comparisons,
/// `and`/`or`/`not`, `is null`, `in`, `between`, text matching and arithmetic;
/// groupings with `count`/`count(x)`/`count_distinct`/`sum`/`avg`/`min`/`max`,
/// `having`, sorts, `limit`, `top ... per`, `let`, `distinct` and joins.
struct DiffQueryGenerator {
    var random: SeededRandom
    /// How often computed text (`coalesce`, `lower`, `upper`, `trim`) is put in
    /// each place that can take it: `let`, filters, keys, sorts, selects, join keys.
    var textChance = 0.2
    /// How often a query is a semi/anti join, `in (query)`, `union` or self-join.
    var combineChance = 0.3
    /// How often issue 16's constructs (case, if, conditional aggregates, ||,
    /// replace, substr, left, right) are used; 0 leaves the original batch as it was.
    var conditionalChance = 0.0
    /// Plain text literals (the table pool plus values no row holds).
    static let textLiterals = ["alpha", "Alpha", "beta", "", "o'neil", "say \"hi\"", "café", "日本語", "zzz", "Zeta"]
    static let patterns = ["a", "al", "ph", "eta", "e", "", "z"]
    static let likePatterns = ["a%", "%a", "%e%", "_eta", "al_ha", "%", "%\\_%", "x%y"]

    /// Each text column's distinct values in first-appearance order (its dictionary's order).
    var textValues: [String: [String]] = [:]
    static let bareWords = ["alpha", "Alpha", "ALPHA", "beta", "zeta", "Zeta", "gamma", "delta"]

    mutating func query(_ t: DiffTable, joinWith u: DiffTable?) -> DiffQuery {
        var q = DiffQuery(table: t)
        textValues = [:]
        for table in [t] + (u.map { [$0] } ?? []) {
            for (i, c) in table.columns.enumerated() where c.type == .text {
                var seen: [String] = []
                for r in table.rows { if case .text(let s) = r[i], !seen.contains(s) { seen.append(s) } }
                textValues[c.name] = seen
            }
        }
        if let u, combineChance > 0, random.chance(combineChance) { return combined(t, u) }
        // Joins of two big tables with narrow key domains explode (millions of rows): keep them small.
        if let u, t.rows.count * u.rows.count <= 40_000, random.chance(0.5) {
            q.join = .init(table: u, left: random.chance(0.5), leftKey: t.columns[0].name, rightKey: u.columns[0].name)
            if t.columns[0].type == .text, random.chance(textChance * 2) {
                // Computed keys on either side: `on lower(coalesce(a0, a2)) = upper(b0)`.
                let l = DiffExpr.column(t.columns[0].name, .text), r = DiffExpr.column(u.columns[0].name, .text)
                let lt = t.columns.map { DiffExpr.column($0.name, $0.type) }, ut = u.columns.map { DiffExpr.column($0.name, $0.type) }
                q.join?.leftExpr = random.chance(0.8) ? textExpr(lt, around: l) : nil
                q.join?.rightExpr = random.chance(0.6) ? textExpr(ut, around: r) : nil
            }
        } else if random.chance(textChance), let z = textExpr(q.visibleColumns) {
            q.letBinding = z
        } else if random.chance(0.2) {
            q.letBinding = numeric(q.visibleColumns, depth: 1) ?? scalar(q.visibleColumns, depth: 1)
        }
        let cols = q.visibleColumns
        if random.chance(0.75) { q.filter = predicate(cols, depth: random.int(0...3)) }
        if random.chance(0.45) {
            group(&q, cols)
        } else {
            rows(&q, cols)
        }
        return q
    }

    mutating func group(_ q: inout DiffQuery, _ cols: [DiffExpr]) {
        q.grouped = true
        let keyable = cols.filter { $0.type != .double || random.chance(0.3) }
        let dates = cols.filter { $0.type == .date }
        if random.chance(0.85), !keyable.isEmpty {
            q.keys = [random.pick(keyable)]
            if let d = dates.randomElement(using: &random), random.chance(0.25) {
                q.keys = [.dateFunction(random.pick(["fy", "fy_quarter", "year"]), d)]
            }
            if random.chance(0.3), let k2 = keyable.filter({ $0.planq != q.keys[0].planq }).randomElement(using: &random) {
                q.keys.append(k2)
            }
            if random.chance(textChance), let k = textExpr(cols) {
                q.keys[random.int(0...(q.keys.count - 1))] = k
                if q.keys.count == 2 && q.keys[0].planq == q.keys[1].planq { q.keys.removeLast() }
            }
        }
        q.aggregates = (0..<random.int(1...3)).map { _ in aggregate(cols) }
        if q.join == nil, conditionalChance > 0, random.chance(conditionalChance * 0.3), let s = stringAggregate(cols) {
            q.aggregates[random.int(0...(q.aggregates.count - 1))] = s
        }
        let rags = cols.filter { c in c.type == .rag && !q.keys.contains { $0.planq == c.planq } }
        if !q.keys.isEmpty, let r = rags.randomElement(using: &random), random.chance(0.15) {
            q.pivot = r
            q.aggregates = [q.aggregates[0]]
            return
        }
        if !q.keys.isEmpty, random.chance(0.25) {
            let i = random.int(0...(q.aggregates.count - 1))
            let a = q.aggregates[i]
            if a.type == .int || a.type == .double {
                q.having = .compare(random.pick([">", ">=", "<", "="]), .column("v\(i)", a.type), .literal(.int(Int64(random.int(0...3))), .int))
            } else {
                q.having = .isNull(.column("v\(i)", a.type), negated: random.chance(0.5))
            }
        }
        if !q.keys.isEmpty, random.chance(0.4) {
            let n = q.keys.count + q.aggregates.count
            let first = random.int(0...(n - 1))
            q.groupSort = [(first, random.chance(0.5))]
            // Sorting also on every key makes the order total, so `limit` picks a definite set.
            for k in 0..<q.keys.count where k != first { q.groupSort.append((k, random.chance(0.3))) }
            // No limit on a rounding-sensitive first key: the cut could fall between near-equal values.
            if random.chance(0.4), !q.roundsDifferently(first) { q.limit = random.int(0...4) }
        }
    }

    mutating func aggregate(_ cols: [DiffExpr]) -> DiffQuery.Aggregate {
        if conditionalChance > 0, random.chance(conditionalChance * 0.7) { return conditionalAggregate(cols) }
        switch random.int(0...9) {
        case 0: return .init(function: "count", argument: nil)
        case 1, 2: return .init(function: "count", argument: random.pick(cols))
        case 3: return .init(function: "count_distinct", argument: random.pick(cols.filter { $0.type != .double }.isEmpty ? cols : cols.filter { $0.type != .double }))
        case 4, 5, 6:
            let arg = numeric(cols, depth: random.chance(0.3) ? 1 : 0) ?? .literal(.int(1), .int)
            return .init(function: random.pick(["sum", "avg", "sum"]), argument: arg)
        default:
            let ordered = cols.filter { $0.type.isOrdered }
            return .init(function: random.pick(["min", "max"]), argument: ordered.isEmpty ? .literal(.int(1), .int) : random.pick(ordered))
        }
    }

    mutating func rows(_ q: inout DiffQuery, _ cols: [DiffExpr]) {
        let ordered = cols.filter { $0.type.isOrdered || $0.type == .bool }
        switch random.int(0...5) {
        case 0, 1:
            if q.join == nil {
                q.sort = (0..<random.int(1...2)).map { _ in
                    let e = random.chance(textChance) ? textExpr(cols) ?? random.pick(ordered) : random.pick(ordered)
                    return DiffQuery.SortKey(expr: e, descending: random.chance(0.5))
                }
                if random.chance(0.5) { q.limit = random.int(0...5) }
            }
        case 2:
            if q.join == nil {
                let keys = cols.filter { $0.type != .double }
                let per = random.chance(0.4) && !keys.isEmpty ? random.pick(keys) : nil
                q.top = .init(n: random.int(0...3), by: random.pick(ordered), ascending: random.chance(0.4), per: per)
            }
        case 3:
            if q.join == nil { q.limit = random.int(0...3) }
        default: break
        }
        if random.chance(0.7) {
            let dates = cols.filter { $0.type == .date }
            q.select = (0..<random.int(1...3)).map { _ in
                if let d = dates.randomElement(using: &random), random.chance(0.15) {
                    return random.chance(0.5) ? dateExpr(d) : .dateFunction(random.pick(["fy", "fy_quarter", "month"]), d)
                }
                if random.chance(textChance), let e = textExpr(cols) { return e }
                return random.chance(0.25) ? (numeric(cols, depth: 1) ?? random.pick(cols)) : random.pick(cols)
            }
        }
        if !q.ordered, q.top == nil, random.chance(0.2) { q.distinct = true }
    }

    // MARK: combining two tables

    /// A query of one of the ``DiffCombine`` forms over `t` and `u` (whose first columns
    /// have the same type).
    mutating func combined(_ t: DiffTable, _ u: DiffTable) -> DiffQuery {
        var q = DiffQuery(table: t)
        let tcols = t.columns.map { DiffExpr.column($0.name, $0.type) }
        let ucols = u.columns.map { DiffExpr.column($0.name, $0.type) }
        func maybeSelect() {
            if random.chance(0.6) { q.select = (0..<random.int(1...2)).map { _ in random.pick(tcols) } }
        }
        // Self-joins square the rows: only on small tables.
        let kind = random.int(0...(t.rows.count <= 150 ? 4 : 3))
        switch kind {
        case 0:
            if random.chance(0.5) { q.filter = predicate(tcols, depth: random.int(0...2)) }
            q.combine = .semi(anti: random.chance(0.5), u: u)
            maybeSelect()
        case 1:
            if random.chance(0.4) { q.filter = predicate(tcols, depth: random.int(0...1)) }
            let inner = random.chance(0.6) ? predicate(ucols, depth: random.int(0...2)) : nil
            q.combine = .inQuery(negated: random.chance(0.5), u: u, inner: inner)
            maybeSelect()
        case 2, 3:
            // Output columns: t's (same-typed u column or none), then some only u has.
            var outs: [(t: String?, u: String?, type: DiffType)] = []
            var usedU = Set<String>()
            for c in t.columns.shuffled(using: &random).prefix(random.int(1...3)) {
                let match = u.columns.filter { $0.type == c.type && !usedU.contains($0.name) }.randomElement(using: &random)
                let pick = random.chance(0.8) ? match : nil
                if let p = pick { usedU.insert(p.name) }
                outs.append((c.name, pick?.name, c.type))
            }
            // The right side needs at least one column of its own to select.
            if usedU.isEmpty || random.chance(0.3), let extra = u.columns.filter({ !usedU.contains($0.name) }).randomElement(using: &random) {
                outs.append((nil, extra.name, extra.type))
            }
            q.combine = .union(u: u, outputs: outs, grouped: random.chance(0.3) && outs[0].type != .double)
        default:
            q.combine = .selfJoin(left: random.chance(0.4), l: random.pick(t.columns), r: random.pick(t.columns))
        }
        return q
    }

    // MARK: expressions

    mutating func predicate(_ cols: [DiffExpr], depth: Int) -> DiffExpr {
        if depth > 0 {
            switch random.int(0...5) {
            case 0, 1: return .and(predicate(cols, depth: depth - 1), predicate(cols, depth: depth - 1))
            case 2: return .or(predicate(cols, depth: depth - 1), predicate(cols, depth: depth - 1))
            case 3: return .not(predicate(cols, depth: depth - 1))
            default: break
            }
        }
        let texts = cols.filter { $0.type == .text }, nums = cols.filter { $0.type.isNumeric }
        let ordered = cols.filter { $0.type.isOrdered }
        let dates = cols.filter { $0.type == .date }
        if random.chance(textChance), let e = textExpr(cols) { return textPredicate(e, cols) }
        switch random.int(0...12) {
        case 0:
            return .isNull(random.pick(cols), negated: random.chance(0.5))
        case 1:
            let c = random.pick(cols)
            let items = (0..<random.int(1...3)).map { _ in random.chance(0.15) ? DiffExpr.literal(.null, c.type) : literal(c.type) }
            return .inList(c, items, negated: random.chance(0.4))
        case 2 where !ordered.isEmpty:
            let c = random.pick(ordered)
            return .between(c, literal(c.type), literal(c.type), negated: random.chance(0.3))
        case 3...4 where !texts.isEmpty:
            let c = random.pick(texts)
            let op = random.pick(["contains", "starts with", "ends with", "like"])
            return .textMatch(op, c, op == "like" ? random.pick(Self.likePatterns) : random.pick(Self.patterns), negated: random.chance(0.3))
        case 5...6 where !nums.isEmpty:
            let a = numeric(cols, depth: 2) ?? random.pick(nums)
            return .compare(random.pick(["=", "!=", "<", "<=", ">", ">="]), a, literal(random.chance(0.5) ? .int : .double))
        case 7:
            let c = random.pick(cols)
            if c.type == .bool { return c }
            let same = cols.filter { $0.type == c.type || ($0.type.isNumeric && c.type.isNumeric) }
            let d = random.pick(same)
            return .compare(random.pick(["=", "!=", "<", ">="]), c, d)
        case 8 where !dates.isEmpty:
            return datePredicate(random.pick(dates), cols)
        default:
            let c = random.pick(cols)
            if c.type == .bool { return random.chance(0.5) ? c : .compare("=", c, literal(.bool)) }
            let op = c.type.isOrdered ? random.pick(["=", "!=", "<", "<=", ">", ">="]) : random.pick(["=", "!="])
            if case .column(let name, .text) = c, let word = bareWord(name), random.chance(0.5) {
                return random.chance(0.3) ? .inList(c, [word], negated: random.chance(0.3)) : .compare(op, c, word)
            }
            return .compare(op, c, literal(c.type))
        }
    }

    // MARK: computed text

    /// Computed text: `coalesce`, `lower`, `upper`, `trim` (nested up to three deep)
    /// over a text column (`around`, or one picked from `cols`); nil without text columns.
    mutating func textExpr(_ cols: [DiffExpr], around start: DiffExpr? = nil) -> DiffExpr? {
        let texts = cols.filter { if case .column(_, .text) = $0 { return true } else { return false } }
        if conditionalChance > 0, start == nil, random.chance(conditionalChance) { return conditionalText(cols) }
        guard var e = start ?? texts.randomElement(using: &random) else { return nil }
        for _ in 0..<random.int(1...3) {
            switch random.int(0...5) {
            case 0, 1:
                let other: DiffExpr = texts.count > 1 && random.chance(0.6) ? random.pick(texts) : literal(.text)
                e = random.chance(0.85) ? .coalesce(e, other) : .coalesce(other, e)
            case 2: e = .textFunction("lower", e)
            case 3: e = .textFunction("upper", e)
            default: e = .textFunction("trim", e)
            }
        }
        return e
    }

    /// A condition on computed text: compared with a literal or a column, matched, tested for null, listed.
    mutating func textPredicate(_ e: DiffExpr, _ cols: [DiffExpr]) -> DiffExpr {
        let literals = Self.textLiterals + ["ALPHA", "BETA", "CAFÉ", "a b", " "]
        func lit() -> DiffExpr { .literal(.text(random.pick(literals)), .text) }
        switch random.int(0...5) {
        case 0: return .isNull(e, negated: random.chance(0.5))
        case 1: return .inList(e, (0..<random.int(1...3)).map { _ in lit() }, negated: random.chance(0.3))
        case 2:
            let op = random.pick(["contains", "starts with", "ends with", "like"])
            return .textMatch(op, e, op == "like" ? random.pick(Self.likePatterns) : random.pick(Self.patterns), negated: random.chance(0.3))
        case 3:
            let texts = cols.filter { $0.type == .text }
            return .compare(random.pick(["=", "!=", "<", ">="]), e, texts.isEmpty ? lit() : random.pick(texts))
        default: return .compare(random.pick(["=", "!=", "<", "<=", ">", ">="]), e, lit())
        }
    }

    /// A bare word that names one of the text column's values (matched as planq's rule says), if any does.
    mutating func bareWord(_ column: String) -> DiffExpr? {
        guard let values = textValues[column] else { return nil }
        let candidates = Self.bareWords.filter { w in values.contains { $0.lowercased() == w.lowercased() } }
        guard let w = candidates.randomElement(using: &random) else { return nil }
        let resolved = values.contains(w) ? w : values.first { $0.lowercased() == w.lowercased() } ?? w
        return .textWord(w, resolved: resolved)
    }

    static let fyLabels = ["2007/08", "2008/09", "2009/10", "2011/12", "1999/00"]

    /// A date expression: days or months added, or a column.
    mutating func dateExpr(_ c: DiffExpr) -> DiffExpr {
        switch random.int(0...2) {
        case 0: return .addDays(c, random.pick([1, -1, 30, 366, -365, 0]))
        case 1: return .addMonths(c, random.pick([1, -1, 12, 13, -12, 48]))
        default: return c
        }
    }

    /// A condition on a date column: shifted dates, financial years and quarters, days between.
    mutating func datePredicate(_ c: DiffExpr, _ cols: [DiffExpr]) -> DiffExpr {
        let op = random.pick(["=", "!=", "<", "<=", ">", ">="])
        switch random.int(0...4) {
        case 0: return .compare(op, dateExpr(c), literal(.date))
        case 1: return .compare(random.pick(["=", "!=", "<", ">="]), .dateFunction("fy", dateExpr(c)), .literal(.text(random.pick(Self.fyLabels)), .text))
        case 2: return .compare(op, .dateFunction(random.pick(["fy_quarter", "quarter", "month", "year"]), dateExpr(c)), literal(.int))
        case 3:
            let other = cols.filter { $0.type == .date }.randomElement(using: &random) ?? c
            return .compare(op, .dateDiff(c, random.chance(0.5) ? other : literal(.date)), .literal(.int(Int64(random.pick([0, 1, -1, 30, 365, -400]))), .int))
        default: return .compare(op, dateExpr(c), random.pick(cols.filter { $0.type == .date }))
        }
    }

    /// A numeric expression over the columns (nil when there are no numeric columns).
    mutating func numeric(_ cols: [DiffExpr], depth: Int) -> DiffExpr? {
        let nums = cols.filter { $0.type.isNumeric }
        guard let c = nums.randomElement(using: &random) else { return nil }
        if conditionalChance > 0, random.chance(conditionalChance * 0.5) { return conditionalNumber(cols) }
        if depth == 0 || random.chance(0.3) { return c }
        let other: DiffExpr = random.chance(0.5) ? (numeric(cols, depth: depth - 1) ?? c) : literal(random.chance(0.7) ? .int : .double)
        switch random.int(0...7) {
        case 0: return .abs(c)
        case 1: return .coalesce(c, literal(c.type))
        case 2 where c.type == .int && other.type == .int: return .arith(random.pick(["//", "%"]), c, other)
        default: return .arith(random.pick(["+", "-", "*", "/", "+", "-"]), c, other)
        }
    }

    /// Any column (for a `let` over a table without numeric columns).
    mutating func scalar(_ cols: [DiffExpr], depth: Int) -> DiffExpr {
        random.pick(cols)
    }

    mutating func literal(_ t: DiffType) -> DiffExpr {
        switch t {
        case .int: return .literal(.int(Int64(random.int(-3...12))), .int)
        case .double: return .literal(.double(random.pick([-2.5, -1, 0, 0.1, 0.5, 1.5, 3.25, 10])), .double)
        case .text: return .literal(.text(random.pick(Self.textLiterals)), .text)
        case .bool: return .literal(.bool(random.chance(0.5)), .bool)
        case .rag: return .ragWord(random.int(0...2))
        case .date:
            let s = random.pick(DiffTableGenerator.specialDates + ["2008-06-15", "2009-01-01", "2011-09-30"])
            return .literal(.date(CivilDate.parse(s)?.days ?? 0), .date)
        }
    }
}
