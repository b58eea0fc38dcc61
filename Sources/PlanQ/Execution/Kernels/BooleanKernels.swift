/// `and`, `or`, `not` and `is null` under SQL's three-valued logic.
///
/// A bool vector is one byte per row (0/1) plus validity; `false and null` is
/// `false`, `true or null` is `true`, anything else with a null is null.
enum BooleanKernels {
    static func not(_ v: Vector) -> Vector {
        guard case .bool(let a) = v.data else { return v }
        return Vector(.bool(map1(a) { $0 ^ 1 }), validity: v.validity)
    }

    static func and(_ a: Vector, _ b: Vector) -> Vector { combine(a, b, isAnd: true) }
    static func or(_ a: Vector, _ b: Vector) -> Vector { combine(a, b, isAnd: false) }

    private static func bytes(_ v: Vector) -> ArraySlice<UInt8> {
        if case .bool(let a) = v.data { return a }
        return ContiguousArray(repeating: 0, count: v.count)[...]
    }

    private static func combine(_ a: Vector, _ b: Vector, isAnd: Bool) -> Vector {
        let x = bytes(a), y = bytes(b)
        let n = a.count
        let values = isAnd ? map2(x, y) { $0 & $1 } : map2(x, y) { $0 | $1 }
        if a.validity == nil && b.validity == nil, case .bool = a.data, case .bool = b.data {
            return Vector(.bool(values))
        }
        // The dominant value (false for and, true for or) decides even against a null;
        // otherwise a null on either side makes the result null.
        let dominant: UInt8 = isAnd ? 0 : 1
        var dominantDecides = true
        #if DEBUG
        if isAnd && FaultInjection.andIgnoresDominantFalse { dominantDecides = false }
        #endif
        var mask = ValidityMask(count: n, allValid: true)
        var anyNull = false
        var out = ContiguousArray(values)
        x.withUnsafeBufferPointer { px in
            y.withUnsafeBufferPointer { py in
                for i in 0..<n {
                    let av = !a.isNull(i), bv = !b.isNull(i)
                    if av && bv { continue }
                    if dominantDecides && ((av && px[i] == dominant) || (bv && py[i] == dominant)) {
                        out[i] = dominant
                        continue
                    }
                    mask.set(i, valid: false)
                    anyNull = true
                }
            }
        }
        return Vector(.bool(out[...]), validity: anyNull ? mask : nil)
    }

    static func isNull(_ v: Vector, negated: Bool) -> Vector {
        let n = v.count
        let out: ContiguousArray<UInt8> = makeBuffer(n) { buf in
            for i in 0..<n { buf[i] = (v.isNull(i) != negated) ? 1 : 0 }
        }
        return Vector(.bool(out[...]))
    }
}
