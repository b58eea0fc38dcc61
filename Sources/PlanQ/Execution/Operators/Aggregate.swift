import Foundation

/// Grouped aggregation. Each input batch becomes a group-id vector (from a
/// ``DirectGroupIndex``, ``PackedHashGroupIndex`` or ``HashGroupIndex``, chosen
/// by the planner), and each aggregate's ``Accumulator`` folds the batch's
/// argument vector into its per-group arrays. Shown in `explain` as
/// `DirectAggregate` or `HashAggregate`.
///
/// Parallel (morsel-driven) when the planner gives it one pipeline per thread:
/// each thread pulls morsels through its own pipeline into its own group index
/// and accumulators (no sharing, no locks on the hot path), then the
/// thread-local states are merged into the first one. Group ids of a direct
/// index mean the same slot in every thread; hashed groups are re-found in the
/// first thread's table (or, when there are many, merged partition by
/// partition on every thread). Packed keys that may be unique per row are
/// instead partitioned before aggregating: by a counting-sort scatter
/// (`Aggregate+RadixScatter.swift`, also on one thread) when the arguments
/// have fixed width, else by per-partition gathers (`Aggregate+RadixPartitioned.swift`).
/// Groups come out in order of first appearance on every path and thread
/// count (``GroupOrder``): each state records its groups' first row positions.
final class Aggregate: PhysicalOperator {
    let child: PhysicalOperator
    let keys: [PhysicalExpr]
    let calls: [PhysicalAggregateCall]
    let index: GroupIndex
    let label: String
    /// One pipeline per thread over the same morsel queue, or empty (serial).
    let parallel: [PhysicalOperator]
    /// Rows the input is expected to have (the scanned table's), or 0 if unknown.
    let rowHint: Int
    private var output: MaterializedSource?
    /// Groups after a partitioned merge or aggregation (the planner's index then holds none or only thread 1's).
    var mergedGroups: Int?
    /// Radix partitions of a counting-sort scatter run (``runRadixScatter(_:)``), shown by `explain`.
    var radixPartitions: Int?

    init(child: PhysicalOperator, keys: [PhysicalExpr], calls: [PhysicalAggregateCall], index: GroupIndex,
         label: String, context: ExecutionContext, parallel: [PhysicalOperator] = [], rowHint: Int = 0) {
        self.rowHint = rowHint
        self.child = child
        self.keys = keys
        self.calls = calls
        self.index = index
        self.label = label
        self.parallel = parallel
        super.init(context: context)
    }

    override var name: String { index is DirectGroupIndex ? "DirectAggregate" : "HashAggregate" }
    override var detail: String {
        "\(label) (\(index.strategy)\(mergedGroups.map { "; \($0) groups after merging partitions" } ?? "")"
            + "\(radixPartitions.map { "; rows scattered into \($0) radix partitions" } ?? ""))"
            + (parallel.isEmpty ? "" : ", \(parallel.count) threads (input rows shown: thread 1's)")
    }
    override var children: [PhysicalOperator] { [parallel.first ?? child] }

    override func produce() throws -> Batch? {
        if output == nil { output = try aggregate() }
        return try output?.next()
    }

    /// The whole result at once (no batches cut and concatenated again), when nothing has been produced yet.
    override func produceWhole(width: Int) throws -> (columns: [Vector], count: Int)? {
        guard output == nil, width == keys.count + calls.count else { return nil }
        let result = try aggregate()
        output = MaterializedSource(columns: [], count: 0, context: context)
        return (result.columns, result.count)
    }

    /// Runs the aggregation on the path its keys and threads call for.
    private func aggregate() throws -> MaterializedSource {
        if let packed = index as? PackedHashGroupIndex, usesRadixScatter(packed) {
            return try runRadixScatter(packed)
        } else if parallel.isEmpty {
            return try run()
        } else if let packed = index as? PackedHashGroupIndex, packed.isSparse(rows: rowHint) {
            return try runRadixPartitioned(packed)
        } else {
            return try runParallel()
        }
    }

    /// One thread's state: the groups it has seen and its accumulators.
    private struct Partial {
        var index: GroupIndex
        var accumulators: [Accumulator]
        var rows = 0
        /// Position of each group's first row (``GroupOrder``), when the ids alone do not give it.
        var first = ContiguousArray<Int64>()
    }

