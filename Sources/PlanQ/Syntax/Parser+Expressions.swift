/// Expressions, parsed Pratt-style: `expression(_:_:)` parses a prefix form and
/// then keeps folding in infix operators that bind at least as tightly as the
/// level it was asked for (see ``Precedence``). Comparisons and the predicate
/// words (`in`, `between`, `is`, `like`...) share one non-associative level.
extension Parser {
    /// expression = disjunction — an expression at `min` precedence or tighter.
    ///
    /// Each call and each folded operator counts towards ``maxExpressionDepth``
    /// (see ``TokenStream/descend()``); the count is restored on return.
    static func expression(_ s: inout TokenStream, _ min: Precedence = .or) throws -> Expr {
        let outerDepth = s.depth
        defer { s.depth = outerDepth }
        try s.descend()
        var left = try prefix(&s, min)
        var compared = false
        while let p = infixPrecedence(s), p >= min {
            try s.descend()
            if p == .comparison {
                // `a = b = c` reads as a mistake in a query language; make it one.
                if compared {
                    throw s.error("comparisons cannot be chained; found \(s.current.described) after a comparison",
                                  at: s.current, help: "combine comparisons with 'and', or add parentheses")
                }
                compared = true
            }
            left = try infix(&s, left, p)
        }
        return left
    }

    /// The precedence of the current token as an infix operator, or nil if it ends the expression.
    static func infixPrecedence(_ s: TokenStream) -> Precedence? {
        let t = s.current
        switch t.kind {
        case .keyword(.or): return .or
        case .keyword(.and): return .and
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: return .comparison
        case .keyword(.in), .keyword(.between), .keyword(.is), .keyword(.contains), .keyword(.like),
             .keyword(.matches), .keyword(.not):
            return .comparison
        case .identifier:
            return TokenStream.isWord(t, "starts") || TokenStream.isWord(t, "ends") ? .comparison : nil
        case .pipePipe: return .concat
        case .plus, .minus: return .additive
        case .star, .slash, .slashSlash, .percent: return .multiplicative
        default: return nil
        }
    }

    /// Applies the infix operator at the cursor (of precedence `p`) to `left`.
    static func infix(_ s: inout TokenStream, _ left: Expr, _ p: Precedence) throws -> Expr {
        let op: BinaryOp
        switch s.current.kind {
        case .keyword(.or): op = .or
        case .keyword(.and): op = .and
        case .equal: op = .eq
        case .notEqual: op = .ne
        case .less: op = .lt
        case .lessEqual: op = .le
        case .greater: op = .gt
        case .greaterEqual: op = .ge
        case .plus: op = .add
        case .minus: op = .sub
        case .star: op = .mul
        case .slash: op = .div
        case .slashSlash: op = .intDiv
        case .percent: op = .mod
        case .pipePipe: op = .concat
        default: return try predicate(&s, left)
        }
        s.advance()
        // Comparisons take concatenations (and so sums) on the right; other operators are left-associative.
        let right = try expression(&s, p == .comparison ? .concat : p.next)
        return Expr(.binary(op, left, right), left.span.merged(right.span))
    }

    /// predicate = sum ( ["not"] "in" "(" expression { "," expression } ")"
    ///                 | ["not"] "between" sum "and" sum
    ///                 | "is" ["not"] "null"
    ///                 | ["not"] text_op sum )
    static func predicate(_ s: inout TokenStream, _ left: Expr) throws -> Expr {
        let negated = s.match(.not) != nil
        let t = s.current
        switch t.kind {
        case .keyword(.in): return try inList(&s, left, negated: negated)
        case .keyword(.between): return try between(&s, left, negated: negated)
        case .keyword(.is) where !negated: return try isNull(&s, left)
        default: break
        }
        guard let op = try textMatchOperator(&s) else {
            throw s.expected("'in', 'between', 'contains', 'starts with', 'ends with', 'like' or 'matches'")
        }
        let right = try expression(&s, .concat)
        return Expr(.textMatch(op, left, right, negated: negated), left.span.merged(right.span))
    }

