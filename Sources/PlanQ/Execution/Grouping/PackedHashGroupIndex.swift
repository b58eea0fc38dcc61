/// A hash group index over one packed `UInt64` key, for keys that each have a
/// small known domain (dictionary codes, enums, bools, ints in a narrow range)
/// but whose combined domain is too large to index directly — db-benchmark's
/// q10 groups by six ids, about 1e18 combinations of which ~1e7 occur.
///
/// Each row's keys are packed into one word, each key's digit (its code, or
/// its offset in its range, with one extra value for null, as in
/// ``DirectGroupIndex``) in its own bit field, so packing and unpacking are
/// shifts and masks, never divisions. That word is looked up in an open-addressing table whose
/// slots hold the key beside the group id: one multiply to hash, one word
/// compare per probe, usually one cache line per row. Groups are numbered in
/// order of first appearance.
final class PackedHashGroupIndex: GroupIndex {
    let domains: [DirectGroupIndex.KeyDomain]
    let types: [DataType]
    let dictionaries: [StringDictionary?]
    /// Bit position of each key's field.
    let shifts: [UInt64]
    /// Packed key of each group, by group id.
    private(set) var groupKeys = ContiguousArray<UInt64>()
    /// Two words per slot: the packed key, then group id + 1 (0 = empty).
    private var table: ContiguousArray<UInt64>
    private var capacity: Int
    private var shift: UInt64
    private var packed = ContiguousArray<UInt64>()

    init(domains: [DirectGroupIndex.KeyDomain], types: [DataType], dictionaries: [StringDictionary?]) {
        self.domains = domains
        self.types = types
        self.dictionaries = dictionaries
        var shifts: [UInt64] = []
        var s: UInt64 = 0
        for d in domains {
            shifts.append(s)
            s += PackedHashGroupIndex.bits(d.size)
        }
        self.shifts = shifts
        capacity = 1024
        shift = 64 - 10
        table = ContiguousArray(repeating: 0, count: 2 * 1024)
    }

    /// Bits of a field holding digits `0...size` (`size` is null).
    static func bits(_ size: Int) -> UInt64 {
        UInt64(64 - UInt64(size).leadingZeroBitCount)
    }

    /// Whether the keys' fields fit in one 64-bit word.
    static func fits(_ domains: [DirectGroupIndex.KeyDomain]) -> Bool {
        domains.reduce(UInt64(0)) { $0 + bits($1.size) } <= 64
    }

    var slotCount: Int { groupKeys.count }
    var strategy: String { "packed hash, \(groupKeys.count) groups" }

    /// An empty index with the same key layout (a thread's local table).
    func makeEmpty() -> GroupIndex {
        PackedHashGroupIndex(domains: domains, types: types, dictionaries: dictionaries)
    }

    /// Looks up (inserting when new) every packed key of `other`: no decoding.
    func absorb(_ other: GroupIndex) throws -> ContiguousArray<UInt32> {
        guard let o = other as? PackedHashGroupIndex else { return try absorbByKeys(other) }
        var map = ContiguousArray<UInt32>(repeating: 0, count: o.groupKeys.count)
        o.groupKeys.withUnsafeBufferPointer { k in
            map.withUnsafeMutableBufferPointer { m in lookup(k, m) }
        }
        return map
    }

    func assign(_ keys: [Vector], count n: Int, into gids: UnsafeMutableBufferPointer<UInt32>) throws {
        if packed.count < n { packed = ContiguousArray(repeating: 0, count: max(n, Batch.capacity)) }
        try packed.withUnsafeMutableBufferPointer { p in
            try pack(keys, n, p)
            lookup(UnsafeBufferPointer(rebasing: p[0..<n]), gids)
        }
    }

