/// Maps each row's grouping keys to a dense group id (the Polars/DataFusion split:
/// keys → group ids here, reductions in the accumulators).
protocol GroupIndex: AnyObject {
    /// Number of accumulator slots the ids can address.
    var slotCount: Int { get }
    /// Writes the group id of each of `count` rows.
    func assign(_ keys: [Vector], count: Int, into gids: UnsafeMutableBufferPointer<UInt32>) throws
    /// The ids that hold at least one row, in output order.
    func occupiedGroups() -> ContiguousArray<UInt32>
    /// The key columns for `groups`, in that order.
    func keyVectors(_ groups: ContiguousArray<UInt32>) -> [Vector]
    /// A line for `explain`.
    var strategy: String { get }
    /// An empty index with the same key layout (a thread's local index).
    func makeEmpty() -> GroupIndex
    /// Adds the groups of `other` (made by ``makeEmpty()``) to this index and
    /// returns, for each of `other`'s group ids, this index's id for that group.
    func absorb(_ other: GroupIndex) throws -> ContiguousArray<UInt32>
}

extension GroupIndex {
    /// Absorbs `other` by decoding its keys and assigning them here, which also
    /// re-interns text keys from `other`'s interners into this index's.
    func absorbByKeys(_ other: GroupIndex) throws -> ContiguousArray<UInt32> {
        let groups = other.occupiedGroups()
        var map = ContiguousArray<UInt32>(repeating: skipGroup, count: other.slotCount)
        let ids = try assignAll(other.keyVectors(groups), count: groups.count)
        for (g, id) in zip(groups, ids) { map[Int(g)] = id }
        return map
    }

    /// Group ids for `count` rows of whole (materialised) key vectors, assigned a batch at a time.
    func assignAll(_ keys: [Vector], count: Int) throws -> ContiguousArray<UInt32> {
        var ids = ContiguousArray<UInt32>(repeating: 0, count: count)
        var start = 0
        while start < count {
            let m = min(Batch.capacity, count - start)
            let slice = keys.map { $0.slice(start, m) }
            try ids.withUnsafeMutableBufferPointer { p in
                try assign(slice, count: m, into: UnsafeMutableBufferPointer(rebasing: p[start..<(start + m)]))
            }
            start += m
        }
        return ids
    }
}
