/// Physical planning of window nodes: calls sharing a partition and order are
/// computed over one ordering (see ``Window``).
extension PhysicalPlanner {
    func buildWindow(_ input: LogicalPlan, _ calls: [(id: ColumnID, call: WindowCall)],
                     required: Set<ColumnID>) throws -> Built {
        let kept = calls.filter { required.contains($0.id) }
        var need = required.intersection(Set(input.outputs))
        for c in kept {
            if let a = c.call.argument { need.insert(a) }
            need.formUnion(c.call.partition)
            need.formUnion(c.call.sort.map(\.id))
        }
        let child = try build(input, required: need)
        let slots = child.slots()
        func slot(_ id: ColumnID) throws -> SlotIndex {
            guard let s = slots[id] else { throw Diagnostic("internal error: window input \(name(id)) is not computed") }
            return s
        }
        var groups: [(call: WindowCall, members: [(index: Int, call: WindowCall)])] = []
        for (i, c) in kept.enumerated() {
            if let g = groups.firstIndex(where: { $0.call.sameWindow(as: c.call) }) {
                groups[g].members.append((i, c.call))
            } else {
                groups.append((c.call, [(i, c.call)]))
            }
        }
        var specs: [Window.Specification] = []
        var labels: [String] = []
        for g in groups {
            let keys = g.call.partition.map { BoundExpr.column($0, typeOf($0, in: input)) }
            let index = keys.isEmpty ? nil : AggregateStrategy.choose(keys: keys, known: child.known)
            let functions = try g.members.map { m in
                Window.Function(function: m.call.function, argument: try m.call.argument.map(slot),
                                offset: m.call.offset, type: m.call.type, output: m.index)
            }
            specs.append(Window.Specification(partition: try g.call.partition.map(slot),
                                              sort: try g.call.sort.map { (try slot($0.id), $0.descending) },
                                              partitions: index, functions: functions))
            var over: [String] = []
            if !g.call.partition.isEmpty { over.append("per " + g.call.partition.map(name).joined(separator: ", ")) }
            if !g.call.sort.isEmpty {
                over.append("sort by " + g.call.sort.map { name($0.id) + ($0.descending ? " desc" : "") }.joined(separator: ", "))
            }
            let shown = g.members.map { "\($0.call.function.rawValue)(\($0.call.argument.map(name) ?? ""))" }
            labels.append("\(shown.joined(separator: ", ")) over (\(over.joined(separator: " ")))")
        }
        let op = Window(child: child.op, width: child.layout.count, specifications: specs,
                        label: labels.joined(separator: "; "), context: context)
        return Built(op: op, layout: child.layout + kept.map(\.id), known: child.known)
    }
}