    /// Whether group ids alone are not in first-appearance order: a direct index
    /// numbers groups by key, and on several threads each thread numbers its own.
    private var tracksOrder: Bool {
        !keys.isEmpty && !declaredOrder && (!parallel.isEmpty || index is DirectGroupIndex)
    }

    /// Every key is an enum or a bool: groups are ordered by key (``GroupOrder``).
    var declaredOrder: Bool { GroupOrder.byDeclaredOrder(keys.map(\.type)) }

    /// `columns` (keys first) with their rows ordered by key when the keys are all enums or bools.
    private func inKeyOrder(_ columns: [Vector], count: Int) -> [Vector] {
        guard declaredOrder, count > 1 else { return columns }
        let order = GroupOrder.keyPermutation(Array(columns[0..<keys.count]), count: count)
        return columns.map { $0.gather(order) }
    }

    /// Folds every batch of `input` into `state`.
    private func consume(_ input: PhysicalOperator, _ state: inout Partial) throws {
        let executor = ExpressionExecutor(context: context)
        // Each thread sees about its share of the rows (a hint; being wrong only costs regrowth).
        for acc in state.accumulators { acc.expectRows(rowHint / max(1, parallel.count) + Batch.capacity) }
        var gids = ContiguousArray<UInt32>(repeating: 0, count: Batch.capacity)
        let track = tracksOrder
        while let batch = try input.next() {
            let n = batch.count
            // On several threads a row's position is its place in the table; serially, its arrival rank.
            let base = Int64(!parallel.isEmpty && batch.origin >= 0 ? batch.origin : state.rows)
            state.rows += n
            if gids.count < n { gids = ContiguousArray(repeating: 0, count: n) }
            let keyVectors = try keys.map { try executor.evaluate($0, batch) }
            let index = state.index
            try gids.withUnsafeMutableBufferPointer { g in
                try index.assign(keyVectors, count: n, into: UnsafeMutableBufferPointer(rebasing: g[0..<n]))
            }
            let slots = index.slotCount
            if track {
                gids.withUnsafeBufferPointer { g in
                    GroupOrder.note(UnsafeBufferPointer(rebasing: g[0..<n]), base: base, slots: slots, into: &state.first)
                }
            }
            for (acc, call) in zip(state.accumulators, calls) {
                acc.resize(slots)
                let args = try call.args.map { try executor.evaluate($0, batch) }
                try gids.withUnsafeBufferPointer { g in
                    try acc.update(UnsafeBufferPointer(rebasing: g[0..<n]), args)
                }
            }
        }
    }

    private func run() throws -> MaterializedSource {
        var state = Partial(index: index, accumulators: calls.map(AccumulatorFactory.make))
        try consume(child, &state)
        return try finish(state)
    }

    private func runParallel() throws -> MaterializedSource {
        let threads = parallel.count
        var partials = (0..<threads).map { t in
            Partial(index: t == 0 ? index : index.makeEmpty(), accumulators: calls.map(AccumulatorFactory.make))
        }
        // A packed table sized for every row would be allocated (and its pages touched) once per thread.
        if let packed = index as? PackedHashGroupIndex, packed.rowHint > 0 {
            for t in 1..<threads {
                partials[t].index = PackedHashGroupIndex(domains: packed.domains, types: packed.types,
                                                         dictionaries: packed.dictionaries, rowHint: packed.rowHint / threads + 1)
            }
        }
        let initial = partials, pipelines = parallel
        partials = []
        partials = try ParallelTasks.map(threads) { t in
            var partial = initial[t]
            try self.consume(pipelines[t], &partial)
            return partial
        }
        // Many groups (relative to a morsel, so that tests with tiny morsels take this path too).
        let threshold = max(64, min(Aggregate.partitionedMergeGroups, context.morselSize))
        if index is PackedHashGroupIndex && partials.reduce(0, { $0 + $1.index.slotCount }) >= threshold {
            return try mergePartitioned(partials)
        }
        var merged = partials[0]
        for t in 1..<threads {
            let other = partials[t]
            let map = try merged.index.absorb(other.index)
            let slots = merged.index.slotCount
            try map.withUnsafeBufferPointer { m in
                for (acc, theirs) in zip(merged.accumulators, other.accumulators) {
                    acc.resize(slots)
                    try acc.merge(theirs, map: m)
                }
                GroupOrder.merge(other.first, map: m, slots: slots, into: &merged.first)
            }
            merged.rows += other.rows
        }
        return try finish(merged)
    }

