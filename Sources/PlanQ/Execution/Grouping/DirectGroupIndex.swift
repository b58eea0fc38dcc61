/// A "perfect hash" group index for keys with a small known domain (DuckDB's
/// perfect hash aggregate): dictionary and enum codes, bools, and ints in a
/// narrow range. The group id is the mixed-radix number formed by the keys'
/// codes, each with one extra digit value for null, so no hashing or probing
/// happens at all.
final class DirectGroupIndex: GroupIndex {
    /// How one key maps to a digit.
    enum KeyDomain {
        /// Codes `0..<size` (text dictionary, enum, bool).
        case codes(size: Int)
        /// Ints (or dates) in `min...min+size-1`.
        case range(min: Int64, size: Int)

        var size: Int {
            switch self {
            case .codes(let s), .range(_, let s): return s
            }
        }
    }

    let domains: [KeyDomain]
    let types: [DataType]
    /// Dictionaries of text keys, fixed by the planner (the scanned columns').
    let dictionaries: [StringDictionary?]
    let strides: [Int]
    let slotCount: Int
    private(set) var seen: ContiguousArray<UInt8>

    /// The largest number of slots the planner lets a direct index have.
    static let maxSlots = 1 << 20

    init(domains: [KeyDomain], types: [DataType], dictionaries: [StringDictionary?]) {
        self.domains = domains
        self.types = types
        self.dictionaries = dictionaries
        var strides: [Int] = []
        var s = 1
        for d in domains {
            strides.append(s)
            s *= d.size + 1
        }
        self.strides = strides
        self.slotCount = s
        self.seen = ContiguousArray(repeating: 0, count: s)
    }

    var strategy: String { "direct-indexed, \(slotCount) slots" }

    func makeEmpty() -> GroupIndex {
        DirectGroupIndex(domains: domains, types: types, dictionaries: dictionaries)
    }

    /// A slot means the same key in every direct index of one layout: the map is
    /// the identity, and `other`'s occupied slots become occupied here.
    func absorb(_ other: GroupIndex) throws -> ContiguousArray<UInt32> {
        guard let o = other as? DirectGroupIndex, o.slotCount == slotCount else { return try absorbByKeys(other) }
        seen.withUnsafeMutableBufferPointer { s in
            o.seen.withUnsafeBufferPointer { t in
                for i in 0..<s.count { s[i] |= t[i] }
            }
        }
        return makeBuffer(slotCount) { (m: UnsafeMutableBufferPointer<UInt32>) in
            for i in 0..<m.count { (m.baseAddress.unsafelyUnwrapped + i).initialize(to: UInt32(i)) }
        }
    }

    func assign(_ keys: [Vector], count n: Int, into gids: UnsafeMutableBufferPointer<UInt32>) throws {
        for i in 0..<n { gids[i] = 0 }
        for (k, v) in keys.enumerated() {
            let stride = UInt32(strides[k]), size = domains[k].size
            let nullDigit = UInt32(size) * stride
            switch (v.data, domains[k]) {
            case (.text(let a, let d), _):
                guard d === dictionaries[k] else { throw Diagnostic("internal error: dictionary changed under a direct aggregate") }
                addDigits(a, stride, gids, n, v.validity, nullDigit) { $0 }
            case (.enumeration(let a, _), _):
                addDigits(a, stride, gids, n, v.validity, nullDigit) { $0 }
            case (.bool(let a), _):
                addDigits(a, stride, gids, n, v.validity, nullDigit) { UInt32($0) }
            case (.int(let a), .range(let lo, _)):
                var bad = false
                addDigits(a, stride, gids, n, v.validity, nullDigit) { x in
                    let u = UInt64(bitPattern: x &- lo)
                    if u >= UInt64(size) { bad = true; return 0 }
                    return UInt32(u)
                }
                if bad { try rangeCheck(v, lo, size) }
            case (.date(let a), .range(let lo, _)):
                var bad = false
                addDigits(a, stride, gids, n, v.validity, nullDigit) { x in
                    let u = UInt64(bitPattern: Int64(x) &- lo)
                    if u >= UInt64(size) { bad = true; return 0 }
                    return UInt32(u)
                }
                if bad { try rangeCheck(v, lo, size) }
            case (.null, _):
                for i in 0..<n { gids[i] &+= nullDigit }
                continue
            default:
                throw Diagnostic("internal error: unsupported key \(v.type) in a direct aggregate")
            }
        }
        seen.withUnsafeMutableBufferPointer { s in
            for i in 0..<n { s[Int(gids[i])] = 1 }
        }
    }

