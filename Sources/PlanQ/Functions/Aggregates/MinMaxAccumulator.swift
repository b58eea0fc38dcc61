/// `min` / `max` of a fixed-width type (ints, doubles, dates, enum codes, bools).
/// Enums compare by code, which is their declared order (red < amber < green).
/// NaN is skipped unless a group has nothing else.
final class MinMaxAccumulator<T: Comparable>: Accumulator {
    var values = ContiguousArray<T>()
    var has = ContiguousArray<UInt8>()
    let isMax: Bool
    let zero: T
    let extract: (VectorData) -> ArraySlice<T>?
    let make: (ArraySlice<T>) -> VectorData

    init(isMax: Bool, zero: T, extract: @escaping (VectorData) -> ArraySlice<T>?, make: @escaping (ArraySlice<T>) -> VectorData) {
        self.isMax = isMax
        self.zero = zero
        self.extract = extract
        self.make = make
    }

    func resize(_ groups: Int) {
        grow(&values, groups, zero)
        grow(&has, groups, 0)
    }

    func update(_ gids: UnsafeBufferPointer<UInt32>, _ args: [Vector]) throws {
        guard let a = extract(args[0].data) else { return }
        let mask = args[0].validity
        let isMax = self.isMax
        a.withUnsafeBufferPointer { p in
            values.withUnsafeMutableBufferPointer { v in
                has.withUnsafeMutableBufferPointer { h in
                    for i in 0..<gids.count {
                        if let mask, !mask.isValid(i) { continue }
                        let g = Int(gids[i]), x = p[i]
                        if x != x { if h[g] == 0 { v[g] = x; h[g] = 2 }; continue }  // NaN
                        if h[g] != 1 || (isMax ? x > v[g] : x < v[g]) { v[g] = x; h[g] = 1 }
                    }
                }
            }
        }
    }

    func finish(_ groups: ContiguousArray<UInt32>, totalRows: Int) throws -> Vector {
        Vector(make(ContiguousArray(groups.map { values[Int($0)] })[...]), validity: maskFromFlags(has, groups))
    }
}

/// `min` / `max` of text, by string order.
final class TextMinMaxAccumulator: Accumulator {
    var values = ContiguousArray<String?>()
    let isMax: Bool

    init(isMax: Bool) { self.isMax = isMax }

    func resize(_ groups: Int) { grow(&values, groups, nil) }

    func update(_ gids: UnsafeBufferPointer<UInt32>, _ args: [Vector]) throws {
        guard case .text(let codes, let dict) = args[0].data else { return }
        let v = args[0]
        for i in 0..<gids.count where !v.isNull(i) {
            let g = Int(gids[i]), s = dict[codes[codes.startIndex + i]]
            if let cur = values[g] {
                if isMax ? s > cur : s < cur { values[g] = s }
            } else {
                values[g] = s
            }
        }
    }

    func finish(_ groups: ContiguousArray<UInt32>, totalRows: Int) throws -> Vector {
        let d = StringDictionary()
        var mask: ValidityMask?
        var codes = ContiguousArray<UInt32>()
        for (r, g) in groups.enumerated() {
            if let s = values[Int(g)] { codes.append(d.intern(s)) } else {
                // A code under a null must still index the dictionary (sorts and text
                // kernels read it): with no values at all, 0 would point past the end.
                codes.append(d.intern(""))
                if mask == nil { mask = ValidityMask(count: groups.count, allValid: true) }
                mask?.set(r, valid: false)
            }
        }
        return Vector(.text(codes[...], d), validity: mask)
    }
}
