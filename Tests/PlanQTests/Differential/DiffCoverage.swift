/// What a differential batch exercised: clauses, column types, null rates,
/// table shapes and outcomes, printed after each run so a thin batch shows.
struct DiffCoverage {
    var counts: [String: Int] = [:]

    mutating func add(_ key: String, _ n: Int = 1) { counts[key, default: 0] += n }

    mutating func record(_ q: DiffQuery) {
        add("queries")
        if let c = q.combine { add(c.coverageKey) }
        if let f = q.filter { add("where"); expression(f) }
        if let j = q.join {
            add(j.left ? "left join" : "join")
            if j.leftExpr != nil || j.rightExpr != nil { add("join on computed text") }
        }
        if q.computedText {
            add("queries with computed text")
            if q.table.rows.count > 2 * 2048 { add("computed text over 3+ batches") }
            if q.filter?.hasComputedText == true { add("computed text in where") }
            if q.keys.contains(where: \.hasComputedText) { add("computed text in group by") }
            if q.sort.contains(where: { $0.expr.hasComputedText }) { add("computed text in sort") }
        }
        if let l = q.letBinding { add("let"); expression(l) }
        if q.grouped { add(q.keys.isEmpty ? "aggregate (no keys)" : "group by \(q.keys.count) key(s)") }
        for a in q.aggregates { add("agg \(a.function)\(a.argument == nil ? "()" : "")") }
        if q.having != nil { add("having") }
        if q.pivot != nil { add("pivot") }
        if !q.sort.isEmpty || !q.groupSort.isEmpty { add("sort") }
        if q.limit != nil { add("limit") }
        if let t = q.top { add(t.per == nil ? "top" : "top per") }
        if q.select != nil { add("select") }
        if q.distinct { add("distinct") }
        if q.ordered { add("ordered comparison") }
    }

    mutating func expression(_ e: DiffExpr) {
        switch e {
        case .and(let a, let b): add("and"); expression(a); expression(b)
        case .or(let a, let b): add("or"); expression(a); expression(b)
        case .not(let a): add("not"); expression(a)
        case .isNull(let a, _): add("is null"); expression(a)
        case .inList(let a, let items, _):
            add(items.contains { if case .literal(.null, _) = $0 { return true } else { return false } } ? "in (with null)" : "in")
            expression(a)
        case .between(let a, _, _, _): add("between"); expression(a)
        case .textMatch(let op, _, _, _): add(op)
        case .compare(let op, let a, let b): add("compare \(op)"); expression(a); expression(b)
        case .arith(let op, let a, let b): add("arith \(op)"); expression(a); expression(b)
        case .coalesce(let a, let b):
            add(a.type == .text ? "computed text: coalesce" : "coalesce"); expression(a); expression(b)
        case .textFunction(let f, let a): add("computed text: \(f)"); expression(a)
        case .abs(let a): add("abs"); expression(a)
        case .addDays(let a, _): add("date + days"); expression(a)
        case .addMonths(let a, _): add("date + months"); expression(a)
        case .dateDiff(let a, let b): add("date - date"); expression(a); expression(b)
        case .dateFunction(let f, let a): add("fn \(f)"); expression(a)
        case .raw: break
        case .caseWhen(let arms, let e):
            add("case"); if e == nil { add("case without else") }
            for (c, r) in arms { expression(c); expression(r) }
            if let e { expression(e) }
        case .iff(let c, let a, let b): add("if"); expression(c); expression(a); expression(b)
        case .concat(let a, let b): add("text: ||"); expression(a); expression(b)
        case .textCall(let f, let a, _): add("text: \(f)"); expression(a)
        case .replace(let a, _, _): add("text: replace"); expression(a)
        case .ragWord: add("bare enum word")
        case .textWord: add("bare text word")
        case .column(_, let t): add("type \(t.rawValue) used")
        case .literal: break
        }
    }

    mutating func record(_ t: DiffTable) {
        add("tables")
        if t.rows.isEmpty { add("empty tables") }
        if t.rows.count == 1 { add("one-row tables") }
        if t.rows.count > 2048 { add("tables over one batch") }
        if t.rows.count > 2 * 2048 { add("tables of 3-20 batches") }
        for (i, c) in t.columns.enumerated() {
            add("column \(c.type.rawValue)")
            guard !t.rows.isEmpty else { continue }
            let r = t.nullRate(i)
            add(r == 0 ? "null rate 0" : r == 1 ? "null rate 100%" : r < 0.3 ? "null rate (0,30%)" : "null rate [30%,100%)")
        }
    }

    var summary: String {
        counts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
    }
}
