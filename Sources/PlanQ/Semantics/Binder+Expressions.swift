import Foundation

/// Binding of expressions: names, bare enum words, operators and calls.
extension Binder {
    mutating func bindExpr(_ e: Expr, _ scope: Scope) throws -> BoundExpr {
        switch e.kind {
        case .literal(let l):
            return literal(l)
        case .today:
            return .constant(.date(today), .date)
        case .name(let q, let id):
            return try bindName(q, id, scope)
        case .unary(.negate, let a):
            let b = try bindExpr(a, scope)
            guard b.type.isNumeric || b.type == .null else {
                throw error("cannot negate \(b.type)", e.span)
            }
            return .negate(b, b.type == .null ? .int : b.type)
        case .unary(.not, let a):
            let b = try bindExpr(a, scope)
            try requireBool(b, a.span, "not")
            return .not(b)
        case .binary(let op, let a, let b):
            switch op {
            case .and, .or:
                let l = try bindExpr(a, scope), r = try bindExpr(b, scope)
                try requireBool(l, a.span, op.rawValue)
                try requireBool(r, b.span, op.rawValue)
                return op == .and ? .and(l, r) : .or(l, r)
            case .eq, .ne, .lt, .le, .gt, .ge:
                return try bindComparison(op, a, b, e.span, scope)
            case .add, .sub, .mul, .div, .intDiv, .mod:
                return try bindArithmetic(op, a, b, e.span, scope)
            case .concat:
                return try bindConcat(a, b, scope)
            }
        case .caseWhen(let whens, let otherwise):
            return try bindCase(whens, otherwise, e.span, scope)
        case .call(let f, let args):
            if let fn = AggregateFunction.named(f.name) {
                return try bindAggregateReference(fn, f, args, e.span)
            }
            if f.name.lowercased() == "split" {
                throw error("split() gives several values, so it can only be used in an unnest clause", e.span,
                            help: "for example: actions unnest split(owner, \" and \") as person")
            }
            if f.name.lowercased() == "if" { return try bindIf(f, args, e.span, scope) }
            guard let fn = ScalarFunction(rawValue: f.name.lowercased()) else {
                if let w = WindowFunction.named(f.name) {
                    throw error("\(w.rawValue)() is a window function and needs 'over (...)'", e.span,
                                help: "for example: let r = \(w.signature) over (per theme sort by period)")
                }
                if let help = FunctionHints.help(for: f.name) {
                    throw error("unknown function '\(f.name)'", f.span, help: help)
                }
                let all = ScalarFunction.allCases.map(\.rawValue) + AggregateFunction.allCases.map(\.rawValue) + ["if"]
                throw error("unknown function '\(f.name)'", f.span).withSuggestion(EditDistance.suggest(f.name, among: all))
            }
            var bound = try args.map { try bindExpr($0, scope) }
            switch fn.resultType(bound.map(\.type)) {
            case .failure(let m): throw error(m.text, e.span)
            case .success(let t):
                if fn == .coalesce { bound = bound.map { cast($0, to: t) } }
                if fn == .pow || fn == .sqrt { bound = bound.map { cast($0, to: .double) } }
                if fn == .round, bound[0].type == .int, bound.count == 2 { bound[0] = cast(bound[0], to: .double) }
                if [.lower, .upper, .trim, .length, .substr, .left, .right, .to_text].contains(fn), bound[0].type.enumType != nil { bound[0] = cast(bound[0], to: .text) }
                if fn == .replace { bound = bound.map { $0.type.enumType != nil || $0.type == .null ? cast($0, to: .text) : $0 } }
                if fn == .to_text, bound[0].type == .null { bound[0] = cast(bound[0], to: .text) }
                return .call(fn, bound, t)
            }
        case .inQuery(let x, let q, let negated):
            return try bindInQuery(x, q, negated: negated, e.span, scope)
        case .inList(let x, let items, let negated):
            // `x in (table)`: a lone name that is a table and not a column is a query.
            if items.count == 1, case .name(nil, let t) = items[0].kind, scope.lookup(t.name, qualifier: nil).isEmpty,
               catalog.table(t.name) != nil {
                let q = Query(table: t, clauses: [], span: t.span)
                return try bindInQuery(x, q, negated: negated, e.span, scope)
            }
            let l = try bindExpr(x, scope)
            var values: [Value] = []
            var exprs: [BoundExpr] = []
            for item in items {
                let r = try bindOperand(item, scope, against: l)
                checkLiteral(item, r, against: l, scope)
                exprs.append(r)
                if case .constant(let v, _) = r { values.append(v) }
            }
            if values.count == exprs.count, exprs.allSatisfy({ TypeRules.unify($0.type, l.type) == l.type || $0.type == .null }) {
                if l.type == .double { values = values.map { v in v.asDouble.map(Value.double) ?? v } }
                return .inList(l, values, negated: negated)
            }
            var chain: BoundExpr?
            for (item, r) in zip(items, exprs) {
                let c = try comparison(.eq, l, r, item.span)
                chain = chain.map { .or($0, c) } ?? c
            }
            guard let c = chain else { throw error("'in' needs at least one value", e.span) }
            return negated ? .not(c) : c
        case .between(let x, let lo, let hi, let negated):
            let v = try bindExpr(x, scope)
            let l = try bindOperand(lo, scope, against: v), h = try bindOperand(hi, scope, against: v)
            let both = BoundExpr.and(try comparison(.ge, v, l, lo.span), try comparison(.le, v, h, hi.span))
            return negated ? .not(both) : both
        case .isNull(let x, let negated):
            return .isNull(try bindExpr(x, scope), negated: negated)
        case .textMatch(let op, let x, let p, let negated):
            var l = try bindExpr(x, scope)
            let r = try bindExpr(p, scope)
            guard l.type == .text || l.type.isCoded || l.type == .null else {
                throw error("'\(op.rawValue)' works on text, but this is \(l.type)", x.span)
            }
            guard r.type == .text || r.type.isCoded || r.type == .null else {
                throw error("'\(op.rawValue)' needs a text pattern, but this is \(r.type)", p.span)
            }
            if l.type.enumType != nil { l = .cast(l, to: .text) }
            if op == .matches {
                guard case .constant(.text(let pattern), _) = r else {
                    throw error("'matches' needs a constant regular expression", p.span)
                }
                if (try? NSRegularExpression(pattern: pattern)) == nil {
                    throw error("invalid regular expression \"\(pattern)\"", p.span)
                }
            }
            return .textMatch(op, l, cast(r, to: .text), negated: negated)
        case .window(let f, let args, let clause):
            return try bindWindow(f, args, clause, e.span, scope)
        case .interval:
            throw error("an interval such as '3 months' can only be added to or taken from a date", e.span)
        }
    }

