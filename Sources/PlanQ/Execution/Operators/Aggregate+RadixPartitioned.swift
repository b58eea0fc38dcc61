import Foundation

extension Aggregate {
    /// One thread's rows of one hash partition: packed keys and, per aggregate
    /// call, its argument vectors gathered to those rows.
    struct PartitionRows {
        var keys: ContiguousArray<UInt64>
        var args: [[Vector]]
        /// Each row's position in the scanned table (``GroupOrder``).
        var positions: ContiguousArray<Int64>
    }

    /// Parallel aggregation for packed keys that may be nearly unique per row
    /// (q10), where thread-local tables would hold almost every row and merging
    /// them would redo the work. Rows are partitioned *before* aggregating:
    /// each thread packs the keys of its morsels and scatters the rows (keys
    /// plus gathered arguments) by a hash of the key into one bucket per
    /// partition; then each thread aggregates whole partitions, so every group
    /// lives in exactly one table and nothing is merged. The partitions' groups
    /// are then put in order of first appearance (``GroupOrder``).
    func runRadixPartitioned(_ layout: PackedHashGroupIndex) throws -> MaterializedSource {
        let threads = parallel.count, parts = threads
        let pipelines = parallel
        let scattered = try ParallelTasks.map(threads) { t in try self.scatter(pipelines[t], layout, parts) }
        let buckets = scattered.map(\.0)
        let rows = scattered.reduce(0) { $0 + $1.1 }
        let outputs = try ParallelTasks.map(parts) { p in
            try self.aggregatePartition(buckets.map { $0[p] }, layout, rows: rows, parts: parts)
        }
        return try assembleInOrder(outputs)
    }

    /// Phase 1 on one thread: its morsels' rows, bucketed by partition.
    private func scatter(_ input: PhysicalOperator, _ layout: PackedHashGroupIndex, _ parts: Int) throws
        -> ([[PartitionRows]], Int) {
        let executor = ExpressionExecutor(context: context)
        var local = [[PartitionRows]](repeating: [], count: parts)
        var packed = ContiguousArray<UInt64>(repeating: 0, count: Batch.capacity)
        var partOf = ContiguousArray<UInt8>(repeating: 0, count: Batch.capacity)
        var rows = 0
        while let batch = try input.next() {
            let n = batch.count
            let base = Int64(batch.origin >= 0 ? batch.origin : rows)
            rows += n
            if packed.count < n {
                packed = ContiguousArray(repeating: 0, count: n)
                partOf = ContiguousArray(repeating: 0, count: n)
            }
            let keyVectors = try keys.map { try executor.evaluate($0, batch) }
            try packed.withUnsafeMutableBufferPointer { try layout.pack(keyVectors, n, $0) }
            let args = try calls.map { call in try call.args.map { try executor.evaluate($0, batch) } }
            var sizes = [Int](repeating: 0, count: parts)
            packed.withUnsafeBufferPointer { k in
                partOf.withUnsafeMutableBufferPointer { po in
                    for i in 0..<n {
                        let p = PackedHashGroupIndex.partition(k[i], parts)
                        po[i] = UInt8(truncatingIfNeeded: p)
                        sizes[p] += 1
                    }
                }
            }
            for p in 0..<parts where sizes[p] > 0 {
                var sel = ContiguousArray<UInt32>()
                sel.reserveCapacity(sizes[p])
                var keysOut = ContiguousArray<UInt64>()
                keysOut.reserveCapacity(sizes[p])
                var positions = ContiguousArray<Int64>()
                positions.reserveCapacity(sizes[p])
                for i in 0..<n where Int(partOf[i]) == p {
                    sel.append(UInt32(i))
                    keysOut.append(packed[i])
                    positions.append(base + Int64(i))
                }
                local[p].append(PartitionRows(keys: keysOut, args: args.map { $0.map { $0.gather(sel) } }, positions: positions))
            }
        }
        return (local, rows)
    }

    /// Phase 2: one partition's rows from every thread into one table.
    private func aggregatePartition(_ chunks: [[PartitionRows]], _ layout: PackedHashGroupIndex, rows: Int, parts: Int) throws
        -> PartitionOutput {
        let index = PackedHashGroupIndex(domains: layout.domains, types: layout.types, dictionaries: layout.dictionaries,
                                         rowHint: rowHint / parts + 1)
        let accumulators = calls.map(AccumulatorFactory.make)
        for acc in accumulators { acc.expectRows(rowHint / parts + Batch.capacity) }
        var gids = ContiguousArray<UInt32>(repeating: 0, count: Batch.capacity)
        var first = ContiguousArray<Int64>()
        for chunk in chunks.joined() {
            let n = chunk.keys.count
            if gids.count < n { gids = ContiguousArray(repeating: 0, count: n) }
            gids.withUnsafeMutableBufferPointer { g in
                chunk.keys.withUnsafeBufferPointer { k in index.lookup(k, UnsafeMutableBufferPointer(rebasing: g[0..<n])) }
            }
            let slots = index.slotCount
            gids.withUnsafeBufferPointer { g in
                GroupOrder.note(UnsafeBufferPointer(rebasing: g[0..<n]), positions: chunk.positions, slots: slots, into: &first)
            }
            for (acc, args) in zip(accumulators, chunk.args) {
                acc.resize(slots)
                try gids.withUnsafeBufferPointer { g in try acc.update(UnsafeBufferPointer(rebasing: g[0..<n]), args) }
            }
        }
        let groups = index.occupiedGroups()
        for acc in accumulators { acc.resize(max(index.slotCount, 1)) }
        var columns = index.keyVectors(groups)
        for acc in accumulators { columns.append(try acc.finish(groups, totalRows: rows)) }
        return PartitionOutput(columns: columns, count: groups.count, positions: GroupOrder.positions(groups, first))
    }
}
