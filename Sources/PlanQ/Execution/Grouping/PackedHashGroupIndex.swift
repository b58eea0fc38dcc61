import Foundation

/// A hash group index over one packed `UInt64` key, for keys that each have a
/// small known domain (dictionary codes, enums, bools, ints in a narrow range)
/// but whose combined domain is too large to index directly — db-benchmark's
/// q10 groups by six ids, about 1e18 combinations of which ~1e7 occur.
///
/// Each row's keys are packed into one word, each key's digit (its code, or
/// its offset in its range, with one extra value for null, as in
/// ``DirectGroupIndex``) in its own bit field, so packing and unpacking are
/// shifts and masks, never divisions. That word is looked up in an
/// open-addressing table of 8-byte slots (group id and 32 bits of the hash, so
/// a probe rarely touches the keys array): one multiply to hash, usually one
/// cache line per row. The table is sized up front from the planner's row
/// count (`calloc`: pages nobody probes are never touched), so a 1e7-group
/// grouping never rehashes. Groups are numbered in order of first appearance.
final class PackedHashGroupIndex: GroupIndex {
    let domains: [DirectGroupIndex.KeyDomain]
    let types: [DataType]
    let dictionaries: [StringDictionary?]
    /// Bit position of each key's field.
    let shifts: [UInt64]
    /// Packed key of each group, by group id (`groupCount` of `keyCapacity` used).
    private var keys: UnsafeMutablePointer<UInt64>
    private var keyCapacity: Int
    private(set) var groupCount = 0
    /// Per slot: hash tag (high 32 bits) and group id + 1 (low 32 bits); 0 = empty.
    private var table: UnsafeMutablePointer<UInt64>
    private var capacity: Int
    private var shift: UInt64
    /// Expected number of rows (an upper bound on groups), from the planner; 0 if unknown.
    let rowHint: Int
    private var packed = ContiguousArray<UInt64>()

    /// The largest table allocated up front (slots); beyond it the table grows.
    static let maxInitialSlots = 1 << 26

    init(domains: [DirectGroupIndex.KeyDomain], types: [DataType], dictionaries: [StringDictionary?], rowHint: Int = 0) {
        self.domains = domains
        self.types = types
        self.dictionaries = dictionaries
        self.rowHint = rowHint
        var shifts: [UInt64] = []
        var s: UInt64 = 0
        for d in domains {
            shifts.append(s)
            s += PackedHashGroupIndex.bits(d.size)
        }
        self.shifts = shifts
        var bits = 10
        while bits < 62 && (1 << bits) < min(2 * rowHint, PackedHashGroupIndex.maxInitialSlots) { bits += 1 }
        capacity = 1 << bits
        shift = UInt64(64 - bits)
        table = PackedHashGroupIndex.zeroed(capacity)
        keyCapacity = 1024
        keys = UnsafeMutablePointer<UInt64>.allocate(capacity: keyCapacity)
    }

    deinit {
        PackedHashGroupIndex.release(table, capacity)
        keys.deallocate()
    }

    /// Tables at least this big (bytes) are mapped on their own and asked for huge pages.
    static let hugeTableBytes = 4 << 20

    /// `n` zeroed words. A big table is its own anonymous mapping with
    /// `MADV_HUGEPAGE`: random probes into hundreds of MB then miss the TLB far
    /// less often (2 MB pages instead of 4 KB). The OS hands out zero pages lazily.
    private static func zeroed(_ n: Int) -> UnsafeMutablePointer<UInt64> {
        let bytes = n * MemoryLayout<UInt64>.stride
        #if os(Linux)
        if bytes >= hugeTableBytes, let p = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
           p != MAP_FAILED {
            _ = madvise(p, bytes, 14)  // MADV_HUGEPAGE; a no-op where transparent huge pages are off
            return p.assumingMemoryBound(to: UInt64.self)
        }
        #endif
        guard let raw = calloc(n, MemoryLayout<UInt64>.stride) else { fatalError("out of memory for a group table of \(n) slots") }
        return raw.assumingMemoryBound(to: UInt64.self)
    }

    private static func release(_ p: UnsafeMutablePointer<UInt64>, _ n: Int) {
        let bytes = n * MemoryLayout<UInt64>.stride
        #if os(Linux)
        if bytes >= hugeTableBytes {
            munmap(p, bytes)
            return
        }
        #endif
        free(p)
    }

    /// The packed keys of all groups, by group id.
    var groupKeys: UnsafeBufferPointer<UInt64> { UnsafeBufferPointer(start: keys, count: groupCount) }

    /// Bits of a field holding digits `0...size` (`size` is null).
    static func bits(_ size: Int) -> UInt64 {
        UInt64(64 - UInt64(size).leadingZeroBitCount)
    }

    /// Whether the keys can take at least `rows` combinations: then most rows may
    /// be groups of their own, thread-local tables would hold nearly every row,
    /// and merging them would redo the whole aggregation (q10: 1e18 combinations
    /// over 1e7 rows, measured 2x slower with 2 threads than with 1), so rows
    /// are partitioned before aggregating instead.
    func isSparse(rows: Int) -> Bool {
        var space = 1
        for d in domains {
            let (p, o) = space.multipliedReportingOverflow(by: d.size + 1)
            if o || p >= rows { return true }
            space = p
        }
        return space >= rows
    }

