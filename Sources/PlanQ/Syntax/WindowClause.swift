/// The `over ( [per E {, E}] [sort by K {, K}] )` part of a window function call.
///
/// Without `per` the whole input is one partition; without `sort by` each
/// partition is taken whole (aggregates cover the partition, not a running frame).
public struct WindowClause: Sendable {
    /// The partition keys after `per`.
    public var partition: [Expr]
    /// The order within a partition after `sort by` (or `order by`).
    public var sort: [SortKey]
    /// From `over` to the closing `)`.
    public var span: SourceSpan

    public init(partition: [Expr], sort: [SortKey], span: SourceSpan) {
        self.partition = partition
        self.sort = sort
        self.span = span
    }
}