    /// text_op = "contains" | "like" | "matches" | "starts" "with" | "ends" "with";
    /// consumes it, or returns nil (consuming nothing) if the cursor is not at one.
    static func textMatchOperator(_ s: inout TokenStream) throws -> TextMatchOp? {
        let t = s.current
        switch t.kind {
        case .keyword(.contains): s.advance(); return .contains
        case .keyword(.like): s.advance(); return .like
        case .keyword(.matches): s.advance(); return .matches
        default: break
        }
        let op: TextMatchOp
        if TokenStream.isWord(t, "starts") {
            op = .startsWith
        } else if TokenStream.isWord(t, "ends") {
            op = .endsWith
        } else {
            return nil
        }
        s.advance()
        guard s.checkWord("with") else { throw s.expected("'with'") }
        s.advance()
        return op
    }

    /// `x [not] in (a, b, ...)`
    static func inList(_ s: inout TokenStream, _ left: Expr, negated: Bool) throws -> Expr {
        s.advance()
        if startsSubquery(s) { return try inQuery(&s, left, negated: negated) }
        let open = try s.expect(.leftParen, "'('")
        var items: [Expr] = []
        repeat {
            items.append(try expression(&s))
        } while s.match(.comma) != nil
        let close = try closingParen(&s, open: open, inList: true)
        return Expr(.inList(left, items, negated: negated), left.span.merged(close.span))
    }

    /// `x [not] between a and b`; the bounds are sums so the `and` is not read as a conjunction.
    static func between(_ s: inout TokenStream, _ left: Expr, negated: Bool) throws -> Expr {
        s.advance()
        let low = try expression(&s, .additive)
        if s.match(.and) == nil {
            throw s.expected("'and'", after: " between the bounds of 'between'")
        }
        let high = try expression(&s, .additive)
        return Expr(.between(left, low, high, negated: negated), left.span.merged(high.span))
    }

    /// `x is [not] null`
    static func isNull(_ s: inout TokenStream, _ left: Expr) throws -> Expr {
        s.advance()
        let negated = s.match(.not) != nil
        let null = try s.expect(.null)
        return Expr(.isNull(left, negated: negated), left.span.merged(null.span))
    }

    /// A `)` closing the `(` token `open`; the error says where that `(` was, since the
    /// missing `)` is often far from where the parser notices.
    /// `inList` adds `','` to the expectation for comma-separated lists.
    static func closingParen(_ s: inout TokenStream, open: Token, inList: Bool = false) throws -> Token {
        if let t = s.match(.rightParen) { return t }
        let (line, column) = DiagnosticRenderer.position(of: open.span.start, in: s.source)
        throw s.expected(inList ? "',' or ')'" : "')'", help: "to close the '(' at \(line):\(column)")
    }

    // MARK: - Prefix forms

    /// negation = "not" negation | comparison ;  unary = "-" unary | postfix
    ///
    /// `not` binds looser than comparisons (`not a = b` is `not (a = b)`), so it is
    /// only accepted where a whole negation may stand, not as the operand of `=` or `+`.
    static func prefix(_ s: inout TokenStream, _ min: Precedence) throws -> Expr {
        let t = s.current
        if t.kind == .keyword(.not) {
            guard min <= .not else {
                throw s.expected("an expression", help: "write '(not ...)' to negate an operand")
            }
            s.advance()
            let operand = try expression(&s, .not)
            return Expr(.unary(.not, operand), t.span.merged(operand.span))
        }
        if t.kind == .minus {
            s.advance()
            if s.check(.integer) { return try postfix(&s, negativeInteger(&s, minus: t)) }
            let operand = try expression(&s, .unary)
            return Expr(.unary(.negate, operand), t.span.merged(operand.span))
        }
        return try postfix(&s, primary(&s))
    }

    /// `-` directly before an integer literal folds into a negative literal, which is
    /// the only way to write Int64.min (its magnitude does not fit in an Int64).
    static func negativeInteger(_ s: inout TokenStream, minus: Token) throws -> Expr {
        let t = s.advance()
        let value: Int64
        if let n = Int64(t.lexeme) {
            value = -n
        } else if let m = UInt64(t.lexeme), m == UInt64(Int64.max) + 1 {
            value = Int64.min
        } else {
            throw s.error("integer literal too large", at: t)
        }
        return Expr(.literal(.int(value)), minus.span.merged(t.span))
    }

