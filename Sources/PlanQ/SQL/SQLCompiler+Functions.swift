/// Compiling text matching and scalar functions.
extension SQLCompiler {
    /// The characters planq's `trim` removes (Unicode white space and line breaks).
    static let trimCharacters: String = {
        var s = " \t\n\r\u{0B}\u{0C}\u{85}\u{A0}\u{1680}"
        for c in 0x2000...0x200A { s.unicodeScalars.append(Unicode.Scalar(UInt32(c))!) }
        s += "\u{2028}\u{2029}\u{202F}\u{205F}\u{3000}"
        return s
    }()

    /// `contains`, `starts with`, `ends with` and `like` ignore case; `matches` is a
    /// case-sensitive regular expression found anywhere in the text.
    func textMatch(_ op: TextMatchOp, _ a: SQLExpr, _ pattern: BoundExpr,
                   _ cols: [ColumnID: SQLRelation.Column]) throws -> SQLExpr {
        let p = try expr(pattern, cols)
        let la = "lower(\(a.sql))", lp = "lower(\(p.sql))"
        switch op {
        case .contains:
            switch dialect {
            case .postgres: return SQLExpr(sql: "strpos(\(la), \(lp)) > 0", atomic: false)
            case .duckdb, .spark: return SQLExpr(sql: "contains(\(la), \(lp))", atomic: true)
            }
        case .startsWith:
            switch dialect {
            case .postgres, .duckdb: return SQLExpr(sql: "starts_with(\(la), \(lp))", atomic: true)
            case .spark: return SQLExpr(sql: "startswith(\(la), \(lp))", atomic: true)
            }
        case .endsWith:
            switch dialect {
            case .postgres: return SQLExpr(sql: "right(\(la), char_length(\(lp))) = \(lp)", atomic: false)
            case .duckdb: return SQLExpr(sql: "ends_with(\(la), \(lp))", atomic: true)
            case .spark: return SQLExpr(sql: "endswith(\(la), \(lp))", atomic: true)
            }
        case .like:
            // planq's like has no escape character: a backslash in the pattern is itself.
            let escaped: String
            if case .constant(.text(let s), _) = pattern {
                escaped = "lower(\(dialect.string(s.replacingOccurrences(of: "\\", with: "\\\\"))))"
            } else {
                escaped = "replace(\(lp), \(dialect.string("\\")), \(dialect.string("\\\\")))"
            }
            return SQLExpr(sql: "\(la) LIKE \(escaped) ESCAPE \(dialect.string("\\"))", atomic: false)
        case .matches:
            if case .constant(.text(let s), _) = pattern {
                try checkRegex(s)
            }
            switch dialect {
            case .postgres: return SQLExpr(sql: "\(a.operand) ~ \(p.operand)", atomic: false)
            case .duckdb: return SQLExpr(sql: "regexp_matches(\(a.sql), \(p.sql))", atomic: true)
            case .spark: return SQLExpr(sql: "\(a.operand) RLIKE \(p.operand)", atomic: false)
            }
        }
    }

