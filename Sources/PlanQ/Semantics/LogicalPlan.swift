/// The bound query as a tree of relational operators over ``ColumnID``s.
///
/// Every node lists its output columns in order; the physical planner prunes
/// columns nobody reads and chooses an implementation for each node.
public indirect enum LogicalPlan: Sendable {
    /// Read `columns` (table column index → output id) of `table`.
    case scan(table: Table, columns: [(index: Int, id: ColumnID)])
    case filter(LogicalPlan, BoundExpr)
    /// Output exactly `outputs`, each an expression over the input.
    case project(LogicalPlan, outputs: [(id: ColumnID, expr: BoundExpr)])
    /// Group by `keys`, computing `aggregates`; output = keys then aggregates.
    case aggregate(LogicalPlan, keys: [(id: ColumnID, expr: BoundExpr)], aggregates: [(id: ColumnID, call: AggregateCall)])
    /// Reshape an aggregate whose last key is the pivot column into one column per pivot value.
    case pivot(LogicalPlan, spec: PivotSpec)
    case sort(LogicalPlan, keys: [(expr: BoundExpr, descending: Bool)])
    case limit(LogicalPlan, Int)
    case top(LogicalPlan, n: Int, key: BoundExpr, descending: Bool, per: [BoundExpr])
    case distinct(LogicalPlan)
    case join(LogicalPlan, LogicalPlan, keys: [(left: BoundExpr, right: BoundExpr)], leftOuter: Bool)
    /// The input's columns followed by one column per window call (rows keep their input order).
    case window(LogicalPlan, calls: [(id: ColumnID, call: WindowCall)])
    /// The left rows with a match on the right (`anti`: with none), each once; left columns only.
    case semiJoin(LogicalPlan, LogicalPlan, keys: [(left: BoundExpr, right: BoundExpr)], anti: Bool)
    /// The rows of the left then of the right input, which have the same number of
    /// columns of the same types; output column i is column i of either side.
    case union(LogicalPlan, LogicalPlan, outputs: [ColumnID])
    /// One row per part of a text split by a separator; the parts are a new last column.
    case unnest(LogicalPlan, UnnestSpec, id: ColumnID)

    /// Output column IDs in order.
    public var outputs: [ColumnID] {
        switch self {
        case .scan(_, let cols): return cols.map(\.id)
        case .filter(let p, _), .sort(let p, _), .limit(let p, _), .top(let p, _, _, _, _), .distinct(let p):
            return p.outputs
        case .project(_, let outs): return outs.map(\.id)
        case .aggregate(_, let keys, let aggs): return keys.map(\.id) + aggs.map(\.id)
        case .pivot(_, let spec): return spec.outputIDs
        case .join(let l, let r, _, _): return l.outputs + r.outputs
        case .window(let p, let calls): return p.outputs + calls.map(\.id)
        case .semiJoin(let l, _, _, _): return l.outputs
        case .union(_, _, let outs): return outs
        case .unnest(let p, _, let id): return p.outputs + [id]
        }
    }
}

/// How a pivot lays out its columns.
public struct PivotSpec: Sendable {
    /// The grouping keys kept as rows (all aggregate keys but the last).
    public var rowKeyCount: Int
    /// The pivot values, as shown in column names, in column order: an enum's declared
    /// values or a text column's distinct values, so the shape never depends on a filter.
    public var values: [String]
    /// IDs of the output columns: row keys, then one per value (and `null`).
    public var outputIDs: [ColumnID]
    /// The cell for a missing combination: 0 for counts, null otherwise.
    public var zeroFill: Bool
    public var cellType: DataType
}

/// What `unnest split(text, sep)` splits.
public struct UnnestSpec: Sendable {
    /// The text (or enum, cast to text) to split.
    public var source: BoundExpr
    /// The separator: a non-empty constant.
    public var separator: String
}
