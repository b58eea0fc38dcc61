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
}
