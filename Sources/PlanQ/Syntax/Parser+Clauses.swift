/// The clause rules: each starts at its keyword and ends where the next clause,
/// a `;` or the end of input begins. Comma-separated lists end at the first item
/// not followed by a comma, so no clause needs to know the others' keywords.
extension Parser {
    /// clause = where | having | let | group | aggregate | pivot | sort | limit | top
    ///        | select | distinct | join
    ///
    /// `grouped` says whether an earlier clause of the query grouped the rows.
    static func clause(_ s: inout TokenStream, grouped: Bool) throws -> Clause {
        let t = s.current
        if let c = try contextualClause(&s) { return c }
        guard case .keyword(let k) = t.kind else { throw unknownClause(s) }
        switch k {
        case .where: return try filterClause(&s, isHaving: grouped)
        case .having: return try filterClause(&s, isHaving: true)
        case .let: return try letClause(&s)
        case .group: return try groupClause(&s)
        case .aggregate: return try aggregateClause(&s)
        case .pivot: return try pivotClause(&s)
        case .sort, .order: return try sortClause(&s)
        case .limit: return try limitClause(&s)
        case .top: return try topClause(&s)
        case .select: return try selectClause(&s)
        case .distinct: return Clause(kind: .distinct, span: s.advance().span)
        case .join, .left: return try joinClause(&s)
        default: throw unknownClause(s)
        }
    }

    /// The error for a token that cannot start a clause, with a "did you mean" for
    /// misspelled clause words (`wher` → `where`).
    static func unknownClause(_ s: TokenStream) -> Diagnostic {
        let t = s.current
        if let slip = clauseSlip(s) { return slip }
        if t.kind == .identifier {
            let words = Keyword.clauseStarters.map(\.rawValue) + Parser.contextualClauseWords
            if let hint = EditDistance.suggest(t.lexeme, among: words) {
                return s.error("unknown clause '\(t.lexeme)'; did you mean '\(hint)'?", at: t)
            }
            return s.error("unknown clause '\(t.lexeme)'", at: t,
                           help: "clauses are where, let, group by, aggregate, having, pivot, sort by, limit, top, select, distinct, join, semi join, anti join, union, unnest")
        }
        return s.error("expected a clause or ';', found \(t.described)", at: t)
    }

    /// where = "where" expression ;  having = "having" expression
    static func filterClause(_ s: inout TokenStream, isHaving: Bool) throws -> Clause {
        let start = s.advance()
        let e = try expression(&s)
        return Clause(kind: .filter(e, isHaving: isHaving), span: start.span.merged(e.span))
    }

    /// let = "let" binding { "," binding } ;  binding = name "=" expression
    static func letClause(_ s: inout TokenStream) throws -> Clause {
        let start = s.advance()
        var bindings: [(Identifier, Expr)] = []
        var end = start.span
        repeat {
            let n = try name(&s, "a name to bind")
            _ = try s.expect(.equal, "'='")
            let e = try expression(&s)
            bindings.append((n, e))
            end = e.span
        } while s.match(.comma) != nil
        return Clause(kind: .bind(bindings), span: start.span.merged(end))
    }

    /// group = "group" "by" named_list [ "aggregate" named_list ]
    static func groupClause(_ s: inout TokenStream) throws -> Clause {
        let start = s.advance()
        _ = try s.expect(.by)
        let keys = try namedList(&s)
        var end = keys.last.map(span) ?? start.span
        var aggregates: [NamedExpr]?
        if s.match(.aggregate) != nil {
            let aggs = try namedList(&s)
            end = aggs.last.map(span) ?? end
            aggregates = aggs
        }
        return Clause(kind: .groupBy(keys: keys, aggregates: aggregates), span: start.span.merged(end))
    }

    /// aggregate = "aggregate" named_list
    ///
    /// On its own (without `group by`) it aggregates the whole table into one row:
    /// a grouping with no keys.
    static func aggregateClause(_ s: inout TokenStream) throws -> Clause {
        let start = s.advance()
        let aggs = try namedList(&s)
        let end = aggs.last.map(span) ?? start.span
        return Clause(kind: .groupBy(keys: [], aggregates: aggs), span: start.span.merged(end))
    }

    /// pivot = "pivot" expression
    static func pivotClause(_ s: inout TokenStream) throws -> Clause {
        let start = s.advance()
        let e = try expression(&s)
        return Clause(kind: .pivot(e), span: start.span.merged(e.span))
    }

    /// sort = ( "sort" | "order" ) "by" sort_key { "," sort_key }
    static func sortClause(_ s: inout TokenStream) throws -> Clause {
        let start = s.advance()
        _ = try s.expect(.by)
        var keys: [SortKey] = []
        var end = start.span
        repeat {
            let (key, span) = try sortKey(&s)
            keys.append(key)
            end = span
        } while s.match(.comma) != nil
        return Clause(kind: .sort(keys), span: start.span.merged(end))
    }

