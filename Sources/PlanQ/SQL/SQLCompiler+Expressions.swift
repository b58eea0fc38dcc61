


extension BoundExpr {
    /// True for a constant (which orders and groups nothing).
    var isConstant: Bool {
        if case .constant = self { return true }
        if case .cast(let x, _) = self { return x.isConstant }
        return false
    }
}

/// Compiling scalar expressions.
extension SQLCompiler {
    func expr(_ e: BoundExpr, _ cols: [ColumnID: SQLRelation.Column]) throws -> SQLExpr {
        func x(_ e: BoundExpr) throws -> SQLExpr { try expr(e, cols) }
        switch e {
        case .column(let id, _):
            guard let c = cols[id] else { throw SQLUnsupported.internalError("column #\(id) is not in scope") }
            return SQLExpr(sql: c.sql, atomic: true)
        case .constant(let v, let t):
            return SQLExpr(sql: literal(v, t), atomic: true)
        case .cast(let a, let t):
            if case .constant(.null, _) = a { return SQLExpr(sql: dialect.null(t), atomic: true) }
            if case .constant(.int(let i), .int) = a, t == .double { return SQLExpr(sql: dialect.double(Double(i)), atomic: true) }
            let inner = try x(a)
            if a.type.enumType != nil && t == .text { return inner }
            if a.type == t { return inner }
            return SQLExpr(sql: "CAST(\(inner.sql) AS \(dialect.typeName(t)))", atomic: true)
        case .negate(let a, let t):
            let inner = try x(a)
            if t == .int { return checkedInt("-", SQLExpr(sql: "0", atomic: true), inner) }
            return SQLExpr(sql: "-\(inner.operand)", atomic: false)
        case .not(let a):
            return SQLExpr(sql: "NOT \(try x(a).operand)", atomic: false)
        case .arithmetic(let op, let a, let b, let t):
            return try arithmetic(op, a, b, t, cols)
        case .compare(let op, let a, let b):
            return try comparison(op, a, b, cols)
        case .and(let a, let b):
            return SQLExpr(sql: "\(try x(a).operand) AND \(try x(b).operand)", atomic: false)
        case .or(let a, let b):
            return SQLExpr(sql: "\(try x(a).operand) OR \(try x(b).operand)", atomic: false)
        case .isNull(let a, let negated):
            return SQLExpr(sql: "\(try x(a).operand) IS \(negated ? "NOT " : "")NULL", atomic: false)
        case .inList(let a, let values, let negated):
            let items = values.map { literal($0, a.type) }.joined(separator: ", ")
            return SQLExpr(sql: "\(try x(a).operand) \(negated ? "NOT " : "")IN (\(items))", atomic: false)
        case .textMatch(let op, let a, let b, let negated):
            let m = try textMatch(op, try x(a), b, cols)
            return negated ? SQLExpr(sql: "NOT \(m.operand)", atomic: false) : m
        case .call(let f, let args, let t):
            return try call(f, try args.map(x), args, t)
        case .caseWhen(let whens, let otherwise, let t):
            return try caseWhen(whens, otherwise, t, cols)
        case .concat(let a, let b):
            return try concat(a, b, cols)
        case .inQuery(let a, let sub, let negated):
            return try inQuery(a, sub, negated: negated, cols)
        case .addMonths(let d, let n, let negate):
            let date = try x(d), count = try x(n)
            let months = negate ? "-\(count.operand)" : count.sql
            switch dialect {
            case .postgres:
                return SQLExpr(sql: "CAST(\(date.operand) + make_interval(months => CAST(\(months) AS INTEGER)) AS DATE)", atomic: true)
            case .duckdb:
                return SQLExpr(sql: "CAST(\(date.operand) + to_months(CAST(\(months) AS INTEGER)) AS DATE)", atomic: true)
            case .spark:
                return SQLExpr(sql: "add_months(\(date.sql), CAST(\(months) AS INT))", atomic: true)
            }
        }
    }

    /// A constant of type `t`: enum codes become their value text.
    func literal(_ v: Value, _ t: DataType) -> String {
        switch v {
        case .null: return t == .null ? "NULL" : dialect.null(t)
        case .bool(let b): return b ? "TRUE" : "FALSE"
        case .int(let i):
            if let en = t.enumType, i >= 0, Int(i) < en.values.count { return dialect.string(en.values[Int(i)]) }
            if t == .double { return dialect.double(Double(i)) }
            return dialect.integer(i)
        case .double(let d): return dialect.double(d)
        case .date(let d): return dialect.date(d)
        case .text(let s): return dialect.string(s)
        }
    }

    /// An enum value's position in its declared order (`red` 0, `amber` 1, `green` 2).
    func ordinal(_ x: SQLExpr, _ en: EnumType) -> String {
        let whens = en.values.enumerated().map { "WHEN \(dialect.string($0.element)) THEN \($0.offset)" }
        return "CASE \(x.sql) \(whens.joined(separator: " ")) END"
    }