    func literal(_ l: Literal) -> BoundExpr {
        switch l {
        case .null: return .constant(.null, .null)
        case .bool(let b): return .constant(.bool(b), .bool)
        case .int(let i): return .constant(.int(i), .int)
        case .double(let d): return .constant(.double(d), .double)
        case .string(let s): return .constant(.text(s), .text)
        case .date(let d): return .constant(.date(d), .date)
        }
    }

    func requireBool(_ b: BoundExpr, _ span: SourceSpan, _ op: String) throws {
        guard b.type == .bool || b.type == .null else {
            throw error("'\(op)' needs true/false operands, but this is \(b.type)", span)
        }
    }

    /// A column reference; ambiguity and typos are errors with the candidates.
    func bindName(_ q: Identifier?, _ id: Identifier, _ scope: Scope) throws -> BoundExpr {
        let found = scope.lookup(id.name, qualifier: q?.name)
        if found.count == 1, let c = found.first { return .column(c.id, c.type) }
        let span = q.map { $0.span.merged(id.span) } ?? id.span
        if found.count > 1 {
            let names = found.map(\.qualifiedName)
            if Set(names.map { $0.lowercased() }).count < names.count {
                throw error("column '\(id.name)' is ambiguous: the query reads \(found[0].qualifier ?? "its table") more than once", span,
                            help: "name each side with 'as' (\(found[0].qualifier ?? "t") as a join \(found[0].qualifier ?? "t") as b on ...) and write a.\(id.name)")
            }
            throw error("column '\(id.name)' is ambiguous: it could be \(names.joined(separator: " or "))", span,
                        help: "qualify it, for example \(names[0])")
        }
        if let q, !scope.visible.contains(where: { $0.qualifier?.lowercased() == q.name.lowercased() }) {
            let quals = Set(scope.visible.compactMap(\.qualifier)).sorted()
            throw error("unknown table '\(q.name)' in '\(q.name).\(id.name)'", q.span)
                .withSuggestion(EditDistance.suggest(q.name, among: quals))
        }
        let candidates = scope.visible.filter { q == nil || $0.qualifier?.lowercased() == q?.name.lowercased() }.map(\.name)
        throw error("unknown column '\(id.name)'", span)
            .withSuggestion(EditDistance.suggest(id.name, among: candidates))
    }