    /// Above this many thread-local groups in all, packed-key groups are merged
    /// by partition on every thread instead of into the first thread's table.
    static let partitionedMergeGroups = 1 << 16

    /// Merges the threads' packed-key groups in parallel: partition `p` (a hash
    /// of the key) gets its own index and accumulators, fed by every thread's
    /// groups of that partition, and is finished on its own; the partitions'
    /// rows are then concatenated. No group is in two partitions, so no state is shared.
    private func mergePartitioned(_ partials: [Partial]) throws -> MaterializedSource {
        let parts = partials.count
        let rows = partials.reduce(0) { $0 + $1.rows }
        let groups = partials.reduce(0) { $0 + $1.index.slotCount }
        let outputs = try ParallelTasks.map(parts) { p in
            try self.mergePartition(p, of: parts, partials, rowHint: groups / parts + 1, rows: rows)
        }
        return try assembleInOrder(outputs)
    }

    /// One partition's finished groups: key and aggregate columns, and each group's first position.
    struct PartitionOutput {
        var columns: [Vector] = []
        var count = 0
        var positions = ContiguousArray<Int64>()
    }

    /// The partitions' groups as one result, in order of first appearance.
    func concatenateInOrder(_ outputs: [PartitionOutput]) -> MaterializedSource {
        let total = outputs.reduce(0) { $0 + $1.count }
        mergedGroups = total
        let width = keys.count + calls.count
        var columns = (0..<width).map { c in VectorConcatenation.concatenate(outputs.map { $0.columns[c] }, count: total) }
        let positions = ContiguousArray(outputs.map(\.positions).joined())
        if positions.count == total && !declaredOrder {
            let order = GroupOrder.permutation(positions)
            columns = columns.map { $0.gather(order) }
        }
        return MaterializedSource(columns: inKeyOrder(columns, count: total), count: total, context: context)
    }

    /// One partition of ``mergePartitioned(_:)``: its key and aggregate columns.
    private func mergePartition(_ p: Int, of parts: Int, _ partials: [Partial], rowHint: Int, rows: Int) throws -> PartitionOutput {
        guard let layout = index as? PackedHashGroupIndex else { throw Diagnostic("internal error: partitioned merge of a non-packed index") }
        let merged = PackedHashGroupIndex(domains: layout.domains, types: layout.types, dictionaries: layout.dictionaries, rowHint: rowHint)
        let accumulators = calls.map(AccumulatorFactory.make)
        var first = ContiguousArray<Int64>()
        for partial in partials {
            guard let local = partial.index as? PackedHashGroupIndex else { throw Diagnostic("internal error: mixed group indexes in a merge") }
            let map = merged.absorb(local, partition: p, of: parts)
            try map.withUnsafeBufferPointer { m in
                for (acc, theirs) in zip(accumulators, partial.accumulators) {
                    acc.resize(merged.slotCount)
                    try acc.merge(theirs, map: m)
                }
                GroupOrder.merge(partial.first, map: m, slots: merged.slotCount, into: &first)
            }
        }
        let groups = merged.occupiedGroups()
        for acc in accumulators { acc.resize(max(merged.slotCount, 1)) }
        var columns = merged.keyVectors(groups)
        for acc in accumulators { columns.append(try acc.finish(groups, totalRows: rows)) }
        return PartitionOutput(columns: columns, count: groups.count, positions: GroupOrder.positions(groups, first))
    }

    private func finish(_ state: Partial) throws -> MaterializedSource {
        let index = state.index
        var groups = index.occupiedGroups()
        if tracksOrder { groups = GroupOrder.ordered(groups, first: state.first) }
        // An aggregate of the whole table has one row even when no rows reached it.
        if keys.isEmpty && groups.isEmpty { groups = [0] }
        for acc in state.accumulators { acc.resize(max(index.slotCount, 1)) }
        var columns = index.keyVectors(groups)
        for acc in state.accumulators { columns.append(try acc.finish(groups, totalRows: state.rows)) }
        return MaterializedSource(columns: inKeyOrder(columns, count: groups.count), count: groups.count, context: context)
    }
}