    /// Refuses a regular expression whose syntax the dialect's engine reads differently
    /// (RE2 in DuckDB has no look-around or back-references; PostgreSQL has no `\p{...}`).
    func checkRegex(_ s: String) throws {
        func refuse(_ what: String) -> SQLUnsupported {
            SQLUnsupported(message: "\(what) in a regular expression is not available on \(dialect.displayName)",
                           help: "rewrite the pattern without it, or run the query in planq", anchor: .textOp(.matches))
        }
        let lookaround = ["(?=", "(?!", "(?<=", "(?<!"]
        let backref = s.range(of: #"\\[1-9]"#, options: .regularExpression) != nil
        switch dialect {
        case .duckdb:
            if lookaround.contains(where: s.contains) { throw refuse("look-around") }
            if backref { throw refuse("a back-reference") }
            if s.contains("(?<") { throw refuse("a named group") }
        case .postgres:
            if s.contains("\\p{") || s.contains("\\P{") { throw refuse("a Unicode property (\\p{...})") }
            if s.contains("(?<") && !s.contains("(?<=") && !s.contains("(?<!") { throw refuse("a named group") }
            // PostgreSQL's regular expressions repeat at most 255 times ({n,m}).
            if let r = s.range(of: #"\{[0-9]*,?[0-9]*\}"#, options: .regularExpression),
               s[r].split(whereSeparator: { !$0.isNumber }).contains(where: { (Int($0) ?? 0) > 255 }) {
                throw refuse("a repetition count over 255")
            }
            // PostgreSQL takes embedded options such as (?i) only at the very start.
            if let r = s.range(of: #"\(\?[a-zA-Z]+\)"#, options: .regularExpression), r.lowerBound != s.startIndex {
                throw refuse("an inline flag such as (?i) after the start")
            }
        case .spark:
            break
        }
    }

    func call(_ f: ScalarFunction, _ a: [SQLExpr], _ args: [BoundExpr], _ t: DataType) throws -> SQLExpr {
        func fn(_ name: String, _ xs: [SQLExpr]) -> SQLExpr {
            SQLExpr(sql: "\(name)(\(xs.map(\.sql).joined(separator: ", ")))", atomic: true)
        }
        switch f {
        case .replace: return replace(a, args)
        case .substr: return substr(a, args)
        case .left: return left(a[0], a[1], args[1])
        case .right: return right(a[0], a[1], args[1])
        case .to_text: return try toText(args[0], a[0])
        case .coalesce: return fn("COALESCE", a)
        case .lower: return fn("lower", a)
        case .upper: return fn("upper", a)
        case .trim:
            let chars = dialect.string(SQLCompiler.trimCharacters)
            switch dialect {
            case .postgres: return SQLExpr(sql: "btrim(\(a[0].sql), \(chars))", atomic: true)
            case .duckdb: return SQLExpr(sql: "trim(\(a[0].sql), \(chars))", atomic: true)
            case .spark: return SQLExpr(sql: "trim(BOTH \(chars) FROM \(a[0].sql))", atomic: true)
            }
        case .length:
            switch dialect {
            // planq counts characters as a reader sees them (grapheme clusters).
            case .duckdb: return SQLExpr(sql: "CAST(length_grapheme(\(a[0].sql)) AS BIGINT)", atomic: true)
            case .postgres: return SQLExpr(sql: "CAST(char_length(\(a[0].sql)) AS BIGINT)", atomic: true)
            case .spark: return SQLExpr(sql: "CAST(char_length(\(a[0].sql)) AS BIGINT)", atomic: true)
            }
        case .round:
            if args[0].type == .int && a.count == 1 { return a[0] }
            if a.count == 1 { return roundHalfAway(a[0]) }
            // As planq: scale by 10^digits (digits clamped to ±15), round, scale back.
            let p: String
            if case .constant(.int(let d), _) = args[1] {
                p = dialect.double(pow10(max(-15, min(15, Int(d)))))
            } else {
                p = "power(\(dialect.double(10)), CAST(greatest(-15, least(15, \(a[1].sql))) AS \(dialect.typeName(.double))))"
            }
            let scaled = SQLExpr(sql: "\(a[0].operand) * \(p)", atomic: false)
            return SQLExpr(sql: "\(roundHalfAway(scaled).operand) / \(p)", atomic: false)
        case .abs:
            if t == .int && dialect == .spark {
                return SQLExpr(sql: "CASE WHEN \(a[0].operand) = \(dialect.integer(Int64.min)) THEN raise_error('integer overflow in abs()') ELSE abs(\(a[0].sql)) END", atomic: true)
            }
            return fn("abs", a)
        case .pow: return fn("power", a)
        case .sqrt:
            // The square root of a negative number is NaN in planq; PostgreSQL and DuckDB raise an error.
            return SQLExpr(sql: "CASE WHEN \(a[0].operand) < 0 THEN \(dialect.double(.nan)) ELSE sqrt(\(a[0].sql)) END", atomic: true)
        case .year: return datePart("year", a[0])
        case .month: return datePart("month", a[0])
        case .quarter: return datePart("quarter", a[0])
        case .fy_quarter:
            // April–June is quarter 1: shift the calendar quarter by one.
            return SQLExpr(sql: "(\(datePart("quarter", a[0]).sql) + 2) % 4 + 1", atomic: false)
        case .fy:
            let y = "\(datePart("year", a[0]).sql) - CASE WHEN \(datePart("month", a[0]).sql) < 4 THEN 1 ELSE 0 END"
            let text = dialect.typeName(.text)
            let next = "lpad(CAST((\(y) + 1) % 100 AS \(text)), 2, '0')"
            let label = dialect == .spark ? "concat(CAST(\(y) AS \(text)), '/', \(next))"
                                          : "CAST(\(y) AS \(text)) || '/' || \(next)"
            return SQLExpr(sql: "CASE WHEN \(a[0].operand) IS NOT NULL THEN \(label) END", atomic: true)
        case .days_between:
            // b − a in days.
            switch dialect {
            case .postgres: return SQLExpr(sql: "CAST(\(a[1].operand) - \(a[0].operand) AS BIGINT)", atomic: true)
            case .duckdb: return SQLExpr(sql: "date_diff('day', \(a[0].sql), \(a[1].sql))", atomic: true)
            case .spark: return SQLExpr(sql: "CAST(datediff(\(a[1].sql), \(a[0].sql)) AS BIGINT)", atomic: true)
            }
        }
    }

    func pow10(_ d: Int) -> Double {
        var p = 1.0
        if d >= 0 { for _ in 0..<d { p *= 10 } } else { for _ in 0..<(-d) { p /= 10 } }
        return p
    }

    /// A calendar part of a date as a 64-bit integer.
    func datePart(_ part: String, _ d: SQLExpr) -> SQLExpr {
        switch dialect {
        case .postgres: return SQLExpr(sql: "CAST(EXTRACT(\(part.uppercased()) FROM \(d.sql)) AS BIGINT)", atomic: true)
        case .duckdb, .spark: return SQLExpr(sql: "\(part)(\(d.sql))", atomic: true)
        }
    }

    /// Rounds half away from zero, as planq does. DuckDB's and Spark's `round` do;
    /// PostgreSQL's `round(double precision)` rounds half to even, so it gets the formula
    /// (integral values from 2^52 up are left alone: they have no fraction).
    func roundHalfAway(_ x: SQLExpr) -> SQLExpr {
        switch dialect {
        case .duckdb, .spark: return SQLExpr(sql: "round(\(x.sql))", atomic: true)
        case .postgres:
            return SQLExpr(sql: "CASE WHEN abs(\(x.sql)) >= 4503599627370496 THEN \(x.sql) ELSE sign(\(x.sql)) * floor(abs(\(x.sql)) + 0.5) END",
                           atomic: true)
        }
    }
}
