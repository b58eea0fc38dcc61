/// Keeps the rows where the predicate is true (not false, not null).
///
/// The predicate is evaluated over the whole batch into a bool vector; the
/// survivors become a ``SelectionVector`` that gathers every column once.
final class Filter: StreamingOperator {
    let predicate: PhysicalExpr

    init(child: PhysicalOperator, predicate: PhysicalExpr, label: String, context: ExecutionContext) {
        self.predicate = predicate
        super.init(child: child, label: label, context: context)
    }

    override func produce() throws -> Batch? {
        while let batch = try child.next() {
            let v = try executor.evaluate(predicate, batch)
            let sel = Filter.selection(v)
            if sel.count == batch.count { return batch }
            if sel.isEmpty { continue }
            return batch.gather(sel)
        }
        return nil
    }

    /// Positions where a bool vector is true and valid.
    static func selection(_ v: Vector) -> SelectionVector {
        guard case .bool(let a) = v.data else { return [] }
        var sel = SelectionVector()
        sel.reserveCapacity(a.count)
        a.withUnsafeBufferPointer { p in
            if let mask = v.validity {
                for i in 0..<p.count where p[i] != 0 && mask.isValid(i) { sel.append(UInt32(i)) }
            } else {
                for i in 0..<p.count where p[i] != 0 { sel.append(UInt32(i)) }
            }
        }
        return sel
    }
}
