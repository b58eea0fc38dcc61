import Foundation

/// `||`, `replace`, `substr`, `left`, `right` and `to_text` over batches.
///
/// With constant arguments besides the text (the usual `substr(code, 1, 2)`,
/// `"NI " || code`), the function runs once per dictionary entry (cached) and
/// the batch gathers the answers by code, like `lower`. Otherwise it runs per row
/// into a fresh dictionary, reusing the answer for a repeated pair of codes.
extension ExpressionExecutor {
    /// `a || b` (both text); null where either side is null.
    func concat(_ a: PhysicalExpr, _ b: PhysicalExpr, _ batch: Batch) throws -> Vector {
        let n = batch.count
        if case .constant(let v, _) = b {
            guard case .text(let suffix) = v else { return Vector(zeroData(.text, n), validity: ValidityMask(count: n, allValid: false)) }
            return mapText(try evaluate(a, batch), "concat\u{0}+\(suffix)") { $0 + suffix }
        }
        if case .constant(let v, _) = a {
            guard case .text(let prefix) = v else { return Vector(zeroData(.text, n), validity: ValidityMask(count: n, allValid: false)) }
            return mapText(try evaluate(b, batch), "concat\u{0}\(prefix)+") { prefix + $0 }
        }
        let x = try evaluate(a, batch), y = try evaluate(b, batch)
        guard case .text(let xc, let xd) = x.data, case .text(let yc, let yd) = y.data else {
            return Vector(zeroData(.text, n), validity: ValidityMask(count: n, allValid: false))
        }
        let out = StringDictionary()
        var pairs: [UInt64: UInt32] = [:]
        let codes = map2(xc, yc) { (p: UInt32, q: UInt32) -> UInt32 in
            let key = UInt64(p) << 32 | UInt64(q)
            if let c = pairs[key] { return c }
            let c = out.intern(xd[p] + yd[q])
            pairs[key] = c
            return c
        }
        return Vector(.text(codes, out), validity: ValidityMask.and(x.validity, y.validity))
    }

    /// `replace`, `substr`, `left`, `right` when every argument after the text is a
    /// constant: once per dictionary entry. Nil when some argument is not constant.
    func textFunctionOnDictionary(_ f: ScalarFunction, _ args: [PhysicalExpr], _ batch: Batch) throws -> Vector? {
        let n = batch.count
        let rest = args.dropFirst()
        let constants = rest.compactMap { e -> Value? in if case .constant(let v, _) = e { return v } else { return nil } }
        guard constants.count == rest.count, let first = args.first else { return nil }
        if constants.contains(where: \.isNull) { return Vector(zeroData(.text, n), validity: ValidityMask(count: n, allValid: false)) }
        let key = "\(f.rawValue)\u{0}" + constants.map(\.description).joined(separator: "\u{0}")
        return mapText(try evaluate(first, batch), key) { TextFunctions.apply(f, $0, constants) }
    }

    /// `replace`, `substr`, `left`, `right` row by row (some argument varies per row).
    func textFunctionRows(_ f: ScalarFunction, _ args: [Vector]) -> Vector {
        guard let text = args.first else { return Vector(.null(0)) }
        let n = text.count
        let others = args.dropFirst()
        guard case .text(let codes, let dict) = text.data,
              !others.contains(where: { if case .null = $0.data { return true } else { return false } }) else {
            return Vector(zeroData(.text, n), validity: ValidityMask(count: n, allValid: false))
        }
        let out = StringDictionary()
        out.intern("")
        var result = ContiguousArray<UInt32>(repeating: 0, count: n)
        let validity = others.reduce(text.validity) { ValidityMask.and($0, $1.validity) }
        for i in 0..<n where validity?.isValid(i) ?? true {
            let values = others.map { $0.value(at: i) }
            result[i] = out.intern(TextFunctions.apply(f, dict[codes[codes.startIndex + i]], values))
        }
        return Vector(.text(result[...], out), validity: validity)
    }

    /// `to_text(x)`: numbers as planq prints them, dates as YYYY-MM-DD, bools as true/false.
    func toText(_ v: Vector) throws -> Vector {
        let n = v.count
        switch v.data {
        case .text: return v
        case .enumeration: return try castVector(v, to: .text)
        case .null: return Vector(zeroData(.text, n), validity: ValidityMask(count: n, allValid: false))
        default:
            let out = StringDictionary()
            out.intern("")
            var codes = ContiguousArray<UInt32>(repeating: 0, count: n)
            for i in 0..<n where !v.isNull(i) { codes[i] = out.intern(v.value(at: i).description) }
            return Vector(.text(codes[...], out), validity: v.validity)
        }
    }
}

/// The string work of the text functions, on one value.
enum TextFunctions {
    /// `f(s, args...)`; `args` are the non-null further arguments.
    static func apply(_ f: ScalarFunction, _ s: String, _ args: [Value]) -> String {
        func int(_ i: Int) -> Int64 { if case .int(let x)? = args.dropFirst(i).first { return x } else { return 0 } }
        func text(_ i: Int) -> String { if case .text(let x)? = args.dropFirst(i).first { return x } else { return "" } }
        switch f {
        case .replace:
            let from = text(0)
            return from.isEmpty ? s : s.replacingOccurrences(of: from, with: text(1))
        case .substr: return substr(s, int(0), args.count > 1 ? int(1) : nil)
        case .left: return left(s, int(0))
        case .right: return right(s, int(0))
        default: return s
        }
    }

    /// SQLite's `substr(s, start, length)`: characters counted from 1; a negative
    /// start counts from the end; a negative length takes the characters before start.
    static func substr(_ s: String, _ start: Int64, _ length: Int64?) -> String {
        let chars = Array(s)
        let len = Int64(chars.count)
        var p1 = start
        var p2 = length ?? Int64(Int32.max)
        var negative = false
        if p2 < 0 { p2 = p2 == Int64.min ? Int64.max : -p2; negative = true }
        if p1 < 0 {
            p1 += len
            if p1 < 0 {
                p2 = max(0, p2 &+ p1)
                p1 = 0
            }
        } else if p1 > 0 {
            p1 -= 1
        } else if p2 > 0 {
            p2 -= 1
        }
        if negative {
            p1 -= p2
            if p1 < 0 {
                p2 += p1
                p1 = 0
            }
        }
        guard p1 < len, p2 > 0 else { return "" }
        let end = p2 >= len - p1 ? len : p1 + p2
        return String(chars[Int(p1)..<Int(end)])
    }

    /// The first `n` characters; a negative `n` drops the last `-n`.
    static func left(_ s: String, _ n: Int64) -> String {
        let count = Int64(s.count)
        let k = n >= 0 ? min(n, count) : max(0, count + max(n, -count))
        return String(s.prefix(Int(k)))
    }

    /// The last `n` characters; a negative `n` drops the first `-n`.
    static func right(_ s: String, _ n: Int64) -> String {
        let count = Int64(s.count)
        let k = n >= 0 ? min(n, count) : max(0, count + max(n, -count))
        return String(s.suffix(Int(k)))
    }
}
