/// Compiling `case`, `||`, `x in (query)` and the text functions of the language issue.
extension SQLCompiler {
    /// `case when c then r ... [else e] end`: the first true condition wins, a null
    /// condition is not true, no `else` gives null — SQL's `CASE` exactly.
    func caseWhen(_ whens: [(condition: BoundExpr, result: BoundExpr)], _ otherwise: BoundExpr?,
                  _ t: DataType, _ cols: [ColumnID: SQLRelation.Column]) throws -> SQLExpr {
        var parts: [String] = ["CASE"]
        for w in whens {
            // Spark wants a boolean-typed null as a condition.
            let c = w.condition.type == .null ? "CAST(NULL AS BOOLEAN)" : try expr(w.condition, cols).sql
            parts.append("WHEN \(c) THEN \(try result(w.result, t, cols))")
        }
        if let o = otherwise { parts.append("ELSE \(try result(o, t, cols))") }
        parts.append("END")
        return SQLExpr(sql: parts.joined(separator: " "), atomic: true)
    }

    /// A branch of a `case`, typed so every engine sees one result type.
    func result(_ e: BoundExpr, _ t: DataType, _ cols: [ColumnID: SQLRelation.Column]) throws -> String {
        if case .constant(.null, _) = e { return t == .null ? "NULL" : dialect.null(t) }
        return try expr(e, cols).sql
    }

    /// `a || b`: null when either side is null (Spark's and DuckDB's `concat` skip nulls,
    /// so Spark gets its null-propagating `concat` only through `||`'s meaning: `concat`
    /// of two non-null texts, else null).
    func concat(_ a: BoundExpr, _ b: BoundExpr, _ cols: [ColumnID: SQLRelation.Column]) throws -> SQLExpr {
        let l = try expr(a, cols), r = try expr(b, cols)
        switch dialect {
        case .postgres, .duckdb: return SQLExpr(sql: "\(l.operand) || \(r.operand)", atomic: false)
        // Spark's concat() is null when any argument is null.
        case .spark: return SQLExpr(sql: "concat(\(l.sql), \(r.sql))", atomic: true)
        }
    }

    /// `x [not] in (query)` as an SQL subquery (its own `WITH` steps inside the parentheses).
    /// SQL's `IN` has planq's nulls: null when x matches nothing and the values hold a null;
    /// false (`not in`: true) for an empty query whatever x is.
    func inQuery(_ x: BoundExpr, _ sub: InSubquery, negated: Bool, _ cols: [ColumnID: SQLRelation.Column]) throws -> SQLExpr {
        let l = try expr(x, cols)
        var c = SQLCompiler(dialect: dialect, options: SQLCompiler.Options(rowOrderColumn: nil), names: names)
        c.stepNames = stepNames
        c.usedStepNames = usedStepNames
        c.tableSteps = tableSteps
        let rel = try c.relation(sub.plan, needed: [sub.column])
        guard let col = rel.columns[sub.column] else { throw SQLUnsupported.internalError("the query after 'in' lost its column") }
        c.script.final = SQLSelect(items: [.init(sql: col.sql, alias: nil)], from: rel.from, filters: rel.filters)
        let body = c.script.render(dialect)
        let inner = body.contains("\n") ? "(\n  " + body.replacingOccurrences(of: "\n", with: "\n  ") + "\n)" : "(\(body))"
        return SQLExpr(sql: "\(l.operand) \(negated ? "NOT " : "")IN \(inner)", atomic: false)
    }

    /// `to_text(x)`: ints, dates and bools print alike in every engine; a double prints
    /// with planq's 15 significant digits, which no dialect's cast reproduces.
    func toText(_ arg: BoundExpr, _ a: SQLExpr) throws -> SQLExpr {
        switch arg.type {
        case .text, .enumeration: return a
        case .null: return SQLExpr(sql: dialect.null(.text), atomic: true)
        case .double:
            throw SQLUnsupported(message: "to_text() of a double is not available on \(dialect.displayName): planq prints 15 significant digits, which its casts do not",
                                 help: "convert a whole number (to_text(round(x) ...) of an int column), or run the query in planq",
                                 anchor: .function("to_text"))
        default:
            return SQLExpr(sql: "CAST(\(a.sql) AS \(dialect.typeName(.text)))", atomic: true)
        }
    }

    /// The length in characters SQL's substring functions count (code points).
    func charLength(_ s: SQLExpr) -> String {
        dialect == .duckdb ? "length(\(s.sql))" : "char_length(\(s.sql))"
    }

    /// `replace(s, from, to)`: an empty `from` leaves the text as it is.
    func replace(_ a: [SQLExpr], _ args: [BoundExpr]) -> SQLExpr {
        let call = "replace(\(a[0].sql), \(a[1].sql), \(a[2].sql))"
        if case .constant(.text(let from), _) = args[1], !from.isEmpty { return SQLExpr(sql: call, atomic: true) }
        return SQLExpr(sql: "CASE WHEN \(a[1].operand) = '' THEN \(a[0].sql) ELSE \(call) END", atomic: true)
    }

