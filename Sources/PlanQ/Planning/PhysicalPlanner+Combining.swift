/// Physical planning of the nodes that combine inputs or multiply rows:
/// `semi join` / `anti join`, `union` and `unnest`.
extension PhysicalPlanner {
    func buildCombining(_ plan: LogicalPlan, required: Set<ColumnID>) throws -> Built {
        switch plan {
        case .semiJoin(let l, let r, let keys, let anti):
            var lneed = required.intersection(Set(l.outputs)), rneed = Set<ColumnID>()
            for k in keys {
                k.left.collectColumns(into: &lneed)
                k.right.collectColumns(into: &rneed)
            }
            let lb = try build(l, required: lneed), rb = try build(r, required: rneed)
            let ll = lowering(lb.slots()), rl = lowering(rb.slots())
            let label = keys.map { "\(render($0.left)) = \(render($0.right))" }.joined(separator: ", ")
            let op = HashSemiJoin(left: lb.op, right: rb.op, leftKeys: try keys.map { try ll.lower($0.left) },
                                  rightKeys: try keys.map { try rl.lower($0.right) }, rightWidth: rb.layout.count,
                                  anti: anti, label: label, context: context)
            return Built(op: op, layout: lb.layout, known: lb.known)

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
