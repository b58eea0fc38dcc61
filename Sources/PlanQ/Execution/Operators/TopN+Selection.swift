extension TopN {
    /// `top n by x per k` for small `n`, streaming: each input batch gets its
    /// partition ids and rank words, and each partition keeps its best `n`
    /// (rank word, row) pairs sorted, so a row that does not beat its
    /// partition's worst kept row costs one comparison. Input batches are kept
    /// (scan batches share the table's storage) and only the chosen rows are
    /// gathered at the end; the input is never concatenated or sorted. Rows
    /// with a null key fill the places still free afterwards, in input order
    /// (nulls sort last); ties keep the earlier row. Output: partitions in
    /// order of first appearance, each by rank.
    /// - Complexity: O(rows) typically, O(rows · n) worst case.
    func streamingSelect() throws -> MaterializedSource {
        let executor = ExpressionExecutor(context: context)
        let index: GroupIndex? = per.isEmpty ? nil : (partitions ?? HashGroupIndex(types: per.map(\.type)))
        let n = self.n
        let flip: UInt64 = descending ? ~0 : 0
        var best = ContiguousArray<UInt64>(), rows = ContiguousArray<Int>()
        var filled = ContiguousArray<Int32>(), first = ContiguousArray<Int>()
        var nullRows: [(row: Int, group: Int)] = []
        var batches: [Batch] = [], starts: [Int] = []
        var gids = ContiguousArray<UInt32>(repeating: 0, count: Batch.capacity)
        var offset = 0
        while let batch = try child.next() {
            let m = batch.count
            if gids.count < m { gids = ContiguousArray(repeating: 0, count: m) }
            if let index {
                let keys = try per.map { try executor.evaluate($0, batch) }
                try gids.withUnsafeMutableBufferPointer { g in
                    try index.assign(keys, count: m, into: UnsafeMutableBufferPointer(rebasing: g[0..<m]))
                }
            }
            let groups = max(index?.slotCount ?? 1, 1)
            if filled.count < groups {
                let more = groups - filled.count
                best.append(contentsOf: repeatElement(0, count: more * n))
                rows.append(contentsOf: repeatElement(0, count: more * n))
                filled.append(contentsOf: repeatElement(0, count: more))
                first.append(contentsOf: repeatElement(Int.max, count: more))
            }
            let keyVector = try executor.evaluate(key, batch)
            let words = SortKeyEncoder.valueWords(keyVector)
            let nullable = keyVector.nullCount > 0
            gids.withUnsafeBufferPointer { g in
                words.withUnsafeBufferPointer { w in
                    best.withUnsafeMutableBufferPointer { b in
                        rows.withUnsafeMutableBufferPointer { rw in
                            filled.withUnsafeMutableBufferPointer { f in
                                first.withUnsafeMutableBufferPointer { fr in
                                    for i in 0..<m {
                                        let p = index == nil ? 0 : Int(g[i]), r = offset + i
                                        if fr[p] == Int.max { fr[p] = r }
                                        // `top 0` keeps nothing (and has no worst kept row to compare with).
                                        if n == 0 { continue }
                                        if nullable && keyVector.isNull(i) {
                                            nullRows.append((r, p))
                                            continue
                                        }
                                        // Smaller rank word = better row.
                                        let x = w[i] ^ flip, base = p * n
                                        var k = Int(f[p])
                                        if k == n {
                                            // Ties keep the earlier row: only a strictly better key enters.
                                            if x >= b[base + n - 1] { continue }
                                            k = n - 1
                                        } else {
                                            f[p] += 1
                                        }
                                        while k > 0 && b[base + k - 1] > x {
                                            b[base + k] = b[base + k - 1]
                                            rw[base + k] = rw[base + k - 1]
                                            k -= 1
                                        }
                                        b[base + k] = x
                                        rw[base + k] = r
                                    }
                                }
                            }
                        }
                    }
                }
            }
            batches.append(batch)
            starts.append(offset)
            offset += m
        }
        for (r, p) in nullRows where Int(filled[p]) < n {
            rows[p * n + Int(filled[p])] = r
            filled[p] += 1
        }
        let order = first.indices.filter { first[$0] != Int.max }.sorted { first[$0] < first[$1] }
        var keep: [Int] = []
        for p in order {
            for k in 0..<Int(filled[p]) { keep.append(rows[p * n + k]) }
        }
        return MaterializedSource(columns: gather(keep, from: batches, starts: starts), count: keep.count, context: context)
    }

    /// The rows `keep` (input row numbers, in output order) from the kept batches.
    private func gather(_ keep: [Int], from batches: [Batch], starts: [Int]) -> [Vector] {
        let byRow = keep.indices.sorted { keep[$0] < keep[$1] }
        var pieces = [[Vector]](repeating: [], count: width)
        var j = 0
        for (bi, b) in batches.enumerated() {
            let end = starts[bi] + b.count
            var sel = ContiguousArray<UInt32>()
            while j < byRow.count && keep[byRow[j]] < end {
                sel.append(UInt32(keep[byRow[j]] - starts[bi]))
                j += 1
            }
            if sel.isEmpty { continue }
            for c in 0..<width { pieces[c].append(b.columns[c].gather(sel)) }
        }
        // Position of each output row among the gathered rows (which are in input order).
        var position = ContiguousArray<UInt32>(repeating: 0, count: keep.count)
        for (p, k) in byRow.enumerated() { position[k] = UInt32(p) }
        return pieces.enumerated().map { c, parts in
            // Nothing kept: an empty column of the input's type, not a typeless one.
            if parts.isEmpty, let b = batches.first { return b.columns[c].gather(ContiguousArray<UInt32>()) }
            return VectorConcatenation.concatenate(parts, count: keep.count).gather(position)
        }
    }
}