    /// postfix = primary [ "month" | "months" | "day" | "days" ]
    static func postfix(_ s: inout TokenStream, _ e: Expr) throws -> Expr {
        let t = s.current
        guard t.kind == .identifier, s.peek().kind != .leftParen else { return e }
        switch t.lexeme.lowercased() {
        case "month", "months":
            s.advance()
            return Expr(.interval(e, months: true), e.span.merged(t.span))
        case "day", "days":
            s.advance()
            return Expr(.interval(e, months: false), e.span.merged(t.span))
        default:
            return e
        }
    }

    /// primary = INTEGER | DECIMAL | STRING | "true" | "false" | "null" | date_literal
    ///         | "today" | call | qualified_name | "(" expression ")"
    static func primary(_ s: inout TokenStream) throws -> Expr {
        let t = s.current
        switch t.kind {
        case .integer:
            s.advance()
            guard let n = Int64(t.lexeme) else { throw s.error("integer literal too large", at: t) }
            return Expr(.literal(.int(n)), t.span)
        case .decimal:
            s.advance()
            guard let d = Double(t.lexeme), d.isFinite else { throw s.error("decimal literal out of range", at: t) }
            return Expr(.literal(.double(d)), t.span)
        case .string:
            s.advance()
            return Expr(.literal(.string(t.value)), t.span)
        case .keyword(.true), .keyword(.false):
            s.advance()
            return Expr(.literal(.bool(t.kind == .keyword(.true))), t.span)
        case .keyword(.null):
            s.advance()
            return Expr(.literal(.null), t.span)
        case .leftParen:
            return try group(&s)
        case .identifier, .quotedIdentifier:
            return try word(&s)
        case .keyword(.left) where s.peek().kind == .leftParen:
            // `left(s, n)`: the join word is also a text function.
            return try call(&s)
        case .keyword(let k):
            throw s.expected("an expression", help: reservedHelp(k))
        default:
            throw s.expected("an expression")
        }
    }

    /// `"(" expression ")"`; the span grows to cover the parentheses.
    static func group(_ s: inout TokenStream) throws -> Expr {
        let open = s.advance()
        var e = try expression(&s)
        let close = try closingParen(&s, open: open)
        e.span = open.span.merged(close.span)
        return e
    }

    /// The forms that start with a name: a date literal, `today`, a call, or a column.
    static func word(_ s: inout TokenStream) throws -> Expr {
        let t = s.current
        let next = s.peek()
        if TokenStream.isWord(t, "date") && next.kind == .string { return try dateLiteral(&s) }
        if TokenStream.isWord(t, "case") && TokenStream.isWord(next, "when") { return try caseExpression(&s) }
        if TokenStream.isWord(t, "case"), next.kind != .leftParen, let e = try simpleCaseExpression(&s) { return e }
        if next.kind == .leftParen { return try call(&s) }
        if TokenStream.isWord(t, "today") {
            s.advance()
            return Expr(.today, t.span)
        }
        return try qualifiedName(&s)
    }

    /// date_literal = "date" STRING — the string must be a real `YYYY-MM-DD` date.
    static func dateLiteral(_ s: inout TokenStream) throws -> Expr {
        let keyword = s.advance()
        let text = s.advance()
        guard let date = CivilDate.parse(text.value) else {
            throw s.error("invalid date literal \(text.lexeme): not a real date in the form YYYY-MM-DD", at: text)
        }
        return Expr(.literal(.date(date.days)), keyword.span.merged(text.span))
    }

    /// call = name "(" [ expression { "," expression } ] ")"
    static func call(_ s: inout TokenStream) throws -> Expr {
        let function = try name(&s, "a function name")
        let open = s.advance()
        var args: [Expr] = []
        if !s.check(.rightParen) {
            repeat {
                args.append(try expression(&s))
            } while s.match(.comma) != nil
        }
        let close = try closingParen(&s, open: open, inList: true)
        if isOver(s) { return try window(&s, function, args) }
        return Expr(.call(function, args), function.span.merged(close.span))
    }

    /// qualified_name = name [ "." name ]
    static func qualifiedName(_ s: inout TokenStream) throws -> Expr {
        let first = try name(&s, "a name")
        guard s.match(.dot) != nil else { return Expr(.name(qualifier: nil, first), first.span) }
        let column = try name(&s, "a column name")
        return Expr(.name(qualifier: first, column), first.span.merged(column.span))
    }
}
