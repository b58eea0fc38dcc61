/// The sentences: what the rows that reached the emptying step held.
extension EmptyResultExplainer {
    /// Why conjunct `c` kept none of the `n` rows of `input`; `passed` are the
    /// conjuncts before it in the same run of filters, `base` what the rows are.
    func describe(_ c: BoundExpr, input: LogicalPlan, rows n: Int, passed: [BoundExpr],
                  noun base: LogicalPlan) throws -> EmptyResultExplanation {
        let grouped = EmptyResultExplainer.nouns(base).1 == "groups"
        let step = "\(grouped ? "having" : "where") \(render(c))"
        let what = noun(base, n)
        var lead = ""
        if !passed.isEmpty {
            lead = "\(n) \(what) \(n == 1 ? "has" : "have") \(passed.map(render).joined(separator: " and ")); "
        }
        let scope: Reached
        if passed.isEmpty {
            scope = Reached(all: n == 1 ? "the only \(what)" : "all \(n) \(what)",
                          among: n == 1 ? "in the only \(what)" : "among the \(n) \(what)")
        } else {
            scope = Reached(all: n == 1 ? "the one \(what)" : "all \(n)", among: n == 1 ? "in the one \(what)" : "among them")
        }
        let finding = try self.finding(c, input: input, scope)
        return EmptyResultExplanation(message: "0 rows: " + lead + finding, step: step)
    }

    /// How the rows that reached a step are referred to in its sentence.
    struct Reached {
        /// "all 29", "all 540 indicators"
        var all: String
        /// "among them", "among the 540 indicators"
        var among: String
    }

    /// The sentence for one conjunct, from the shape of the predicate.
    ///
    /// Operands are profiled with only their outer casts peeled off: a subtree of a
    /// bound expression is well typed on its own, a tree with inner casts removed is not.
    func finding(_ c: BoundExpr, input: LogicalPlan, _ s: Reached) throws -> String {
        switch c {
        case .compare(let op0, let a0, let b0):
            guard let (x, op, v) = EmptyResultExplainer.columnVersusConstant(op0, a0.peeled, b0.peeled) else { break }
            let p = try profile(x, over: input)
            let name = render(x), value = render(v)
            if p.allNull { return "\(name) is null in \(s.all), so none has \(render(c))" }
            let nulls = p.nulls > 0 ? " (null in \(p.nulls))" : ""
            switch op {
            case .eq:
                if p.low != nil { return "no \(name) is \(value) \(s.among): \(name) \(range(p))\(nulls)" }
                return "no \(name) is \(value) \(s.among)\(nulls); " + holds(name, p, near: v)
            case .ne:
                return "\(name) is \(value) or null in \(s.all)"
            default:
                if p.low != nil { return "no \(name) is \(op.rawValue) \(value) \(s.among): \(name) \(range(p))\(nulls)" }
                return "no \(name) is \(op.rawValue) \(value) \(s.among)\(nulls); " + holds(name, p, near: nil)
            }
        case .inList(let x0, let values, let negated):
            let x = x0.peeled
            let p = try profile(x, over: input)
            let name = render(x)
            // A list from `in (query)` can hold thousands of values: show the first few.
            let more = values.count > 6 ? ", … \(values.count - 5) more" : ""
            let list = "(" + values.prefix(values.count > 6 ? 5 : 6).map { shown($0, x.type) }.joined(separator: ", ") + more + ")"
            if p.allNull { return "\(name) is null in \(s.all), so none has \(render(c))" }
            if negated { return "\(name) is in \(list) or null in \(s.all)" }
            let first = values.first.map { BoundExpr.constant($0, x.type) }
            let nulls = p.nulls > 0 ? " (null in \(p.nulls))" : ""
            return "no \(name) is in \(list) \(s.among)\(nulls); " + holds(name, p, near: first)
        case .isNull(let x0, let negated):
            let name = render(x0)
            if negated { return "\(name) is null in \(s.all), so none has \(render(c))" }
            return "\(name) is never null \(s.among)"
        case .textMatch(let op, let x0, let pattern, let negated):
            let x = x0.peeled
            let p = try profile(x, over: input)
            let name = render(x)
            if p.allNull { return "\(name) is null in \(s.all), so none has \(render(c))" }
            let verb = (negated ? "not " : "") + op.rawValue
            let nulls = p.nulls > 0 ? " (null in \(p.nulls))" : ""
            return "no \(name) \(verb) \(render(pattern)) \(s.among)\(nulls); " + holds(name, p, near: nil)
        default:
            break
        }
        // Any other predicate: how often it was false and how often unknown.
        let p = try profile(c, over: input)
        let f = p.counts["false"] ?? 0
        let parts = [f > 0 ? "false for \(f)" : nil, p.nulls > 0 ? "null for \(p.nulls)" : nil].compactMap { $0 }
        return "\(render(c)) is never true \(s.among): " + parts.joined(separator: ", ")
    }

