/// An open-addressing (linear probing) hash table from normalised key words to
/// dense group ids, for keys whose combined domain is large or unknown.
///
/// Groups are numbered in order of first appearance; their key words live in one
/// flat array (`width` words per group) and their hashes beside them, so a probe
/// compares a hash first and touches key words only on a hash match.
final class HashGroupIndex: GroupIndex {
    let normalizer: KeyNormalizer
    let width: Int
    private var keyWords = ContiguousArray<UInt64>()
    private var hashes = ContiguousArray<UInt64>()
    /// Group id + 1 per slot; 0 is empty.
    private var table: ContiguousArray<UInt32>
    private var mask: Int
    private(set) var groupCount = 0
    private var scratch = ContiguousArray<UInt64>()
    private var rowHashes = ContiguousArray<UInt64>()

    init(types: [DataType], normalizer: KeyNormalizer? = nil) {
        self.normalizer = normalizer ?? KeyNormalizer(types: types)
        self.width = self.normalizer.width
        table = ContiguousArray(repeating: 0, count: 1024)
        mask = 1023
    }

    var slotCount: Int { groupCount }
    var strategy: String { "hash, \(groupCount) groups" }

    func makeEmpty() -> GroupIndex { HashGroupIndex(types: normalizer.types) }

    func absorb(_ other: GroupIndex) throws -> ContiguousArray<UInt32> { try absorbByKeys(other) }

    @inline(__always)
    static func hash(_ p: UnsafePointer<UInt64>, _ w: Int) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15
        for j in 0..<w {
            h = (h ^ p[j]) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
        }
        h = (h ^ (h >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        return h ^ (h >> 33)
    }

    func assign(_ keys: [Vector], count n: Int, into gids: UnsafeMutableBufferPointer<UInt32>) throws {
        let w = width
        if scratch.count < n * w { scratch = ContiguousArray(repeating: 0, count: n * w) }
        if rowHashes.count < n { rowHashes = ContiguousArray(repeating: 0, count: n) }
        scratch.withUnsafeMutableBufferPointer { s in
            normalizer.normalize(keys, count: n, into: s)
        }
        scratch.withUnsafeBufferPointer { s in
            rowHashes.withUnsafeMutableBufferPointer { h in
                guard let base = s.baseAddress else { return }
                for r in 0..<n { h[r] = HashGroupIndex.hash(base + r * w, w) }
            }
        }
        var r = 0
        while r < n {
            // Grow before a run of rows that could push the load past 1/2, never inside it.
            let room = table.count / 2 - groupCount - 1
            if room <= 0 { grow(); continue }
            let end = min(n, r + room)
            scratch.withUnsafeBufferPointer { s in
                rowHashes.withUnsafeBufferPointer { h in
                    table.withUnsafeMutableBufferPointer { t in
                        for i in r..<end { gids[i] = probe(i, h[i], s, t) }
                    }
                }
            }
            r = end
        }
    }

    /// The group of scratch row `r` (hash `h`), inserting it when new.
    @inline(__always)
    private func probe(_ r: Int, _ h: UInt64, _ s: UnsafeBufferPointer<UInt64>, _ t: UnsafeMutableBufferPointer<UInt32>) -> UInt32 {
        let w = width
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let e = t[slot]
            if e == 0 { break }
            let g = Int(e - 1)
            if hashes[g] == h {
                var same = true
                for j in 0..<w where keyWords[g * w + j] != s[r * w + j] { same = false; break }
                if same { return UInt32(g) }
            }
            slot = (slot + 1) & mask
        }
        let g = groupCount
        groupCount += 1
        for j in 0..<w { keyWords.append(s[r * w + j]) }
        hashes.append(h)
        t[slot] = UInt32(g + 1)
        return UInt32(g)
    }

    private func grow() {
        let cap = table.count * 2
        table = ContiguousArray(repeating: 0, count: cap)
        mask = cap - 1
        table.withUnsafeMutableBufferPointer { t in
            for g in 0..<groupCount {
                var slot = Int(truncatingIfNeeded: hashes[g]) & mask
                while t[slot] != 0 { slot = (slot + 1) & mask }
                t[slot] = UInt32(g + 1)
            }
        }
    }

    func occupiedGroups() -> ContiguousArray<UInt32> {
        ContiguousArray((0..<groupCount).map { UInt32($0) })
    }

    func keyVectors(_ groups: ContiguousArray<UInt32>) -> [Vector] {
        let w = width
        var words = ContiguousArray<UInt64>()
        words.reserveCapacity(groups.count * w)
        for g in groups { for j in 0..<w { words.append(keyWords[Int(g) * w + j]) } }
        return words.withUnsafeBufferPointer { normalizer.decode($0, count: groups.count) }
    }
}
