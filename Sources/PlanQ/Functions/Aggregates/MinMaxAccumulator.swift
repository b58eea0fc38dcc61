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

    // Unspecialised, growing `values` went through generic append: ~460 instructions a slot (measured).
    @_specialize(exported: false, where T == Int64)
    @_specialize(exported: false, where T == Double)
    @_specialize(exported: false, where T == Int32)
    @_specialize(exported: false, where T == UInt32)
    @_specialize(exported: false, where T == UInt8)
    func resize(_ groups: Int) {
        grow(&values, groups, zero)
        grow(&has, groups, 0)
    }

    // Without these the update loop runs as unspecialised generic code (value
    // witness calls for every compare and copy: ~47 instructions a row, measured).
    @_specialize(exported: false, where T == Int64)
    @_specialize(exported: false, where T == Double)
    @_specialize(exported: false, where T == Int32)
    @_specialize(exported: false, where T == UInt32)
    @_specialize(exported: false, where T == UInt8)
    func update(_ gids: UnsafeBufferPointer<UInt32>, _ args: [Vector]) throws {
        guard let a = extract(args[0].data) else { return }
        let mask = args[0].validity
        let isMax = self.isMax
        a.withUnsafeBufferPointer { p in
            values.withUnsafeMutableBufferPointer { v in
                has.withUnsafeMutableBufferPointer { h in
                    @inline(__always) func add(_ g: Int, _ x: T) {
                        if x != x { if h[g] == 0 { v[g] = x; h[g] = 2 }; return }  // NaN
                        if h[g] != 1 || (isMax ? x > v[g] : x < v[g]) { v[g] = x; h[g] = 1 }
                    }
                    if let mask {
                        for i in 0..<gids.count where mask.isValid(i) { add(Int(gids[i]), p[i]) }
                    } else if isMax {
                        // Split by direction so the comparison is not chosen per row.
                        for i in 0..<gids.count {
                            let g = Int(gids[i]), x = p[i]
                            if x != x { if h[g] == 0 { v[g] = x; h[g] = 2 }; continue }
                            if h[g] != 1 || x > v[g] { v[g] = x; h[g] = 1 }
                        }
                    } else {
                        for i in 0..<gids.count {
                            let g = Int(gids[i]), x = p[i]
                            if x != x { if h[g] == 0 { v[g] = x; h[g] = 2 }; continue }
                            if h[g] != 1 || x < v[g] { v[g] = x; h[g] = 1 }
                        }
                    }
                }
            }
        }
    }

    @_specialize(exported: false, where T == Int64)
    @_specialize(exported: false, where T == Double)
    @_specialize(exported: false, where T == Int32)
    @_specialize(exported: false, where T == UInt32)
    @_specialize(exported: false, where T == UInt8)
    func merge(_ other: Accumulator, map: UnsafeBufferPointer<UInt32>) throws {
        guard let o = other as? MinMaxAccumulator<T> else { throw mergeMismatch(self, other) }
        for g in 0..<min(map.count, o.has.count) where map[g] != skipGroup && o.has[g] != 0 {
            let t = Int(map[g]), x = o.values[g]
            if o.has[g] == 2 { if has[t] == 0 { values[t] = x; has[t] = 2 }; continue }  // NaN only
            if has[t] != 1 || (isMax ? x > values[t] : x < values[t]) { values[t] = x; has[t] = 1 }
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

    func merge(_ other: Accumulator, map: UnsafeBufferPointer<UInt32>) throws {
        guard let o = other as? TextMinMaxAccumulator else { throw mergeMismatch(self, other) }
        for g in 0..<min(map.count, o.values.count) where map[g] != skipGroup {
            guard let s = o.values[g] else { continue }
            let t = Int(map[g])
            if let cur = values[t] {
                if isMax ? s > cur : s < cur { values[t] = s }
            } else {
                values[t] = s
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
