/// `union (query)`: every batch of the left input, then every batch of the right.
/// The binder has given both sides the same columns in the same order and types,
/// so batches pass through unchanged; nothing is materialised.
final class UnionAll: PhysicalOperator {
    let left: PhysicalOperator, right: PhysicalOperator
    private var leftDone = false

    init(left: PhysicalOperator, right: PhysicalOperator, context: ExecutionContext) {
        self.left = left
        self.right = right
        super.init(context: context)
    }

    override var name: String { "Union" }
    override var children: [PhysicalOperator] { [left, right] }

    override func produce() throws -> Batch? {
        if !leftDone {
            if let b = try left.next() { return b }
            leftDone = true
        }
        return try right.next()
    }
}
