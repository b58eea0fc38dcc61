/// The part that hash joins and semi/anti joins share: both inputs built with
/// the columns their keys read, and the keys lowered onto each side's slots.
extension PhysicalPlanner {
    /// Both sides of an equi-join, built and with their keys lowered.
    struct JoinSides {
        let left: Built
        let right: Built
        let leftKeys: [PhysicalExpr]
        let rightKeys: [PhysicalExpr]
        /// `a = b, c = d`, for `explain`.
        let label: String
    }

    /// Builds `l` and `r` for the `keys`, each side with the columns in its `need` set
    /// plus the columns its keys read.
    func buildJoinSides(_ l: LogicalPlan, _ r: LogicalPlan, keys: [(left: BoundExpr, right: BoundExpr)],
                        leftNeed: Set<ColumnID>, rightNeed: Set<ColumnID>) throws -> JoinSides {
        var lneed = leftNeed, rneed = rightNeed
        for k in keys {
            k.left.collectColumns(into: &lneed)
            k.right.collectColumns(into: &rneed)
        }
        let lb = try build(l, required: lneed), rb = try build(r, required: rneed)
        let ll = lowering(lb.slots()), rl = lowering(rb.slots())
        return JoinSides(left: lb, right: rb,
                         leftKeys: try keys.map { try ll.lower($0.left) },
                         rightKeys: try keys.map { try rl.lower($0.right) },
                         label: keys.map { "\(render($0.left)) = \(render($0.right))" }.joined(separator: ", "))
    }
}
