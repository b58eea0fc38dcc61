import Foundation

extension Aggregate {
    /// Rows per radix partition aimed at: its table (2–4 slots of 8 bytes a
    /// group), packed keys, first positions and accumulator arrays then fit in
    /// a core's L2 cache (512 KB here) even when every row is its own group.
    static let radixPartitionRows = 8192

    /// The most radix partitions (bits): more would spread the scatter's writes
    /// over more streams than the TLB and write-combining buffers can follow.
    static let maxRadixBits: UInt64 = 11

    /// Whether to aggregate by the radix scatter: packed keys that may be unique
    /// per row (q10: 1e7 groups over 1e7 rows, where one table of every group is
    /// hundreds of MB and each probe a cache and TLB miss), enough rows for the
    /// partitioning to pay (on one thread a table under a few MB stays in cache
    /// anyway), and arguments of fixed width (text codes can come from a new
    /// dictionary in each batch; those groupings take the other paths).
    func usesRadixScatter(_ packed: PackedHashGroupIndex) -> Bool {
        guard packed.isSparse(rows: rowHint) else { return false }
        guard calls.allSatisfy({ $0.args.allSatisfy { ScatteredColumn.kind(of: $0.type) != nil } }) else { return false }
        return !parallel.isEmpty || rowHint >= 8 * context.morselSize
    }

    /// One thread's input after the first pass: packed keys, each batch's
    /// position and argument vectors, and how many rows fall in each partition.
    private struct RadixInput {
        var keys = ContiguousArray<UInt64>()
        var batches: [(base: Int64, count: Int, args: [Vector])] = []
        var histogram = ContiguousArray<Int>()
        var nullable: [Bool] = []
        var rows = 0
    }

    /// Aggregation of nearly unique packed keys by a counting-sort scatter
    /// (issue 17), on one thread or several:
    ///
    /// 1. each thread packs the keys of its batches into one buffer, keeps the
    ///    batches' argument vectors, and counts its rows per radix partition;
    /// 2. the counts give every (thread, partition) pair its own slice of one
    ///    shared buffer per column, and each thread moves its rows' keys,
    ///    positions and arguments there in one pass (no per-partition gathers);
    /// 3. each thread aggregates whole partitions, one at a time, into a single
    ///    table allocated once and cleared between partitions (small enough to
    ///    stay in cache), so every group lives in exactly one table and nothing
    ///    is merged. Groups are then put in order of first appearance.
    func runRadixScatter(_ layout: PackedHashGroupIndex) throws -> MaterializedSource {
        let pipelines = parallel.isEmpty ? [child] : parallel
        let threads = pipelines.count
        let target = max(64, min(Aggregate.radixPartitionRows, context.morselSize))
        var bits: UInt64 = 0
        while bits < Aggregate.maxRadixBits && ((1 << bits) < threads || (rowHint >> bits) > target) { bits += 1 }
        let parts = 1 << bits
        radixPartitions = parts
        let flatArgs = calls.flatMap(\.args)
        let serial = parallel.isEmpty

        // Pass 1: pack and count.
        var inputs = try ParallelTasks.map(threads) { t in
            try self.radixCollect(pipelines[t], layout, bits: bits, args: flatArgs, serial: serial)
        }
        var partStart = ContiguousArray<Int>(repeating: 0, count: parts + 1)
        var cursors = [ContiguousArray<Int>](repeating: ContiguousArray(repeating: 0, count: parts), count: threads)
        var at = 0
        for p in 0..<parts {
            partStart[p] = at
            for t in 0..<threads {
                cursors[t][p] = at
                at += inputs[t].histogram[p]
            }
        }
        partStart[parts] = at
        let rows = at

        // Pass 2: scatter into partition order.
        let keyBuffer = UnsafeMutablePointer<UInt64>.allocate(capacity: max(1, rows))
        let positionBuffer = UnsafeMutablePointer<Int64>.allocate(capacity: max(1, rows))
        defer {
            keyBuffer.deallocate()
            positionBuffer.deallocate()
        }
        var columns: [ScatteredColumn] = []
        for (j, arg) in flatArgs.enumerated() {
            guard let kind = ScatteredColumn.kind(of: arg.type) else { throw Diagnostic("internal error: unscatterable aggregate argument") }
            columns.append(ScatteredColumn(kind: kind, count: rows, nullable: inputs.contains { $0.nullable[j] }))
        }
        let collected = inputs, starts = cursors, scatteredColumns = columns
        try ParallelTasks.forEach(threads) { t in
            try Aggregate.radixScatter(collected[t], cursor: starts[t], bits: bits, keys: keyBuffer, positions: positionBuffer,
                                       columns: scatteredColumns)
        }
        inputs = []  // the packed keys of pass 1 are no longer needed

        // Pass 3: aggregate partitions, each thread its own.
        var argRanges: [Range<Int>] = []
        var next = 0
        for call in calls {
            argRanges.append(next..<(next + call.args.count))
            next += call.args.count
        }
        var largest = 0
        for p in 0..<parts { largest = max(largest, partStart[p + 1] - partStart[p]) }
        let bounds = partStart, ranges = argRanges
        let outputs = try ParallelTasks.map(threads) { t in
            try self.radixAggregate(worker: t, of: threads, parts: parts, bounds: bounds, largest: largest, layout: layout,
                                    keys: keyBuffer, positions: positionBuffer, columns: scatteredColumns,
                                    argRanges: ranges, rows: rows)
        }
        return try assembleInOrder(Array(outputs.joined()), packed: layout)
    }

