/// An open-addressing hash map from byte strings to `UInt32` codes.
///
/// Loaders use it in front of a ``StringDictionary`` so that a text field that
/// was seen before costs one hash and one `memcmp`, and a Swift `String` is made
/// only for a value the column has not seen yet.
struct ByteStringMap {
    /// Entry index + 1 per slot; 0 marks an empty slot.
    private var slots: ContiguousArray<UInt32>
    private var hashes: ContiguousArray<UInt64> = []
    private var starts: ContiguousArray<Int> = []
    private var lengths: ContiguousArray<Int> = []
    private var codes: ContiguousArray<UInt32> = []
    /// Every key's bytes, back to back.
    private var arena: ContiguousArray<UInt8> = []
    private var mask: Int

    /// An empty map with a small slot table.
    init() {
        slots = ContiguousArray(repeating: 0, count: 64)
        mask = 63
    }

    /// Number of keys.
    var count: Int { codes.count }

    /// A fast, non-cryptographic hash of `n` bytes at `p`.
    @inline(__always)
    static func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: n)
        var i = 0
        let raw = UnsafeRawPointer(p)
        while i + 8 <= n {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            tail |= UInt64(p[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 29
        return h
    }

    /// The code stored for the bytes, if any. `h` must be `hash(p, n)`.
    @inline(__always)
    func lookup(_ p: UnsafePointer<UInt8>, _ n: Int, hash h: UInt64) -> UInt32? {
        var idx = Int(truncatingIfNeeded: h) & mask
        while true {
            let s = slots[idx]
            if s == 0 { return nil }
            let e = Int(s &- 1)
            if hashes[e] == h && lengths[e] == n && equal(e, p, n) { return codes[e] }
            idx = (idx &+ 1) & mask
        }
    }

    @inline(__always)
    private func equal(_ e: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        arena.withUnsafeBufferPointer { a in
            guard let base = a.baseAddress else { return n == 0 }
            return memcmp(base + starts[e], p, n) == 0
        }
    }

    /// Adds a key that `lookup` did not find.
    mutating func insert(_ p: UnsafePointer<UInt8>, _ n: Int, hash h: UInt64, code: UInt32) {
        let e = codes.count
        hashes.append(h)
        starts.append(arena.count)
        lengths.append(n)
        codes.append(code)
        arena.append(contentsOf: UnsafeBufferPointer(start: p, count: n))
        if (e + 1) * 2 > slots.count { grow() } else { place(e) }
    }

    private mutating func place(_ e: Int) {
        var idx = Int(truncatingIfNeeded: hashes[e]) & mask
        while slots[idx] != 0 { idx = (idx &+ 1) & mask }
        slots[idx] = UInt32(e + 1)
    }

    /// Doubles the slot table and re-places every entry (keeps the load factor at most 1/2).
    private mutating func grow() {
        slots = ContiguousArray(repeating: 0, count: slots.count * 2)
        mask = slots.count - 1
        for e in 0..<codes.count { place(e) }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