    /// A character position or count already within 0...length of its text: PostgreSQL's
    /// `substring`, `left` and `right` take `integer`, not `bigint`.
    func position(_ sql: String) -> String {
        dialect == .postgres ? "CAST(\(sql) AS INTEGER)" : sql
    }

    /// A whole-number constant small enough to stand as a position as it is.
    func smallConstant(_ e: BoundExpr) -> Int64? {
        if case .constant(.int(let k), _) = e, k >= 0, k <= Int64(Int32.max) { return k }
        return nil
    }

    /// `left(s, n)`: the first n characters; a negative n drops the last -n.
    func left(_ s: SQLExpr, _ n: SQLExpr, _ nArg: BoundExpr) -> SQLExpr {
        if let k = smallConstant(nArg) { return SQLExpr(sql: "substring(\(s.sql), 1, \(k))", atomic: true) }
        let len = charLength(s)
        let take = position("least(\(n.sql), \(len))"), keep = position("greatest(\(len) + \(n.operand), 0)")
        if case .constant(.int(let k), _) = nArg, k < 0 { return SQLExpr(sql: "substring(\(s.sql), 1, \(keep))", atomic: true) }
        // greatest() and least() skip nulls, so a null count is decided first.
        return SQLExpr(sql: "CASE WHEN \(n.operand) IS NULL THEN NULL WHEN \(n.operand) >= 0 THEN substring(\(s.sql), 1, \(take)) ELSE substring(\(s.sql), 1, \(keep)) END",
                       atomic: true)
    }

    /// `right(s, n)`: the last n characters; a negative n drops the first -n.
    func right(_ s: SQLExpr, _ n: SQLExpr, _ nArg: BoundExpr) -> SQLExpr {
        if let k = smallConstant(nArg) { return SQLExpr(sql: "right(\(s.sql), \(k))", atomic: true) }
        let len = charLength(s)
        let take = position("least(\(n.sql), \(len))"), keep = position("greatest(\(len) + \(n.operand), 0)")
        if case .constant(.int(let k), _) = nArg, k < 0 { return SQLExpr(sql: "right(\(s.sql), \(keep))", atomic: true) }
        return SQLExpr(sql: "CASE WHEN \(n.operand) IS NULL THEN NULL WHEN \(n.operand) >= 0 THEN right(\(s.sql), \(take)) ELSE right(\(s.sql), \(keep)) END",
                       atomic: true)
    }

    /// SQLite's `substr(s, start[, length])` as planq has it: 1-based, a negative start
    /// counts from the end, a negative length takes the characters before the start.
    /// The common form (positive start, no or non-negative length) is SQL's `substring`;
    /// the rest computes the same half-open character range [lo, hi) and clamps it.
    func substr(_ a: [SQLExpr], _ args: [BoundExpr]) -> SQLExpr {
        let s = a[0], start = a[1]
        let length: SQLExpr? = a.count > 2 ? a[2] : nil
        var constStart: Int64?, constLength: Int64?
        if case .constant(.int(let v), _) = args[1] { constStart = v }
        if args.count > 2, case .constant(.int(let v), _) = args[2] { constLength = v }
        let small = Int64(Int32.max)
        if let st = constStart, st > 0, st <= small, length == nil || ((constLength ?? -1) >= 0 && (constLength ?? 0) <= small) {
            if let l = length { return SQLExpr(sql: "substring(\(s.sql), \(st), \(l.sql))", atomic: true) }
            return SQLExpr(sql: "substring(\(s.sql), \(st))", atomic: true)
        }
        let len = charLength(s)
        let base = "(CASE WHEN \(start.operand) > 0 THEN \(start.operand) - 1 WHEN \(start.operand) = 0 THEN -1 ELSE \(start.operand) + \(len) END)"
        let lo: String, hi: String
        if let l = length {
            lo = "(CASE WHEN \(l.operand) >= 0 THEN \(base) ELSE \(base) + \(l.operand) END)"
            hi = "(CASE WHEN \(l.operand) >= 0 THEN \(base) + \(l.operand) ELSE \(base) END)"
        } else {
            lo = base
            hi = len
        }
        let from = "greatest(\(lo), 0)", to = "least(\(hi), \(len))"
        var nulls = ["\(s.operand) IS NULL", "\(start.operand) IS NULL"]
        if let l = length { nulls.append("\(l.operand) IS NULL") }
        return SQLExpr(sql: "CASE WHEN \(nulls.joined(separator: " OR ")) THEN NULL WHEN \(to) > \(from) THEN substring(\(s.sql), \(position("\(from) + 1")), \(position("\(to) - \(from)"))) ELSE '' END",
                       atomic: true)
    }
}
