/// Encodes sort keys as `UInt64` words whose unsigned order is the requested
/// order, so a multi-key sort compares plain integers (``KeySorter``).
///
/// Per key: a null word (0, or 1 for null, never inverted: nulls sort last in
/// both directions), written only when the key has nulls, then the value word
/// (inverted for descending; 0 for a null row, so null rows tie). Ints flip
/// the sign bit; doubles use the IEEE total-order trick; text uses the rank of
/// each dictionary entry in sorted order; enums their declared order.
enum SortKeyEncoder {
    /// Row-major words, `width` per row, for `keys` (vector, descending) over `n` rows.
    static func encode(_ keys: [(Vector, Bool)], count n: Int) -> (words: ContiguousArray<UInt64>, width: Int) {
        let nullable = keys.map { $0.0.nullCount > 0 }
        if keys.count == 1, !nullable[0] {
            // One key without nulls (the common case): its value words are the encoding.
            var values = valueWords(keys[0].0)
            if keys[0].1 { values.withUnsafeMutableBufferPointer { v in for r in v.indices { v[r] = ~v[r] } } }
            return (values, 1)
        }
        let w = nullable.reduce(0) { $0 + ($1 ? 2 : 1) }
        var out = ContiguousArray<UInt64>(repeating: 0, count: n * w)
        var j = 0
        for (k, (v, desc)) in keys.enumerated() {
            let values = valueWords(v)
            let flip: UInt64 = desc ? ~0 : 0
            let valid = nullable[k] ? validBytes(v) : nil
            out.withUnsafeMutableBufferPointer { o in
                values.withUnsafeBufferPointer { vw in
                    if let valid {
                        valid.withUnsafeBufferPointer { ok in
                            for r in 0..<n {
                                if ok[r] == 0 { o[r * w + j] = 1 } else { o[r * w + j + 1] = vw[r] ^ flip }
                            }
                        }
                    } else {
                        for r in 0..<n { o[r * w + j] = vw[r] ^ flip }
                    }
                }
            }
            j += nullable[k] ? 2 : 1
        }
        return (out, w)
    }

    /// One byte per row, 1 where `v` has a value.
    static func validBytes(_ v: Vector) -> ContiguousArray<UInt8> {
        let n = v.count
        if case .null = v.data { return ContiguousArray(repeating: 0, count: n) }
        guard let m = v.validity else { return ContiguousArray(repeating: 1, count: n) }
        var out = ContiguousArray<UInt8>(repeating: 0, count: n)
        out.withUnsafeMutableBufferPointer { p in
            for i in 0..<n where m.isValid(i) { p[i] = 1 }
        }
        return out
    }

    /// Each row's value word (nulls get whatever their storage holds; callers mask them).
    static func valueWords(_ v: Vector) -> ContiguousArray<UInt64> {
        let sign: UInt64 = 1 << 63
        switch v.data {
        case .null(let n): return ContiguousArray(repeating: 0, count: n)
        case .bool(let a): return ContiguousArray(a.map { UInt64($0) })
        case .int(let a): return ContiguousArray(a.map { UInt64(bitPattern: $0) ^ sign })
        case .date(let a): return ContiguousArray(a.map { UInt64(bitPattern: Int64($0)) ^ sign })
        case .enumeration(let a, _): return ContiguousArray(a.map { UInt64($0) })
        case .double(let a):
            return ContiguousArray(a.map { d -> UInt64 in
                // NaN sorts after every number; -0 equals 0.
                if d.isNaN { return UInt64.max }
                let b = (d == 0 ? 0.0 : d).bitPattern
                return b & sign != 0 ? ~b : b | sign
            })
        case .text(let a, let d):
            let order = d.strings.indices.sorted { d.strings[$0] < d.strings[$1] }
            var rank = ContiguousArray<UInt64>(repeating: 0, count: d.count)
            var r: UInt64 = 0
            for (i, idx) in order.enumerated() {
                if i > 0 && d.strings[order[i - 1]] != d.strings[idx] { r += 1 }
                rank[idx] = r
            }
            return ContiguousArray(a.map { rank[Int($0)] })
        }
    }

    /// The rows' order under `keys` (each with its descending flag): ``encode(_:count:)`` then
    /// ``permutation(_:width:count:)``, the one way `sort by` and `top n` order whole inputs.
    static func order(_ keys: [(Vector, Bool)], count n: Int) -> ContiguousArray<UInt32> {
        let (words, w) = encode(keys, count: n)
        return permutation(words, width: w, count: n)
    }

    /// Row order sorted by the encoded words; ties keep input order (stable).
    static func permutation(_ words: ContiguousArray<UInt64>, width w: Int, count n: Int) -> ContiguousArray<UInt32> {
        var perm = ContiguousArray<UInt32>(repeating: 0, count: n)
        words.withUnsafeBufferPointer { p in
            perm.withUnsafeMutableBufferPointer { out in
                var sorter = KeySorter(words: p, width: w)
                if w == 1 {
                    // One word: sort (word, row) pairs, contiguous in every pass.
                    var pairs = ContiguousArray((0..<n).map { KeySorter.Keyed(key: p[$0], position: UInt32($0)) })
                    pairs.withUnsafeMutableBufferPointer { pr in
                        sorter.sortPairs(pr)
                        for i in 0..<n { out[i] = pr[i].position }
                    }
                } else {
                    for r in 0..<n { out[r] = UInt32(r) }
                    sorter.sort(out)
                }
            }
        }
        return perm
    }
}