    /// Integer `a op b` that fails on overflow. PostgreSQL and DuckDB check `bigint`
    /// arithmetic themselves; Spark only does under ANSI mode, so its SQL checks with
    /// the `try_` forms and `raise_error`, whatever the session's settings.
    func checkedInt(_ op: String, _ a: SQLExpr, _ b: SQLExpr) -> SQLExpr {
        guard dialect == .spark else {
            if op == "-" && a.sql == "0" { return SQLExpr(sql: "-\(b.operand)", atomic: false) }
            return SQLExpr(sql: "\(a.operand) \(op) \(b.operand)", atomic: false)
        }
        let fn = op == "+" ? "try_add" : op == "-" ? "try_subtract" : "try_multiply"
        let t = "\(fn)(\(a.sql), \(b.sql))"
        let message = dialect.string("integer overflow in '\(op)'")
        return SQLExpr(sql: "CASE WHEN \(t) IS NULL AND \(a.operand) IS NOT NULL AND \(b.operand) IS NOT NULL THEN raise_error(\(message)) ELSE \(t) END",
                       atomic: true)
    }

    func arithmetic(_ op: BinaryOp, _ a: BoundExpr, _ b: BoundExpr, _ t: DataType,
                    _ cols: [ColumnID: SQLRelation.Column]) throws -> SQLExpr {
        let l = try expr(a, cols), r = try expr(b, cols)
        if t == .date {
            // date ± days (the binder puts the date first).
            let days = "CAST(\(r.sql) AS \(dialect == .spark ? "INT" : "INTEGER"))"
            if dialect == .spark {
                return SQLExpr(sql: "\(op == .add ? "date_add" : "date_sub")(\(l.sql), \(days))", atomic: true)
            }
            return SQLExpr(sql: "\(l.operand) \(op == .add ? "+" : "-") \(days)", atomic: false)
        }
        if a.type == .date && b.type == .date {
            // date − date is days.
            switch dialect {
            case .postgres: return SQLExpr(sql: "CAST(\(l.operand) - \(r.operand) AS BIGINT)", atomic: true)
            case .duckdb: return SQLExpr(sql: "date_diff('day', \(r.sql), \(l.sql))", atomic: true)
            case .spark: return SQLExpr(sql: "CAST(datediff(\(l.sql), \(r.sql)) AS BIGINT)", atomic: true)
            }
        }
        // A zero divisor gives null; a constant one that is not zero needs no guard.
        var nonZero = false
        if case .constant(let v, _) = b, let d = v.asDouble, d != 0 { nonZero = true }
        let zeroNull = nonZero ? r.operand : "NULLIF(\(r.sql), 0)"
        switch op {
        case .add, .sub, .mul:
            if t == .int { return checkedInt(op.rawValue, l, r) }
            return SQLExpr(sql: "\(l.operand) \(op.rawValue) \(r.operand)", atomic: false)
        case .div:
            // Division by zero is null in planq.
            return SQLExpr(sql: "\(l.operand) / \(zeroNull)", atomic: false)
        case .intDiv:
            // Truncating division; the smallest integer // -1 overflows.
            switch dialect {
            case .postgres: return SQLExpr(sql: "\(l.operand) / \(zeroNull)", atomic: false)
            case .duckdb: return SQLExpr(sql: "\(l.operand) // \(zeroNull)", atomic: false)
            case .spark:
                let q = "\(l.operand) div \(zeroNull)"
                return SQLExpr(sql: "CASE WHEN \(l.operand) = \(dialect.integer(Int64.min)) AND \(r.operand) = -1 THEN raise_error('integer overflow in ''//''') ELSE \(q) END",
                               atomic: true)
            }
        case .mod:
            // The remainder takes the dividend's sign (truncating), as C's fmod does for doubles.
            if t == .double && dialect == .postgres {
                return SQLExpr(sql: "CAST(mod(CAST(\(l.sql) AS NUMERIC), CAST(\(zeroNull) AS NUMERIC)) AS DOUBLE PRECISION)", atomic: true)
            }
            if t == .int && dialect == .duckdb {
                // DuckDB reports the smallest integer % -1 as an overflow; it is 0.
                return SQLExpr(sql: "CASE WHEN \(r.operand) = -1 THEN 0 ELSE \(l.operand) % \(zeroNull) END", atomic: true)
            }
            return SQLExpr(sql: "\(l.operand) % \(zeroNull)", atomic: false)
        default:
            throw SQLUnsupported.internalError("operator \(op.rawValue) in arithmetic")
        }
    }

    func comparison(_ op: BinaryOp, _ a: BoundExpr, _ b: BoundExpr, _ cols: [ColumnID: SQLRelation.Column]) throws -> SQLExpr {
        let sqlOp = op == .ne ? "<>" : op.rawValue
        var l = try expr(a, cols), r = try expr(b, cols)
        if let en = a.type.enumType, op != .eq && op != .ne {
            // Order comparisons of enums compare positions in the declared order.
            l = SQLExpr(sql: ordinalOf(a, l, en), atomic: true)
            r = SQLExpr(sql: ordinalOf(b, r, en), atomic: true)
        } else if a.type == .text && dialect == .postgres && op != .eq && op != .ne {
            // planq orders text by code point; PostgreSQL's collation may not.
            l = SQLExpr(sql: "\(l.operand) COLLATE \"C\"", atomic: false)
        }
        return SQLExpr(sql: "\(l.operand) \(sqlOp) \(r.operand)", atomic: false)
    }

    /// The ordinal of an enum expression, folded to a number for a constant.
    func ordinalOf(_ e: BoundExpr, _ x: SQLExpr, _ en: EnumType) -> String {
        if case .constant(.int(let c), _) = e { return String(c) }
        if case .constant(.null, _) = e { return "CAST(NULL AS BIGINT)" }
        return ordinal(x, en)
    }
}