    /// Binds `e` as the operand of a comparison with `other`: a bare word that is not a
    /// column becomes a value of `other`'s column (`status = red`); a string becomes
    /// an enum value or a date where `other` is one.
    mutating func bindOperand(_ e: Expr, _ scope: Scope, against other: BoundExpr) throws -> BoundExpr {
        if case .name(nil, let id) = e.kind, !id.quoted, scope.lookup(id.name, qualifier: nil).isEmpty {
            let col = sourceColumn(other, scope)
            guard let col, let domain = col.domain else {
                return try bindExpr(e, scope)
            }
            if let v = matchValue(id.name, col) { return v }
            let candidates = domain + scope.visible.map(\.name)
            throw error("no column or \(col.name) value '\(id.name)'", id.span)
                .withSuggestion(EditDistance.suggest(id.name, among: candidates))
        }
        let b = try bindExpr(e, scope)
        if case .constant(.text(let s), _) = b {
            if case .enumeration(let en) = other.type {
                if let c = en.code(of: s) { return .constant(.int(Int64(c)), other.type) }
                throw error("'\(s)' is not a value of \(sourceColumn(other, scope)?.name ?? en.name) (\(en.values.joined(separator: ", ")))", e.span)
                    .withSuggestion(EditDistance.suggest(s, among: en.values))
            }
            if other.type == .date {
                guard let d = CivilDate.parse(s) else {
                    throw error("'\(s)' is not a date (write YYYY-MM-DD)", e.span)
                }
                return .constant(.date(d.days), .date)
            }
        }
        return b
    }

    /// The scope column an expression reads directly (through casts), if any.
    func sourceColumn(_ e: BoundExpr, _ scope: Scope) -> ScopeColumn? {
        switch e {
        case .column(let id, _): return scope.column(id: id)
        case .cast(let x, _): return sourceColumn(x, scope)
        default: return nil
        }
    }

    /// The constant for a bare word among a column's values, matched case-insensitively.
    func matchValue(_ word: String, _ col: ScopeColumn) -> BoundExpr? {
        if case .enumeration(let en) = col.type {
            return en.code(of: word).map { .constant(.int(Int64($0)), col.type) }
        }
        guard let dict = col.dictionary else { return nil }
        if let c = dict.code(of: word) { return .constant(.text(dict[c]), .text) }
        let l = word.lowercased()
        if let s = dict.strings.first(where: { $0.lowercased() == l }) { return .constant(.text(s), .text) }
        return nil
    }