    /// Whether the keys' fields fit in one 64-bit word.
    static func fits(_ domains: [DirectGroupIndex.KeyDomain]) -> Bool {
        domains.reduce(UInt64(0)) { $0 + bits($1.size) } <= 64
    }

    var slotCount: Int { groupCount }
    var strategy: String { "packed hash, \(groupCount) groups" }

    /// An empty index with the same key layout (a thread's local table).
    func makeEmpty() -> GroupIndex {
        PackedHashGroupIndex(domains: domains, types: types, dictionaries: dictionaries, rowHint: rowHint)
    }

    /// Looks up (inserting when new) every packed key of `other`: no decoding.
    func absorb(_ other: GroupIndex) throws -> ContiguousArray<UInt32> {
        guard let o = other as? PackedHashGroupIndex else { return try absorbByKeys(other) }
        var map = ContiguousArray<UInt32>(repeating: 0, count: o.groupCount)
        map.withUnsafeMutableBufferPointer { m in lookup(o.groupKeys, m) }
        return map
    }

    /// Which of `parts` merge partitions a packed key belongs to (a hash unrelated
    /// to the table's slot bits, so a partition's keys still spread over its table).
    @inline(__always)
    static func partition(_ key: UInt64, _ parts: Int) -> Int {
        Int(truncatingIfNeeded: ((key &* 0xC2B2_AE3D_27D4_EB4F) >> 32) % UInt64(parts))
    }

