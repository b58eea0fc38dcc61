/// Turns key vectors into fixed-width `UInt64` words so that grouping, distinct
/// and joins compare and hash keys without looking at their types per row.
///
/// Ints are their bit pattern, doubles their canonical bit pattern (one NaN, one
/// zero), dates and enum codes widened. Text is re-coded into an interner owned
/// by this normaliser, so equal strings from different dictionaries (batches of
/// computed text, two joined tables) get one code. A final word holds a bit per
/// key that is null.
final class KeyNormalizer {
    let types: [DataType]
    /// One interner per text key; shared with another normaliser for joins.
    var interners: [StringDictionary?]
    /// Per (dictionary generation, key position): each key has its own interner,
    /// so one dictionary used by two keys (`select s, s distinct`) needs two remaps.
    /// Keyed by ``StringDictionary/generation``, never reused, so no dictionary is
    /// kept alive for its key's sake.
    private var remaps: [RemapKey: ContiguousArray<UInt32>] = [:]

    /// Most remaps held. Computed text has a dictionary per batch whose remap is not
    /// asked for again; past this many the cache starts over (a remap is rebuilt
    /// from the interner, which gives the same codes).
    static let remapCapacity = 256

    private struct RemapKey: Hashable {
        var generation: UInt64
        var key: Int
    }

    /// Words per row: one per key plus the null word.
    var width: Int { types.count + 1 }

    init(types: [DataType], interners: [StringDictionary?]? = nil) {
        self.types = types
        self.interners = interners ?? types.map { $0 == .text ? StringDictionary() : nil }
    }

    /// Writes `width` words per row into `out` (row-major).
    func normalize(_ keys: [Vector], count n: Int, into out: UnsafeMutableBufferPointer<UInt64>) {
        let w = width
        let nullWord = types.count
        for r in 0..<n { out[r * w + nullWord] = 0 }
        for (k, v) in keys.enumerated() {
            write(v, k, w, n, out)
            if v.validity != nil || { if case .null = v.data { return true } else { return false } }() {
                let bit = UInt64(1) << UInt64(k)
                for r in 0..<n where v.isNull(r) {
                    out[r * w + k] = 0
                    out[r * w + nullWord] |= bit
                }
            }
        }
    }

    private func write(_ v: Vector, _ k: Int, _ w: Int, _ n: Int, _ out: UnsafeMutableBufferPointer<UInt64>) {
        @inline(__always) func put<T>(_ a: ArraySlice<T>, _ f: (T) -> UInt64) {
            a.withUnsafeBufferPointer { p in
                for r in 0..<n { out[r * w + k] = f(p[r]) }
            }
        }
        switch v.data {
        case .null: for r in 0..<n { out[r * w + k] = 0 }
        case .bool(let a): put(a) { UInt64($0) }
        case .int(let a): put(a) { UInt64(bitPattern: $0) }
        case .double(let a): put(a) { KeyNormalizer.canonicalBits($0) }
        case .date(let a): put(a) { UInt64(bitPattern: Int64($0)) }
        case .enumeration(let a, _): put(a) { UInt64($0) }
        case .text(let a, let d):
            let remap = textRemap(d, k)
            remap.withUnsafeBufferPointer { m in put(a) { UInt64(m[Int($0)]) } }
        }
    }

    /// Codes of `d` in key `k`'s interner, extended when `d` has grown.
    func textRemap(_ d: StringDictionary, _ k: Int) -> ContiguousArray<UInt32> {
        let id = RemapKey(generation: d.generation, key: k)
        var m = remaps[id] ?? []
        if m.count < d.count, let interner = interners[k] {
            for i in m.count..<d.count { m.append(interner.intern(d.strings[i])) }
            if remaps[id] == nil && remaps.count >= Self.remapCapacity { remaps.removeAll(keepingCapacity: true) }
            remaps[id] = m
        }
        return m
    }

    @inline(__always)
    static func canonicalBits(_ d: Double) -> UInt64 {
        if d.isNaN { return Double.nan.bitPattern }
        if d == 0 { return 0 }
        return d.bitPattern
    }

    /// Rebuilds key vectors from stored words (`count` rows of `width` words).
    func decode(_ words: UnsafeBufferPointer<UInt64>, count n: Int) -> [Vector] {
        let w = width
        return types.enumerated().map { (k, t) -> Vector in
            var mask: ValidityMask?
            let bit = UInt64(1) << UInt64(k)
            for r in 0..<n where words[r * w + types.count] & bit != 0 {
                if mask == nil { mask = ValidityMask(count: n, allValid: true) }
                mask?.set(r, valid: false)
            }
            func col<T>(_ f: (UInt64) -> T) -> ArraySlice<T> {
                makeBuffer(n) { (o: UnsafeMutableBufferPointer<T>) in
                    for r in 0..<n { (o.baseAddress.unsafelyUnwrapped + r).initialize(to: f(words[r * w + k])) }
                }[...]
            }
            switch t {
            case .null: return Vector(.null(n))
            case .bool: return Vector(.bool(col { UInt8(truncatingIfNeeded: $0) }), validity: mask)
            case .int: return Vector(.int(col { Int64(bitPattern: $0) }), validity: mask)
            case .double: return Vector(.double(col { Double(bitPattern: $0) }), validity: mask)
            case .date: return Vector(.date(col { Int32(truncatingIfNeeded: Int64(bitPattern: $0)) }), validity: mask)
            case .enumeration(let e): return Vector(.enumeration(col { UInt32(truncatingIfNeeded: $0) }, e), validity: mask)
            case .text:
                // Null keys decode to code 0, which must index the dictionary even when
                // every key was null (sorts and text kernels read codes under nulls).
                let dict = interners[k] ?? StringDictionary()
                if dict.count == 0 && n > 0 { dict.intern("") }
                return Vector(.text(col { UInt32(truncatingIfNeeded: $0) }, dict), validity: mask)
            }
        }
    }
}
