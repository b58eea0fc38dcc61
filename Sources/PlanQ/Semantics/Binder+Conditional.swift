/// Binding of `case`, `if(C, A, B)` and `||`.
extension Binder {
    /// `case when C then E ... [else E] end`: conditions are true/false; the results
    /// unify (int and double give double, an enum and text give text, `null` fits
    /// any); a result that does not fit the others is an error at that result
    /// naming both types.
    mutating func bindCase(_ whens: [WhenClause], _ otherwise: Expr?, _ span: SourceSpan, _ scope: Scope) throws -> BoundExpr {
        var arms: [(condition: BoundExpr, result: BoundExpr)] = []
        var results: [(BoundExpr, SourceSpan)] = []
        for w in whens {
            let c = try bindExpr(w.condition, scope)
            guard c.type == .bool || c.type == .null else {
                throw error("a 'when' condition must be true or false, but this is \(c.type)", w.condition.span,
                            help: "compare it, for example: when \(text(w.condition.span)) > 0 then ...")
            }
            let r = try bindExpr(w.result, scope)
            arms.append((c, r))
            results.append((r, w.result.span))
        }
        var bodyElse: BoundExpr?
        if let otherwise {
            let e = try bindExpr(otherwise, scope)
            bodyElse = e
            results.append((e, otherwise.span))
        }
        let t = try unifiedType(results, what: "case")
        return .caseWhen(arms.map { ($0.condition, cast($0.result, to: t)) }, else: bodyElse.map { cast($0, to: t) }, t)
    }

    /// `if(C, A, B)`: `case when C then A else B end` (a null C gives B).
    mutating func bindIf(_ name: Identifier, _ args: [Expr], _ span: SourceSpan, _ scope: Scope) throws -> BoundExpr {
        guard args.count == 3 else {
            throw error("if() takes 3 arguments (condition, value if true, value otherwise), got \(args.count)", span,
                        help: "for example: if(status = red, 1, 0); for more branches write case when ... then ... end")
        }
        let c = try bindExpr(args[0], scope)
        guard c.type == .bool || c.type == .null else {
            throw error("if()'s first argument must be true or false, but this is \(c.type)", args[0].span)
        }
        let a = try bindExpr(args[1], scope), b = try bindExpr(args[2], scope)
        let t = try unifiedType([(a, args[1].span), (b, args[2].span)], what: "if()")
        return .caseWhen([(c, cast(a, to: t))], else: cast(b, to: t), t)
    }

    /// The common type of a conditional's results, or an error at the first that does not fit.
    func unifiedType(_ results: [(BoundExpr, SourceSpan)], what: String) throws -> DataType {
        var t = DataType.null
        var firstTyped: SourceSpan?
        for (r, s) in results {
            guard let u = TypeRules.unify(t, r.type) else {
                let hint = t == .text || r.type == .text ? "; convert with to_text(...)" : ""
                throw error("\(what) results have incompatible types \(t) and \(r.type)", s,
                            help: "\(what == "case" ? "every result of a case" : "both values of if()") must have one type\(hint)",
                            notes: firstTyped.map { ["the first \(t) result is '\(text($0))'"] } ?? [])
            }
            if t == .null && r.type != .null { firstTyped = s }
            t = u
        }
        return t
    }

    /// `a || b`: text joined; enums and other values are converted as `to_text` does.
    mutating func bindConcat(_ a: Expr, _ b: Expr, _ scope: Scope) throws -> BoundExpr {
        .concat(asText(try bindExpr(a, scope)), asText(try bindExpr(b, scope)))
    }

    /// `e` as text: text as is, an enum as its word, null as a text null, anything else through `to_text`.
    func asText(_ e: BoundExpr) -> BoundExpr {
        switch e.type {
        case .text: return e
        case .enumeration, .null: return cast(e, to: .text)
        case .bool, .int, .double, .date: return .call(.to_text, [e], .text)
        }
    }
}
