/// Physical planning of the nodes that combine inputs or multiply rows:
/// `semi join` / `anti join`, `union` and `unnest`.
extension PhysicalPlanner {
    func buildCombining(_ plan: LogicalPlan, required: Set<ColumnID>) throws -> Built {
        switch plan {
        case .semiJoin(let l, let r, let keys, let anti):
            // Only the keys of the right side are read: its rows are never output.
            let s = try buildJoinSides(l, r, keys: keys, leftNeed: required.intersection(Set(l.outputs)), rightNeed: [])
            let op = HashSemiJoin(left: s.left.op, right: s.right.op, leftKeys: s.leftKeys, rightKeys: s.rightKeys,
                                  rightWidth: s.right.layout.count, anti: anti, label: s.label, context: context)
            return Built(op: op, layout: s.left.layout, known: s.left.known)

        case .union(let l, let r, let outputs):
            // Both sides give every column, in order, so slot i is output i on either side.
            let lb = try aligned(l), rb = try aligned(r)
            return Built(op: UnionAll(left: lb, right: rb, context: context), layout: outputs, known: [:])

        case .unnest(let input, let spec, let id):
            var need = required.subtracting([id])
            spec.source.collectColumns(into: &need)
            let child = try build(input, required: need)
            let low = lowering(child.slots())
            let label = "split(\(render(spec.source)), \"\(spec.separator)\") as \(name(id))"
            let op = Unnest(child: child.op, source: try low.lower(spec.source), separator: spec.separator,
                            label: label, context: context)
            return Built(op: op, layout: child.layout + [id], known: [:])

        default:
            return try build(plan, required: required)
        }
    }

    /// `plan` built with exactly its outputs in order (one side of a union).
    func aligned(_ plan: LogicalPlan) throws -> PhysicalOperator {
        let outputs = plan.outputs
        let b = try build(plan, required: Set(outputs))
        if b.layout == outputs { return b.op }
        let low = lowering(b.slots())
        return Projection(child: b.op, exprs: try outputs.map { .slot(try low.slot($0), typeOf($0, in: plan)) },
                          label: outputs.map(name).joined(separator: ", "), context: context)
    }
}