    /// "ranges from 3 to 72" (or "is always 3").
    func range(_ p: ValueProfile) -> String {
        guard let lo = p.low, let hi = p.high else { return "holds no values" }
        return lo == hi ? "is always \(lo)" : "ranges from \(lo) to \(hi)"
    }

    /// "did you mean "Community Safety"?" when a stored value is close to `near`,
    /// else "theme holds "A", "B" and 3 more".
    func holds(_ name: String, _ p: ValueProfile, near: BoundExpr?) -> String {
        if case .constant(let v, let t)? = near, let word = EmptyResultExplainer.word(v, t),
           let s = p.suggestion(for: word), s != word {
            return "did you mean \(p.shown(s))?"
        }
        return "\(name) holds \(p.sample())"
    }

    /// A constant as a query writes it: enum words bare, text quoted.
    func shown(_ v: Value, _ t: DataType) -> String {
        if let w = EmptyResultExplainer.word(v, t), case .enumeration = t { return w }
        return render(.constant(v, t))
    }

    /// The text of a text or enum constant.
    static func word(_ v: Value, _ t: DataType) -> String? {
        if case .enumeration(let e) = t, case .int(let c) = v, c >= 0, Int(c) < e.values.count { return e.values[Int(c)] }
        if case .text(let s) = v { return s }
        return nil
    }

    /// `column op constant` from either order (`5 < actual` is `actual > 5`).
    static func columnVersusConstant(_ op: BinaryOp, _ a: BoundExpr, _ b: BoundExpr) -> (BoundExpr, BinaryOp, BoundExpr)? {
        func isConstant(_ e: BoundExpr) -> Bool { if case .constant = e.peeled { return true } else { return false } }
        if isConstant(b), !a.columns.isEmpty { return (a, op, b) }
        guard isConstant(a), !b.columns.isEmpty else { return nil }
        let flipped: [BinaryOp: BinaryOp] = [.lt: .gt, .le: .ge, .gt: .lt, .ge: .le]
        return (b, flipped[op] ?? op, a)
    }

    /// Why an inner join matched nothing although both sides have rows: how many
    /// distinct keys each side has, and which rows have a null key (never matches).
    func describeJoin(_ l: LogicalPlan, _ r: LogicalPlan, _ keys: [(left: BoundExpr, right: BoundExpr)],
                      leftRows ln: Int, rightRows rn: Int) throws -> EmptyResultExplanation {
        let label = keys.map { "\(render($0.left)) = \(render($0.right))" }.joined(separator: ", ")
        let rightName = EmptyResultExplainer.nouns(r).1
        let step = "join \(rightName) on \(label)"
        let lside = try side(l, keys.map(\.left), rows: ln)
        let rside = try side(r, keys.map(\.right), rows: rn)
        return EmptyResultExplanation(
            message: "0 rows: no keys match in \(step): \(lside); \(rside); no key is on both sides",
            step: step)
    }

    /// "the 10 indicators have 5 distinct keys (plan: "laa", "cyp"), 2 rows with a null key".
    func side(_ p: LogicalPlan, _ keys: [BoundExpr], rows n: Int) throws -> String {
        let what = noun(p, n)
        let nullTest = keys.map { BoundExpr.isNull($0, negated: false) }.reduce(nil as BoundExpr?) { acc, e in acc.map { .or($0, e) } ?? e }
        let notNull = keys.map { BoundExpr.isNull($0, negated: true) }.reduce(nil as BoundExpr?) { acc, e in acc.map { .and($0, e) } ?? e }
        guard let nullTest, let notNull else { return "the \(n) \(what)" }
        let nullRows = try count(.filter(p, nullTest))
        let keyWord = keys.count == 1 ? render(keys[0]) : "key"
        if nullRows == n { return "\(keyWord) is null in all \(n) \(what)" }
        let outs = keys.map { (id: freshID(render($0)), expr: $0) }
        let distinct = try count(.distinct(.project(.filter(p, notNull), outputs: outs)))
        var text = "the \(n) \(what) have \(distinct) distinct \(keyWord) \(distinct == 1 ? "value" : "values")"
        if keys.count == 1 {
            let prof = try profile(keys[0], over: .filter(p, notNull))
            text += " (\(prof.sample(3)))"
        }
        if nullRows > 0 { text += " and \(nullRows) with a null \(keyWord)" }
        return text
    }
}
