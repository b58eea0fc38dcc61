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
    /// for one partition) and then by the encoded `sort` keys, ties in input order;
    /// partitions are sorted on up to `threads` threads.
    static func make(partitionIDs: ContiguousArray<UInt32>?, partitionSlots: Int,
                     sort: [(Vector, Bool)], count n: Int, threads: Int = 1) -> WindowOrdering {
        let (words, width) = sort.isEmpty || n == 0 ? (ContiguousArray<UInt64>(), 0) : SortKeyEncoder.encode(sort, count: n)
        // Where each partition's rows go: a stable counting sort by partition id, so rows
        // keep input order inside a partition (the tie order the sorts below preserve).
        var offsets = ContiguousArray<Int>(repeating: 0, count: 2)
        var slots = 1
        if let gids = partitionIDs {
            slots = partitionSlots
            offsets = ContiguousArray(repeating: 0, count: slots + 1)
            gids.withUnsafeBufferPointer { g in
                offsets.withUnsafeMutableBufferPointer { o in
                    for r in 0..<n { o[Int(g[r]) + 1] += 1 }
                    for p in 0..<slots { o[p + 1] += o[p] }
                }
            }
        } else {
            offsets[1] = n
        }
        var starts = ContiguousArray<Int>()
        for p in 0..<slots where offsets[p + 1] > offsets[p] { starts.append(offsets[p]) }
        starts.append(n)
        var peers = ContiguousArray<UInt8>(repeating: 0, count: n)
        for s in starts.dropLast() { peers[s] = 1 }
        let runs = runBounds(starts, n, threads: width == 0 ? 1 : threads)
        var perm = ContiguousArray<UInt32>(unsafeUninitializedCapacity: n) { _, c in c = n }
        if width == 1 {
            // One key word: carry it beside the row, so sorting reads contiguous pairs.
            var pairs = ContiguousArray<KeySorter.Keyed>(unsafeUninitializedCapacity: n) { _, c in c = n }
            words.withUnsafeBufferPointer { wd in
                pairs.withUnsafeMutableBufferPointer { pr in
                    scatter(partitionIDs, &offsets, n) { r, at in pr[at] = KeySorter.Keyed(key: wd[r], position: UInt32(r)) }
                    perm.withUnsafeMutableBufferPointer { all in
                        peers.withUnsafeMutableBufferPointer { peer in
                            let pairRows = pr, allRows = all, peerFlags = peer
                            // Each run touches only its own partitions' positions.
                            ParallelTasks.forEach(runs.count - 1) { t in
                                var sorter = KeySorter(words: wd, width: 1)
                                for s in runs[t]..<runs[t + 1] {
                                    let a = starts[s], b = starts[s + 1]
                                    sorter.sortPairs(UnsafeMutableBufferPointer(rebasing: pairRows[a..<b]))
                                    allRows[a] = pairRows[a].position
                                    for i in (a + 1)..<max(a + 1, b) {
                                        allRows[i] = pairRows[i].position
                                        if pairRows[i].key != pairRows[i - 1].key { peerFlags[i] = 1 }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        } else {
            perm.withUnsafeMutableBufferPointer { all in
                scatter(partitionIDs, &offsets, n) { r, at in all[at] = UInt32(r) }
            }
            if width > 1 {
                sortPartitions(&perm, &peers, starts, runs, words, width)
            }
        }
        return WindowOrdering(permutation: perm, partitionStarts: starts, peerStart: peers, count: n)
    }

    /// Calls `put(row, position)` for each row, positions from the counting sort's `offsets`
    /// (consumed), or the row itself without partitions.
    @inline(__always)
    static func scatter(_ gids: ContiguousArray<UInt32>?, _ offsets: inout ContiguousArray<Int>, _ n: Int,
                        _ put: (Int, Int) -> Void) {
        guard let gids else {
            for r in 0..<n { put(r, r) }
            return
        }
        gids.withUnsafeBufferPointer { g in
            offsets.withUnsafeMutableBufferPointer { o in
                for r in 0..<n {
                    let p = Int(g[r])
                    put(r, o[p])
                    o[p] += 1
                }
            }
        }
    }

    /// Partition indices splitting the partitions into up to `threads` runs of about equal
    /// row counts (a partition never straddles two runs); one run for small inputs.
    static func runBounds(_ starts: ContiguousArray<Int>, _ n: Int, threads: Int) -> [Int] {
        let partitions = starts.count - 1
        let runs = n < 65_536 || partitions < 2 ? 1 : min(threads, partitions)
        var bounds = [0]
        for t in 1..<max(runs, 1) {
            let target = n * t / runs
            var p = bounds[bounds.count - 1]
            while p < partitions && starts[p] < target { p += 1 }
            bounds.append(p)
        }
        bounds.append(partitions)
        return bounds
    }

    /// Sorts each partition's positions by several key words (``KeySorter``) and marks where
    /// peer groups start, one run of partitions per thread.
    static func sortPartitions(_ perm: inout ContiguousArray<UInt32>, _ peers: inout ContiguousArray<UInt8>,
                               _ starts: ContiguousArray<Int>, _ runs: [Int],
                               _ words: ContiguousArray<UInt64>, _ w: Int) {
        words.withUnsafeBufferPointer { p in
            perm.withUnsafeMutableBufferPointer { all in
                peers.withUnsafeMutableBufferPointer { peer in
                    // Each run writes only its own partitions' positions.
                    let allRows = all, peerFlags = peer
                    ParallelTasks.forEach(runs.count - 1) { t in
                        var sorter = KeySorter(words: p, width: w)
                        for s in runs[t]..<runs[t + 1] {
                            let a = starts[s], b = starts[s + 1]
                            if b - a > 1 {
                                sorter.sort(UnsafeMutableBufferPointer(rebasing: allRows[a..<b]))
                                for i in (a + 1)..<b where !sorter.equal(allRows[i - 1], allRows[i]) { peerFlags[i] = 1 }
                            }
                        }
                    }
                }
            }
        }
    }
}
