/// A relation under construction: a `FROM` source with column expressions, filters
/// and an order over it, not yet written out as a `SELECT`.
///
/// Filters and computed columns fold into a relation; steps that need their own
/// `SELECT` (grouping, limit, top, join sides) first write it out as a `WITH` step
/// (``SQLCompiler/materialize(_:outputs:base:limit:)``).
struct SQLRelation {
    /// One column: its SQL over ``from``, and the bare column name when it is a plain
    /// reference (so a join can qualify it).
    struct Column {
        var sql: String
        var ref: String?
        var type: DataType
    }

    /// One ordering term, already with direction and `NULLS LAST`.
    struct OrderTerm {
        var sql: String
        var descending: Bool
        /// The bare column name when the term is a plain reference.
        var ref: String?

        var rendered: String { "\(sql) \(descending ? "DESC" : "ASC") NULLS LAST" }
    }

    var from: String
    /// The unquoted name of the source when it is one table or step (not a join).
    var source: String?
    var columns: [ColumnID: Column]
    var filters: [String] = []
    /// The rows' order: planq's full order with a row-order column, else only what
    /// `sort by` and `top` impose (empty: no order).
    var order: [OrderTerm] = []

    /// True when every column and order term is a bare reference into a single source,
    /// with no filter: the relation can be joined or grouped as it stands.
    var isPlain: Bool {
        source != nil && filters.isEmpty && columns.values.allSatisfy { $0.ref != nil } && order.allSatisfy { $0.ref != nil }
    }
}
