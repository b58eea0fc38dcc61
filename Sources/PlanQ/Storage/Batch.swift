/// A slice of rows moving through the pipeline: one ``Vector`` per output column.
///
/// Batches hold at most ``Batch/capacity`` rows so that a batch's working set
/// stays in cache while every operator of a pipeline runs over it.
public struct Batch: @unchecked Sendable {
    public static let capacity = 2048

    public var columns: [Vector]
    public var count: Int
    /// The table row of the first row of the scan batch this batch came from, or
    /// -1 when it did not come straight from a scan (through filters and
    /// projections). Row `i` of the batch is then at position `origin + i` in a
    /// strictly increasing order of the table's rows, so parallel groupings can
    /// order groups by first appearance as a serial run would.
    public var origin: Int

    public init(columns: [Vector], count: Int, origin: Int = -1) {
        self.columns = columns
        self.count = count
        self.origin = origin
    }

    /// The rows at the positions in `sel` (the survivors of a filter).
    public func gather(_ sel: ContiguousArray<UInt32>) -> Batch {
        sel.withUnsafeBufferPointer { s in
            Batch(columns: columns.map { $0.gather(s) }, count: s.count, origin: origin)
        }
    }
}