    @inline(__always)
    private func addDigits<T>(_ a: ArraySlice<T>, _ stride: UInt32, _ gids: UnsafeMutableBufferPointer<UInt32>, _ n: Int,
                              _ validity: ValidityMask?, _ nullDigit: UInt32, _ f: (T) -> UInt32) {
        a.withUnsafeBufferPointer { p in
            if let mask = validity {
                // Nulls take the extra digit value; the placeholder under a null is never read.
                for i in 0..<n { gids[i] &+= mask.isValid(i) ? f(p[i]) &* stride : nullDigit }
            } else if stride == 1 {
                for i in 0..<n { gids[i] &+= f(p[i]) }
            } else {
                for i in 0..<n { gids[i] &+= f(p[i]) &* stride }
            }
        }
    }

    private func rangeCheck(_ v: Vector, _ lo: Int64, _ size: Int) throws {
        for i in 0..<v.count where !v.isNull(i) {
            if case .int(let x) = v.value(at: i), x < lo || x >= lo + Int64(size) {
                throw Diagnostic("internal error: key value \(x) outside the planned range of a direct aggregate")
            }
        }
    }

    func occupiedGroups() -> ContiguousArray<UInt32> {
        var out = ContiguousArray<UInt32>()
        seen.withUnsafeBufferPointer { s in
            for i in 0..<s.count where s[i] != 0 { out.append(UInt32(i)) }
        }
        return out
    }

    func keyVectors(_ groups: ContiguousArray<UInt32>) -> [Vector] {
        DirectGroupIndex.decode(domains: domains, types: types, dictionaries: dictionaries, count: groups.count) { r, k in
            (Int(groups[r]) / strides[k]) % (domains[k].size + 1)
        }
    }

    /// Key columns from mixed-radix digits: `digit(row, key)` is key `key`'s digit
    /// of output row `row`, where the digit `size` means null. Shared with
    /// ``PackedHashGroupIndex``, which packs keys the same way.
    static func decode(domains: [KeyDomain], types: [DataType], dictionaries: [StringDictionary?], count n: Int,
                       digit: (Int, Int) -> Int) -> [Vector] {
        domains.enumerated().map { (k, d) -> Vector in
            let size = d.size
            let digits = makeBuffer(n) { (o: UnsafeMutableBufferPointer<Int>) in
                for r in 0..<n { (o.baseAddress.unsafelyUnwrapped + r).initialize(to: digit(r, k)) }
            }
            var mask: ValidityMask?
            for (r, digit) in digits.enumerated() where digit == size {
                if mask == nil { mask = ValidityMask(count: n, allValid: true) }
                mask?.set(r, valid: false)
            }
            switch (types[k], d) {
            case (.text, _):
                return Vector(.text(ContiguousArray(digits.map { UInt32($0 == size ? 0 : $0) })[...], dictionaries[k] ?? StringDictionary()), validity: mask)
            case (.enumeration(let e), _):
                return Vector(.enumeration(ContiguousArray(digits.map { UInt32($0 == size ? 0 : $0) })[...], e), validity: mask)
            case (.bool, _):
                return Vector(.bool(ContiguousArray(digits.map { UInt8($0 == size ? 0 : $0) })[...]), validity: mask)
            case (.date, .range(let lo, _)):
                return Vector(.date(ContiguousArray(digits.map { Int32(truncatingIfNeeded: lo + Int64($0 == size ? 0 : $0)) })[...]), validity: mask)
            case (_, .range(let lo, _)):
                return Vector(.int(ContiguousArray(digits.map { lo + Int64($0 == size ? 0 : $0) })[...]), validity: mask)
            default:
                return Vector(.null(n))
            }
        }
    }
}