    /// sort_key = expression [ "asc" | "desc" ]; returns the key and its span.
    static func sortKey(_ s: inout TokenStream) throws -> (SortKey, SourceSpan) {
        let e = try expression(&s)
        if let d = s.match(.desc) { return (SortKey(expr: e, descending: true), e.span.merged(d.span)) }
        if let a = s.match(.asc) { return (SortKey(expr: e, descending: false), e.span.merged(a.span)) }
        return (SortKey(expr: e, descending: false), e.span)
    }

    /// limit = "limit" INTEGER
    static func limitClause(_ s: inout TokenStream) throws -> Clause {
        let start = s.advance()
        let (n, t) = try count(&s)
        return Clause(kind: .limit(n), span: start.span.merged(t.span))
    }

    /// top = "top" INTEGER "by" expression [ "asc" | "desc" ] [ "per" expression { "," expression } ]
    ///
    /// Unlike `sort by`, `top` means the largest first unless `asc` is written.
    static func topClause(_ s: inout TokenStream) throws -> Clause {
        let start = s.advance()
        let (n, countToken) = try count(&s)
        if !s.check(.by) {
            throw s.expected("'by'", after: " after 'top \(countToken.lexeme)'")
        }
        s.advance()
        let e = try expression(&s)
        var end = e.span
        var descending = true
        if let a = s.match(.asc) {
            descending = false
            end = a.span
        } else if let d = s.match(.desc) {
            end = d.span
        }
        var per: [Expr] = []
        if s.match(.per) != nil {
            repeat {
                let k = try expression(&s)
                per.append(k)
                end = k.span
            } while s.match(.comma) != nil
        }
        let key = SortKey(expr: e, descending: descending)
        return Clause(kind: .top(n: n, by: key, per: per), span: start.span.merged(end))
    }

    /// A row count after `limit` / `top`: a non-negative integer literal.
    static func count(_ s: inout TokenStream) throws -> (Int64, Token) {
        let t = s.current
        guard t.kind == .integer else { throw s.expected("a non-negative integer") }
        s.advance()
        guard let n = Int64(t.lexeme) else { throw s.error("integer literal too large", at: t) }
        return (n, t)
    }

    /// select = "select" named_list
    static func selectClause(_ s: inout TokenStream) throws -> Clause {
        let start = s.advance()
        let items = try namedList(&s)
        let end = items.last.map(span) ?? start.span
        return Clause(kind: .select(items), span: start.span.merged(end))
    }

    /// join = [ "left" ] "join" name [ "as" name ] "on" join_key { "," join_key }
    static func joinClause(_ s: inout TokenStream) throws -> Clause {
        let start = s.current
        let isLeft = s.match(.left) != nil
        _ = try s.expect(.join)
        let (table, alias, keys, end) = try joinTail(&s)
        return Clause(kind: .join(table: table, alias: alias, keys: keys, left: isLeft), span: start.span.merged(end))
    }

    /// What follows `join`: name [ "as" name ] "on" join_key { "," join_key }; returns the
    /// table, its alias, the keys and the span of the last key.
    static func joinTail(_ s: inout TokenStream) throws -> (Identifier, Identifier?, [JoinKey], SourceSpan) {
        let table = try name(&s, "a table name")
        var alias: Identifier?
        if s.match(.as) != nil { alias = try name(&s, "a name for the table") }
        _ = try s.expect(.on)
        var keys: [JoinKey] = []
        var end = table.span
        repeat {
            let (key, span) = try joinKey(&s)
            keys.append(key)
            end = span
        } while s.match(.comma) != nil
        return (table, alias, keys, end)
    }

    /// join_key = sum [ "=" sum ]
    ///
    /// Sides are parsed above comparisons so the `=` is the key's own separator.
    static func joinKey(_ s: inout TokenStream) throws -> (JoinKey, SourceSpan) {
        let left = try expression(&s, .additive)
        guard s.match(.equal) != nil else { return (JoinKey(left: left, right: nil), left.span) }
        let right = try expression(&s, .additive)
        return (JoinKey(left: left, right: right), left.span.merged(right.span))
    }

    /// named_list = named { "," named } ;  named = expression [ "as" name ]
    static func namedList(_ s: inout TokenStream) throws -> [NamedExpr] {
        var items: [NamedExpr] = []
        repeat {
            let e = try expression(&s)
            var alias: Identifier?
            if s.match(.as) != nil { alias = try name(&s, "a name") }
            items.append(NamedExpr(expr: e, alias: alias))
        } while s.match(.comma) != nil
        return items
    }

    /// The source span of a named item, alias included.
    static func span(_ n: NamedExpr) -> SourceSpan {
        n.alias.map { n.expr.span.merged($0.span) } ?? n.expr.span
    }
}
