/// A `group by` under construction: its keys and aggregates, and the `having`
/// filters seen so far. Closed by ``Binder/finishGroup(_:)``.
struct PendingGroup {
    var input: LogicalPlan
    var inputScope: Scope
    var keys: [(id: ColumnID, expr: BoundExpr)]
    /// Aggregates computed, deduplicated by their canonical text.
    var aggregates: [(id: ColumnID, call: AggregateCall, text: String)]
    /// Visible output columns: keys first, then the aggregate list's items.
    var outputs: [(column: ScopeColumn, expr: BoundExpr)]
    var havings: [BoundExpr]
    /// The scope of the grouping's output (keys and items), for `having`.
    var outputScope: Scope { Scope(columns: outputs.map(\.column)) }
}