    /// Pass 1 on one thread: its batches' packed keys and arguments, and its rows per partition.
    private func radixCollect(_ input: PhysicalOperator, _ layout: PackedHashGroupIndex, bits: UInt64, args: [PhysicalExpr],
                              serial: Bool) throws -> RadixInput {
        let executor = ExpressionExecutor(context: context)
        var keys = ContiguousArray<UInt64>()
        keys.reserveCapacity(rowHint / (serial ? 1 : parallel.count) + Batch.capacity)
        var histogram = ContiguousArray<Int>(repeating: 0, count: 1 << bits)
        var nullable = [Bool](repeating: false, count: args.count)
        var batches: [(base: Int64, count: Int, args: [Vector])] = []
        var rows = 0
        while let batch = try input.next() {
            let n = batch.count
            if n == 0 { continue }
            // Serially a row's position is its arrival rank (as in the plain serial path); on threads, its place in the table.
            let base = Int64(!serial && batch.origin >= 0 ? batch.origin : rows)
            rows += n
            let keyVectors = try keyVectorsOf(batch, executor)
            let start = keys.count
            keys.append(contentsOf: repeatElement(0, count: n))
            try keys.withUnsafeMutableBufferPointer { k in
                let out = UnsafeMutableBufferPointer(rebasing: k[start..<(start + n)])
                try layout.pack(keyVectors, n, out)
                histogram.withUnsafeMutableBufferPointer { h in
                    for i in 0..<n { h[PackedHashGroupIndex.radixPartition(out[i], bits: bits)] += 1 }
                }
            }
            let values = try args.map { try executor.evaluate($0, batch) }
            for (j, v) in values.enumerated() where ScatteredColumn.hasNulls(v) { nullable[j] = true }
            batches.append((base, n, values))
        }
        return RadixInput(keys: keys, batches: batches, histogram: histogram, nullable: nullable, rows: rows)
    }

    /// The key vectors of `batch`.
    private func keyVectorsOf(_ batch: Batch, _ executor: ExpressionExecutor) throws -> [Vector] {
        try keys.map { try executor.evaluate($0, batch) }
    }

    /// Pass 2 on one thread: moves each of its rows to the next free slot of its
    /// partition (`cursor`, this thread's slice of each partition).
    private static func radixScatter(_ input: RadixInput, cursor start: ContiguousArray<Int>, bits: UInt64,
                                     keys: UnsafeMutablePointer<UInt64>, positions: UnsafeMutablePointer<Int64>,
                                     columns: [ScatteredColumn]) throws {
        var cursor = start
        var dst = ContiguousArray<Int>(repeating: 0, count: Batch.capacity)
        var at = 0
        try input.keys.withUnsafeBufferPointer { k in
            for b in input.batches {
                let n = b.count
                if dst.count < n { dst = ContiguousArray(repeating: 0, count: n) }
                try dst.withUnsafeMutableBufferPointer { d in
                    cursor.withUnsafeMutableBufferPointer { c in
                        for i in 0..<n {
                            let key = k[at + i]
                            let p = PackedHashGroupIndex.radixPartition(key, bits: bits)
                            let to = c[p]
                            c[p] = to + 1
                            d[i] = to
                            keys[to] = key
                            positions[to] = b.base + Int64(i)
                        }
                    }
                    let slots = UnsafeBufferPointer(rebasing: d[0..<n])
                    for (j, column) in columns.enumerated() { try column.scatter(b.args[j], slots) }
                }
                at += n
            }
        }
    }

    /// Pass 3 on one thread: partitions `worker`, `worker + workers`, … each
    /// aggregated into the same (cleared) table.
    private func radixAggregate(worker: Int, of workers: Int, parts: Int, bounds: ContiguousArray<Int>, largest: Int,
                                layout: PackedHashGroupIndex, keys: UnsafeMutablePointer<UInt64>,
                                positions: UnsafeMutablePointer<Int64>, columns: [ScatteredColumn],
                                argRanges: [Range<Int>], rows: Int) throws -> [PartitionOutput] {
        let index = PackedHashGroupIndex(domains: layout.domains, types: layout.types, dictionaries: layout.dictionaries,
                                         rowHint: largest)
        var gids = ContiguousArray<UInt32>(repeating: 0, count: max(1, largest))
        var outputs: [PartitionOutput] = []
        for p in stride(from: worker, to: parts, by: workers) {
            let s = bounds[p], e = bounds[p + 1], n = e - s
            // An empty grouping still needs one (empty, typed) output.
            if n == 0 && !(p == 0 && rows == 0) { continue }
            index.reset()
            let accumulators = calls.map(AccumulatorFactory.make)
            for acc in accumulators { acc.expectRows(n) }
            var first = ContiguousArray<Int64>()
            try gids.withUnsafeMutableBufferPointer { g in
                let ids = UnsafeMutableBufferPointer(rebasing: g[0..<n])
                index.lookup(UnsafeBufferPointer(start: keys + s, count: n), ids)
                let slots = index.slotCount
                let read = UnsafeBufferPointer(ids)
                GroupOrder.note(read, positions: UnsafeBufferPointer(start: positions + s, count: n), slots: slots, into: &first)
                for (c, acc) in accumulators.enumerated() {
                    acc.resize(slots)
                    try acc.update(read, argRanges[c].map { columns[$0].vector(s, e) })
                }
            }
            let groups = index.occupiedGroups()
            for acc in accumulators { acc.resize(max(index.slotCount, 1)) }
            // The keys travel packed (one value per group instead of one per key) until the groups are in order.
            var out = [index.packedKeyVector(groups)]
            for acc in accumulators { out.append(try acc.finish(groups, totalRows: rows)) }
            outputs.append(PartitionOutput(columns: out, count: groups.count, positions: GroupOrder.positions(groups, first)))
        }
        return outputs
    }
}
