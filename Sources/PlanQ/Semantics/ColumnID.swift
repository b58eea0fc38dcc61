/// A unique handle for a column produced somewhere in a logical plan.
///
/// Expressions refer to columns by ID rather than position so that the planner
/// can prune and reorder columns; the physical planner maps IDs to batch slots
/// (``SlotIndex``, a distinct type, so that one can never be used for the other).
public struct ColumnID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The number the binder handed out; unique within one bound statement.
    public let rawValue: Int

    /// The ID numbered `rawValue`.
    public init(_ rawValue: Int) { self.rawValue = rawValue }

    /// The next ID after this one.
    public var successor: ColumnID { ColumnID(rawValue + 1) }

    /// `#n`, as `explain` shows a column without a name.
    public var description: String { "#\(rawValue)" }

    public static func < (a: ColumnID, b: ColumnID) -> Bool { a.rawValue < b.rawValue }
}