    /// Which of `1 << bits` radix partitions a packed key belongs to: the top
    /// bits of a multiplicative hash (no division), with a multiplier unrelated
    /// to the table's, so a partition's keys still spread over its own table.
    @inline(__always)
    static func radixPartition(_ key: UInt64, bits: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0xC2B2_AE3D_27D4_EB4F) >> (64 &- bits))
    }

    /// Forgets every group, keeping the table's memory (one table serves many
    /// radix partitions in turn: allocated and faulted in once, not per partition).
    func reset() {
        if groupCount > 0 { memset(table, 0, capacity * MemoryLayout<UInt64>.stride) }
        groupCount = 0
    }

    /// Absorbs only the groups of `other` in partition `p` of `parts`; the map
    /// holds ``skipGroup`` for the rest. Partitions are merged by separate threads.
    func absorb(_ other: PackedHashGroupIndex, partition p: Int, of parts: Int) -> ContiguousArray<UInt32> {
        var map = ContiguousArray<UInt32>(repeating: skipGroup, count: other.groupCount)
        var keys = ContiguousArray<UInt64>(), from = ContiguousArray<Int>()
        for (g, k) in other.groupKeys.enumerated() where PackedHashGroupIndex.partition(k, parts) == p {
            keys.append(k)
            from.append(g)
        }
        var ids = ContiguousArray<UInt32>(repeating: 0, count: keys.count)
        keys.withUnsafeBufferPointer { k in ids.withUnsafeMutableBufferPointer { lookup(k, $0) } }
        for (i, g) in from.enumerated() { map[g] = ids[i] }
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
    func pack(_ keys: [Vector], _ n: Int, _ out: UnsafeMutableBufferPointer<UInt64>) throws {
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
    func lookup(_ rows: UnsafeBufferPointer<UInt64>, _ gids: UnsafeMutableBufferPointer<UInt32>) {
        var i = 0
        let n = rows.count
        while i < n {
            // Grow before a run that could push the load past 1/2, never inside it.
            let room = capacity / 2 - groupCount
            if room <= 0 { grow(); continue }
            let end = min(n, i + room)
            if keyCapacity < groupCount + (end - i) { growKeys(groupCount + (end - i)) }
            let t = table, k = keys, sh = shift, m = capacity - 1
            var groups = groupCount
            for r in i..<end {
                let key = rows[r]
                let h = key &* 0x9E37_79B9_7F4A_7C15
                let tag = h & 0xFFFF_FFFF_0000_0000
                var slot = Int(truncatingIfNeeded: h >> sh)
                while true {
                    let e = t[slot]
                    if e == 0 {
                        k[groups] = key
                        groups += 1
                        t[slot] = tag | UInt64(groups)
                        gids[r] = UInt32(truncatingIfNeeded: groups - 1)
                        break
                    }
                    if e & 0xFFFF_FFFF_0000_0000 == tag {
                        let g = Int(truncatingIfNeeded: e & 0xFFFF_FFFF) - 1
                        if k[g] == key { gids[r] = UInt32(truncatingIfNeeded: g); break }
                    }
                    slot = (slot + 1) & m
                }
            }
            groupCount = groups
            i = end
        }
    }

    private func growKeys(_ needed: Int) {
        var c = keyCapacity
        while c < needed { c *= 2 }
        let bigger = UnsafeMutablePointer<UInt64>.allocate(capacity: c)
        bigger.update(from: keys, count: groupCount)
        keys.deallocate()
        keys = bigger
        keyCapacity = c
    }

    private func grow() {
        PackedHashGroupIndex.release(table, capacity)
        capacity *= 2
        shift -= 1
        table = PackedHashGroupIndex.zeroed(capacity)
        let t = table, sh = shift, m = capacity - 1
        for g in 0..<groupCount {
            let h = keys[g] &* 0x9E37_79B9_7F4A_7C15
            var slot = Int(truncatingIfNeeded: h >> sh)
            while t[slot] != 0 { slot = (slot + 1) & m }
            t[slot] = (h & 0xFFFF_FFFF_0000_0000) | UInt64(g + 1)
        }
    }

    func occupiedGroups() -> ContiguousArray<UInt32> {
        makeBuffer(groupCount) { (o: UnsafeMutableBufferPointer<UInt32>) in
            for g in 0..<o.count { (o.baseAddress.unsafelyUnwrapped + g).initialize(to: UInt32(g)) }
        }
    }

    /// Each key's field extracted with one shift and mask per group, straight
    /// into that key's typed column (no intermediate digit array, no generic
    /// map: decoding 1e7 groups' six keys was ~200 instructions a group).
    func keyVectors(_ groups: ContiguousArray<UInt32>) -> [Vector] {
        let k = keys
        return groups.withUnsafeBufferPointer { gs in decode(gs.count) { k[Int(gs[$0])] } }
    }

    /// The groups' packed keys as one column (their bit patterns as ints), to be
    /// moved as one value per group and decoded by ``keyVectors(packed:)`` later.
    func packedKeyVector(_ groups: ContiguousArray<UInt32>) -> Vector {
        let k = keys
        return Vector(.int(makeBuffer(groups.count) { (o: UnsafeMutableBufferPointer<Int64>) in
            for r in 0..<groups.count { (o.baseAddress.unsafelyUnwrapped + r).initialize(to: Int64(bitPattern: k[Int(groups[r])])) }
        }[...]))
    }

    /// The key columns of a ``packedKeyVector(_:)`` column (nil if it is not one).
    func keyVectors(packed: Vector) -> [Vector]? {
        guard case .int(let a) = packed.data else { return nil }
        return a.withUnsafeBufferPointer { p in decode(p.count) { UInt64(bitPattern: p[$0]) } }
    }

    /// Key columns of `n` groups whose packed keys `key(r)` gives.
    @inline(__always)
    private func decode(_ n: Int, _ key: (Int) -> UInt64) -> [Vector] {
        do {
            return domains.enumerated().map { (i, d) -> Vector in
                let sh = shifts[i], mask = (UInt64(1) << PackedHashGroupIndex.bits(d.size)) &- 1
                let size = UInt64(d.size)
                var nulls = false
                @inline(__always) func digit(_ r: Int) -> UInt64 {
                    let x = (key(r) >> sh) & mask
                    if x == size { nulls = true; return 0 }
                    return x
                }
                let data: VectorData
                switch (types[i], d) {
                case (.text, _):
                    data = .text(makeBuffer(n) { (o: UnsafeMutableBufferPointer<UInt32>) in
                        for r in 0..<n { (o.baseAddress.unsafelyUnwrapped + r).initialize(to: UInt32(truncatingIfNeeded: digit(r))) }
                    }[...], dictionaries[i] ?? StringDictionary())
                case (.enumeration(let e), _):
                    data = .enumeration(makeBuffer(n) { (o: UnsafeMutableBufferPointer<UInt32>) in
                        for r in 0..<n { (o.baseAddress.unsafelyUnwrapped + r).initialize(to: UInt32(truncatingIfNeeded: digit(r))) }
                    }[...], e)
                case (.bool, _):
                    data = .bool(makeBuffer(n) { (o: UnsafeMutableBufferPointer<UInt8>) in
                        for r in 0..<n { (o.baseAddress.unsafelyUnwrapped + r).initialize(to: UInt8(truncatingIfNeeded: digit(r))) }
                    }[...])
                case (.date, .range(let lo, _)):
                    data = .date(makeBuffer(n) { (o: UnsafeMutableBufferPointer<Int32>) in
                        for r in 0..<n { (o.baseAddress.unsafelyUnwrapped + r).initialize(to: Int32(truncatingIfNeeded: lo &+ Int64(digit(r)))) }
                    }[...])
                case (_, .range(let lo, _)):
                    data = .int(makeBuffer(n) { (o: UnsafeMutableBufferPointer<Int64>) in
                        for r in 0..<n { (o.baseAddress.unsafelyUnwrapped + r).initialize(to: lo &+ Int64(digit(r))) }
                    }[...])
                default:
                    return Vector(.null(n))
                }
                var validity: ValidityMask?
                if nulls {
                    var m = ValidityMask(count: n, allValid: true)
                    for r in 0..<n where (key(r) >> sh) & mask == size { m.set(r, valid: false) }
                    validity = m
                }
                return Vector(data, validity: validity)
            }
        }
    }
}