    /// Writes each row's packed key into `out`.
    private func pack(_ keys: [Vector], _ n: Int, _ out: UnsafeMutableBufferPointer<UInt64>) throws {
        for i in 0..<n { out[i] = 0 }
        for (k, v) in keys.enumerated() {
            let shift = shifts[k], size = domains[k].size
            let nullDigit = UInt64(size) << shift
            switch (v.data, domains[k]) {
            case (.text(let a, let d), _):
                guard d === dictionaries[k] else { throw Diagnostic("internal error: dictionary changed under a packed aggregate") }
                addDigits(a, shift, out, n, v.validity, nullDigit) { UInt64($0) }
            case (.enumeration(let a, _), _):
                addDigits(a, shift, out, n, v.validity, nullDigit) { UInt64($0) }
            case (.bool(let a), _):
                addDigits(a, shift, out, n, v.validity, nullDigit) { UInt64($0) }
            case (.int(let a), .range(let lo, _)):
                var bad = false
                addDigits(a, shift, out, n, v.validity, nullDigit) { x in
                    let u = UInt64(bitPattern: x &- lo)
                    if u >= UInt64(size) { bad = true; return 0 }
                    return u
                }
                if bad { throw Diagnostic("internal error: key value outside the planned range of a packed aggregate") }
            case (.date(let a), .range(let lo, _)):
                var bad = false
                addDigits(a, shift, out, n, v.validity, nullDigit) { x in
                    let u = UInt64(bitPattern: Int64(x) &- lo)
                    if u >= UInt64(size) { bad = true; return 0 }
                    return u
                }
                if bad { throw Diagnostic("internal error: key value outside the planned range of a packed aggregate") }
            case (.null, _):
                for i in 0..<n { out[i] |= nullDigit }
            default:
                throw Diagnostic("internal error: unsupported key \(v.type) in a packed aggregate")
            }
        }
    }

    @inline(__always)
    private func addDigits<T>(_ a: ArraySlice<T>, _ shift: UInt64, _ out: UnsafeMutableBufferPointer<UInt64>, _ n: Int,
                              _ validity: ValidityMask?, _ nullDigit: UInt64, _ f: (T) -> UInt64) {
        a.withUnsafeBufferPointer { p in
            if let mask = validity {
                for i in 0..<n { out[i] |= mask.isValid(i) ? f(p[i]) << shift : nullDigit }
            } else {
                for i in 0..<n { out[i] |= f(p[i]) << shift }
            }
        }
    }

    /// Finds or inserts each packed key; writes its group id.
    func lookup(_ keys: UnsafeBufferPointer<UInt64>, _ gids: UnsafeMutableBufferPointer<UInt32>) {
        var i = 0
        let n = keys.count
        while i < n {
            // Grow before a run that could push the load past 1/2, never inside it.
            let room = capacity / 2 - groupKeys.count
            if room <= 0 { grow(); continue }
            let end = min(n, i + room)
            var groups = groupKeys.count
            table.withUnsafeMutableBufferPointer { t in
                let sh = shift, m = capacity - 1
                for r in i..<end {
                    let key = keys[r]
                    var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> sh)
                    while true {
                        let e = t[2 * slot + 1]
                        if e == 0 {
                            t[2 * slot] = key
                            groups += 1
                            t[2 * slot + 1] = UInt64(groups)
                            gids[r] = UInt32(truncatingIfNeeded: groups - 1)
                            groupKeys.append(key)
                            break
                        }
                        if t[2 * slot] == key { gids[r] = UInt32(truncatingIfNeeded: e - 1); break }
                        slot = (slot + 1) & m
                    }
                }
            }
            i = end
        }
    }

    private func grow() {
        capacity *= 2
        shift -= 1
        table = ContiguousArray(repeating: 0, count: 2 * capacity)
        let sh = shift, m = capacity - 1
        table.withUnsafeMutableBufferPointer { t in
            groupKeys.withUnsafeBufferPointer { keys in
                for g in 0..<keys.count {
                    var slot = Int(truncatingIfNeeded: (keys[g] &* 0x9E37_79B9_7F4A_7C15) >> sh)
                    while t[2 * slot + 1] != 0 { slot = (slot + 1) & m }
                    t[2 * slot] = keys[g]
                    t[2 * slot + 1] = UInt64(g + 1)
                }
            }
        }
    }

    func occupiedGroups() -> ContiguousArray<UInt32> {
        makeBuffer(groupKeys.count) { (o: UnsafeMutableBufferPointer<UInt32>) in
            for g in 0..<o.count { (o.baseAddress.unsafelyUnwrapped + g).initialize(to: UInt32(g)) }
        }
    }

    func keyVectors(_ groups: ContiguousArray<UInt32>) -> [Vector] {
        let masks = domains.map { (UInt64(1) << PackedHashGroupIndex.bits($0.size)) &- 1 }
        return groupKeys.withUnsafeBufferPointer { keys in
            DirectGroupIndex.decode(domains: domains, types: types, dictionaries: dictionaries, count: groups.count) { r, k in
                Int((keys[Int(groups[r])] >> shifts[k]) & masks[k])
            }
        }
    }
}
