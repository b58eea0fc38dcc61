import Foundation

/// Text predicates and functions. With a constant pattern each runs once per
/// dictionary entry (cached), then the batch gathers the answers by code.
///
/// `contains`, `starts with`, `ends with` and `like` ignore case; `matches` is a
/// regular expression (ICU syntax), case-sensitive unless it says `(?i)`.
extension ExpressionExecutor {
    func textMatch(_ op: TextMatchKind, _ a: Vector, _ pattern: PhysicalExpr, _ batch: Batch, negated: Bool) throws -> Vector {
        guard case .text(let codes, let dict) = a.data else {
            let n = a.count
            return Vector(.bool(ContiguousArray(repeating: 0, count: n)[...]), validity: ValidityMask(count: n, allValid: false))
        }
        var r: ArraySlice<UInt8>
        var validity = a.validity
        if case .constant(let pv, _) = pattern {
            guard case .text(let p) = pv else {
                return Vector(.bool(ContiguousArray(repeating: 0, count: a.count)[...]), validity: ValidityMask(count: a.count, allValid: false))
            }
            let pred = try TextKernels.predicate(op, p, budget: context.limits.regexMilliseconds)
            r = try gatherTable(codes, dictionaryTable(dict, "\(op.rawValue)\u{0}\(p)", pred))
        } else {
            let pv = try evaluate(pattern, batch)
            guard case .text(let pcodes, let pdict) = pv.data else {
                return Vector(.bool(ContiguousArray(repeating: 0, count: a.count)[...]), validity: ValidityMask(count: a.count, allValid: false))
            }
            var out = ContiguousArray<UInt8>(repeating: 0, count: a.count)
            for i in 0..<a.count {
                let p = pdict[pcodes[pcodes.startIndex + i]]
                let pred = try TextKernels.predicate(op, p, budget: context.limits.regexMilliseconds)
                out[i] = try pred(dict[codes[codes.startIndex + i]]) ? 1 : 0
            }
            r = out[...]
            validity = ValidityMask.and(a.validity, pv.validity)
        }
        if negated { r = map1(r) { $0 ^ 1 } }
        return Vector(.bool(r), validity: validity)
    }

    /// `lower`, `upper`, `trim`: a new dictionary built once per source dictionary.
    func mapText(_ v: Vector, _ name: String, _ f: (String) -> String) -> Vector {
        guard case .text(let codes, let dict) = v.data else { return v }
        let (remap, out) = textMaps.value(.init(dict, name)) {
            let d = StringDictionary()
            return (ContiguousArray(dict.strings.map { d.intern(f($0)) }), d)
        }
        return Vector(.text(gatherTable(codes, remap), out), validity: v.validity)
    }

    /// `length`: characters per dictionary entry, then gathered.
    func textLength(_ v: Vector) -> Vector {
        guard case .text(let codes, let dict) = v.data else { return v }
        let table = intTables.value(.init(dict, "length")) { ContiguousArray(dict.strings.map { Int64($0.count) }) }
        return Vector(.int(gatherTable(codes, table)), validity: v.validity)
    }
}

enum TextKernels {
    /// The predicate a text-match operator applies to each string. Regular
    /// expressions (`matches`, and `like` compiled to one) run under a time
    /// budget of `budget` milliseconds per value.
    static func predicate(_ op: TextMatchKind, _ p: String, budget: Int = 1000) throws -> (String) throws -> Bool {
        // Foundation finds no range for an empty pattern, but every string contains,
        // starts and ends with "" (SQL: instr(s, '') = 1, s LIKE '%').
        if p.isEmpty, op == .contains || op == .startsWith || op == .endsWith { return { _ in true } }
        switch op {
        case .contains:
            return { $0.range(of: p, options: [.caseInsensitive]) != nil }
        case .startsWith:
            return { $0.range(of: p, options: [.caseInsensitive, .anchored]) != nil }
        case .endsWith:
            return { $0.range(of: p, options: [.caseInsensitive, .anchored, .backwards]) != nil }
        case .like:
            let re = try NSRegularExpression(pattern: likeToRegex(p), options: [.caseInsensitive, .dotMatchesLineSeparators])
            return { s in try firstMatch(re, in: s, pattern: p, budget: budget) }
        case .matches:
            guard let re = try? NSRegularExpression(pattern: p) else {
                throw Diagnostic("invalid regular expression \"\(p)\"")
            }
            return { s in try firstMatch(re, in: s, pattern: p, budget: budget) }
        }
    }

    /// Whether `re` matches somewhere in `s`, giving up with an error after
    /// `budget` milliseconds. ICU's matcher backtracks, so a pattern like
    /// `(a+)+$` takes exponential time on `aaaa…b`; the progress callback
    /// (`.reportProgress`) lets the match be stopped instead of hanging.
    static func firstMatch(_ re: NSRegularExpression, in s: String, pattern: String, budget: Int) throws -> Bool {
        var found = false, timedOut = false
        let start = DispatchTime.now().uptimeNanoseconds
        let limit = UInt64(max(1, budget)) * 1_000_000
        re.enumerateMatches(in: s, options: [.reportProgress], range: NSRange(s.startIndex..., in: s)) { m, _, stop in
            if m != nil {
                found = true
                stop.pointee = true
            } else if DispatchTime.now().uptimeNanoseconds - start > limit {
                timedOut = true
                stop.pointee = true
            }
        }
        if timedOut && !found {
            let shown = TerminalText.visible(s.count > 40 ? String(s.prefix(40)) + "…" : s)
            throw Diagnostic("regular expression \"\(pattern)\" took more than \(budget) ms on the value \"\(shown)\"",
                             help: "the pattern backtracks catastrophically (nested repetition such as (a+)+); simplify it")
        }
        return found
    }

    /// SQL `like` (`%` any run, `_` one character) as an anchored regular expression.
    static func likeToRegex(_ p: String) -> String {
        var out = "^"
        for ch in p {
            switch ch {
            case "%": out += ".*"
            case "_": out += "."
            default: out += NSRegularExpression.escapedPattern(for: String(ch))
            }
        }
        return out + "$"
    }
}
