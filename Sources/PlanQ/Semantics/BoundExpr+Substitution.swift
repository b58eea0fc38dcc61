extension BoundExpr {
    /// The expression with each column in `map` replaced by its expression.
    ///
    /// `having` is bound against a grouping's output names but runs on the
    /// aggregate node, before the projection that computes items such as
    /// `sum(x) * 2 as d` or a second alias of an aggregate already listed; those
    /// names must be replaced by what they compute.
    func substitutingColumns(_ map: [ColumnID: BoundExpr]) -> BoundExpr {
        mappingColumns { id, t in map[id] ?? .column(id, t) }
    }
}