    mutating func bindComparison(_ op: BinaryOp, _ a: Expr, _ b: Expr, _ span: SourceSpan, _ scope: Scope) throws -> BoundExpr {
        // Bind the side that is a real column first, so a bare word on either side resolves against it.
        func isUnknownWord(_ e: Expr) -> Bool {
            if case .name(nil, let id) = e.kind, !id.quoted, scope.lookup(id.name, qualifier: nil).isEmpty { return true }
            return false
        }
        // `red = status`: only when the other side is a known name; two unknown words report the first.
        let aIsWord = isUnknownWord(a) && !isUnknownWord(b)
        if aIsWord {
            let r = try bindExpr(b, scope)
            let l = try bindOperand(a, scope, against: r)
            return try comparison(op, l, r, span)
        }
        let l = try bindExpr(a, scope)
        let r = try bindOperand(b, scope, against: l)
        if op == .eq || op == .ne {
            checkLiteral(b, r, against: l, scope)
            checkLiteral(a, l, against: r, scope)
        }
        return try comparison(op, l, r, span)
    }

    /// A comparison with both sides converted to a common type.
    func comparison(_ op: BinaryOp, _ l0: BoundExpr, _ r0: BoundExpr, _ span: SourceSpan) throws -> BoundExpr {
        var l = l0, r = r0
        if case .enumeration(let x) = l.type, case .enumeration(let y) = r.type, x == y {
            return .compare(op, l, r)
        }
        if l.type.enumType != nil, r.type == .text { l = .cast(l, to: .text) }
        if r.type.enumType != nil, l.type == .text { r = .cast(r, to: .text) }
        guard let t = TypeRules.unify(l.type, r.type) else {
            throw error("cannot compare \(l.type) with \(r.type)", span)
        }
        return .compare(op, cast(l, to: t), cast(r, to: t))
    }

    mutating func bindArithmetic(_ op: BinaryOp, _ a: Expr, _ b: Expr, _ span: SourceSpan, _ scope: Scope) throws -> BoundExpr {
        let l = try bindExpr(a, scope)
        if case .interval(let n, let months) = b.kind, op == .add || op == .sub {
            let nb = try bindExpr(n, scope)
            guard l.type == .date || l.type == .null else {
                throw error("an interval can only be added to or taken from a date, not \(l.type)", span)
            }
            guard nb.type == .int || nb.type == .null else {
                throw error("an interval needs a whole number of \(months ? "months" : "days")", n.span)
            }
            if months { return .addMonths(l, nb, negate: op == .sub) }
            return .arithmetic(op, l, nb, .date)
        }
        let r = try bindExpr(b, scope)
        let lt = l.type, rt = r.type
        if lt == .date || rt == .date {
            if op == .add, lt == .date, rt == .int || rt == .null { return .arithmetic(.add, l, r, .date) }
            if op == .add, rt == .date, lt == .int || lt == .null { return .arithmetic(.add, r, l, .date) }
            if op == .sub, lt == .date, rt == .int || rt == .null { return .arithmetic(.sub, l, r, .date) }
            if op == .sub, lt == .date, rt == .date { return .arithmetic(.sub, l, r, .int) }
            throw error("cannot apply '\(op.rawValue)' to \(lt) and \(rt)", span,
                        help: "dates take '+ n days', '- n months', or date - date (days between)")
        }
        guard (lt.isNumeric || lt == .null), (rt.isNumeric || rt == .null) else {
            throw error("cannot apply '\(op.rawValue)' to \(lt) and \(rt)", span)
        }
        if op == .div {
            return .arithmetic(.div, cast(l, to: .double), cast(r, to: .double), .double)
        }
        if op == .intDiv {
            guard lt != .double, rt != .double else {
                throw error("'//' is integer division and needs integers; use '/' for doubles", span)
            }
            return .arithmetic(.intDiv, l, r, .int)
        }
        let t: DataType = (lt == .double || rt == .double) ? .double : .int
        return .arithmetic(op, cast(l, to: t), cast(r, to: t), t)
    }
}
