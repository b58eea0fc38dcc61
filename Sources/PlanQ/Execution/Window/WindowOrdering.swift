/// The order in which one window specification visits the rows: partitions laid
/// out one after another (a stable counting sort by partition id), each sorted by
/// the window's keys, plus where each partition and each peer group starts.
///
/// Built once per specification and shared by every function over it. Positions
/// are indices into ``permutation``; `permutation[i]` is the input row at position `i`.
struct WindowOrdering {
    /// Input row at each position.
    var permutation: ContiguousArray<UInt32>
    /// Start position of each non-empty partition, then `count`.
    var partitionStarts: ContiguousArray<Int>
    /// 1 where a peer group starts (rows equal on every sort key within a partition);
    /// without sort keys a whole partition is one peer group.
    var peerStart: ContiguousArray<UInt8>
    var count: Int

    /// Orders `count` rows by `partitionIDs` (dense ids below `partitionSlots`, or nil
    /// for one partition) and then by the encoded `sort` keys, ties in input order.
    static func make(partitionIDs: ContiguousArray<UInt32>?, partitionSlots: Int,
                     sort: [(Vector, Bool)], count n: Int) -> WindowOrdering {
        var perm = ContiguousArray<UInt32>(repeating: 0, count: n)
        var starts = ContiguousArray<Int>()
        if let gids = partitionIDs {
            // Stable counting sort by partition id: rows keep input order inside a partition.
            var offsets = ContiguousArray<Int>(repeating: 0, count: partitionSlots + 1)
            gids.withUnsafeBufferPointer { g in
                offsets.withUnsafeMutableBufferPointer { o in
                    for r in 0..<n { o[Int(g[r]) + 1] += 1 }
                    for p in 0..<partitionSlots { o[p + 1] += o[p] }
                }
            }
            for p in 0..<partitionSlots where offsets[p + 1] > offsets[p] { starts.append(offsets[p]) }
            gids.withUnsafeBufferPointer { g in
                offsets.withUnsafeMutableBufferPointer { o in
                    perm.withUnsafeMutableBufferPointer { out in
                        for r in 0..<n {
                            let p = Int(g[r])
                            out[o[p]] = UInt32(r)
                            o[p] += 1
                        }
                    }
                }
            }
        } else {
            perm.withUnsafeMutableBufferPointer { out in
                for r in 0..<n { out[r] = UInt32(r) }
            }
            if n > 0 { starts.append(0) }
        }
        starts.append(n)
        var peers = ContiguousArray<UInt8>(repeating: 0, count: n)
        for s in starts.dropLast() { peers[s] = 1 }
        if !sort.isEmpty && n > 0 {
            sortPartitions(&perm, &peers, starts, sort, n)
        }
        return WindowOrdering(permutation: perm, partitionStarts: starts, peerStart: peers, count: n)
    }

    /// Sorts each partition's positions by the keys and marks where peer groups start.
    static func sortPartitions(_ perm: inout ContiguousArray<UInt32>, _ peers: inout ContiguousArray<UInt8>,
                               _ starts: ContiguousArray<Int>, _ sort: [(Vector, Bool)], _ n: Int) {
        // One word per key, plus a null word for keys that have nulls (nulls sort
        // last in both directions, as planq's `sort by` does).
        var layout: [(words: ContiguousArray<UInt64>, nulls: Vector?, descending: Bool)] = []
        for (v, desc) in sort {
            layout.append((SortKeyEncoder.valueWords(v), v.nullCount > 0 ? v : nil, desc))
        }
        let w = layout.reduce(0) { $0 + ($1.nulls == nil ? 1 : 2) }
        if w == 1 {
            sortSingleWord(&perm, &peers, starts, layout[0].words, descending: layout[0].descending, n)
            return
        }
        // Several words: row-major words per input row, compared word by word.
        var words = ContiguousArray<UInt64>(repeating: 0, count: n * w)
        var j = 0
        for key in layout {
            words.withUnsafeMutableBufferPointer { out in
                key.words.withUnsafeBufferPointer { vw in
                    if let nv = key.nulls {
                        for r in 0..<n {
                            if nv.isNull(r) { out[r * w + j] = 1 } else { out[r * w + j + 1] = key.descending ? ~vw[r] : vw[r] }
                        }
                    } else {
                        for r in 0..<n { out[r * w + j] = key.descending ? ~vw[r] : vw[r] }
                    }
                }
            }
            j += key.nulls == nil ? 1 : 2
        }
        words.withUnsafeBufferPointer { p in
            perm.withUnsafeMutableBufferPointer { all in
                peers.withUnsafeMutableBufferPointer { peer in
                    for s in 0..<(starts.count - 1) {
                        let a = starts[s], b = starts[s + 1]
                        if b - a > 1 {
                            var seg = UnsafeMutableBufferPointer(rebasing: all[a..<b])
                            seg.sort { x, y in
                                let xo = Int(x) * w, yo = Int(y) * w
                                for k in 0..<w where p[xo + k] != p[yo + k] { return p[xo + k] < p[yo + k] }
                                return x < y
                            }
                        }
                        for i in (a + 1)..<max(a + 1, b) {
                            let xo = Int(all[i - 1]) * w, yo = Int(all[i]) * w
                            var same = true
                            for k in 0..<w where p[xo + k] != p[yo + k] { same = false; break }
                            if !same { peer[i] = 1 }
                        }
                    }
                }
            }
        }
    }

    /// A (key, row) pair: sorting pairs compares plain integers, row last for stability.
    struct KeyedRow: Comparable {
        var key: UInt64
        var row: UInt32

        @inline(__always)
        static func < (a: KeyedRow, b: KeyedRow) -> Bool {
            a.key != b.key ? a.key < b.key : a.row < b.row
        }
    }

    /// The common case of one sort key without nulls: sort (word, row) pairs per partition.
    static func sortSingleWord(_ perm: inout ContiguousArray<UInt32>, _ peers: inout ContiguousArray<UInt8>,
                               _ starts: ContiguousArray<Int>, _ values: ContiguousArray<UInt64>,
                               descending: Bool, _ n: Int) {
        var pairs = ContiguousArray<KeyedRow>(repeating: KeyedRow(key: 0, row: 0), count: n)
        let flip: UInt64 = descending ? ~0 : 0
        pairs.withUnsafeMutableBufferPointer { pr in
            values.withUnsafeBufferPointer { v in
                perm.withUnsafeMutableBufferPointer { all in
                    peers.withUnsafeMutableBufferPointer { peer in
                        for i in 0..<n {
                            let r = all[i]
                            pr[i] = KeyedRow(key: v[Int(r)] ^ flip, row: r)
                        }
                        for s in 0..<(starts.count - 1) {
                            let a = starts[s], b = starts[s + 1]
                            if b - a > 1 {
                                let seg = UnsafeMutableBufferPointer(rebasing: pr[a..<b])
                                WindowOrdering.sortKeyed(seg)
                            }
                            all[a] = pr[a].row
                            if b - a > 1 {
                                for i in (a + 1)..<b {
                                    all[i] = pr[i].row
                                    if pr[i].key != pr[i - 1].key { peer[i] = 1 }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Sorts one partition's pairs: insertion sort when tiny, the standard sort otherwise.
    static func sortKeyed(_ segment: UnsafeMutableBufferPointer<KeyedRow>) {
        var seg = segment
        let m = seg.count
        if m <= 16 {
            for i in 1..<m {
                let x = seg[i]
                var j = i
                while j > 0 && x < seg[j - 1] {
                    seg[j] = seg[j - 1]
                    j -= 1
                }
                seg[j] = x
            }
            return
        }
        seg.sort()
    }
}
