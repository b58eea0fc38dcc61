/// An operator that pulls one child batch by batch and evaluates expressions on
/// each (``Filter``, ``Projection``, ``Unnest``): the child, the `explain` label and
/// the expression executor they all hold.
class StreamingOperator: PhysicalOperator {
    let child: PhysicalOperator
    let label: String
    let executor: ExpressionExecutor

    init(child: PhysicalOperator, label: String, context: ExecutionContext) {
        self.child = child
        self.label = label
        self.executor = ExpressionExecutor(context: context)
        super.init(context: context)
    }

    override var detail: String { label }
    override var children: [PhysicalOperator] { [child] }
}
