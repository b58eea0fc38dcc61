/// A slice of rows moving through the pipeline: one ``Vector`` per output column.
///
/// Batches hold at most ``Batch/capacity`` rows so that a batch's working set
/// stays in cache while every operator of a pipeline runs over it.
public struct Batch: @unchecked Sendable {
    public static let capacity = 2048

    public var columns: [Vector]
    public var count: Int

    public init(columns: [Vector], count: Int) {
        self.columns = columns
        self.count = count
    }

    /// The rows at the positions in `sel` (the survivors of a filter).
    public func gather(_ sel: ContiguousArray<UInt32>) -> Batch {
        sel.withUnsafeBufferPointer { s in
            Batch(columns: columns.map { $0.gather(s) }, count: s.count)
        }
    }
}
