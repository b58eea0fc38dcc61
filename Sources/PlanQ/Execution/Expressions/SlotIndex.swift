/// The position of a column in the batches one physical operator receives.
///
/// Distinct from ``ColumnID`` (a logical column's identity): the planner turns
/// IDs into slots once, at plan time, when it lowers expressions to
/// ``PhysicalExpr``; an ID with no slot is a planning error, never a run-time `-1`.
public struct SlotIndex: Hashable, Sendable, CustomStringConvertible {
    /// Index into ``Batch/columns``.
    public let index: Int

    /// The slot at `index`.
    public init(_ index: Int) { self.index = index }

    /// `$n`, as tests and internal errors show a slot.
    public var description: String { "$\(index)" }
}
