/// Window functions: computes one column per window call and appends it to the
/// input's columns; rows keep their input order.
///
/// A pipeline breaker: the input is drained, then for each window specification
/// the rows are partitioned (the planner's group index, then a stable counting
/// sort by partition) and sorted once, and every function over that
/// specification runs column-at-a-time over the one ordering. Arguments and keys
/// arrive as input columns (a projection below computed them).
final class Window: PhysicalOperator {
    /// One window specification (partition and order) and the functions over it.
    struct Specification {
        /// Input slots of the partition keys.
        var partition: [SlotIndex]
        /// Input slots of the sort keys.
        var sort: [(slot: SlotIndex, descending: Bool)]
        /// Chooses dense partition ids (direct for small key domains, hash otherwise); nil without `per`.
        var partitions: GroupIndex?
        var functions: [Function]
    }

    /// One function of a specification.
    struct Function {
        var function: WindowFunction
        /// Input slot of the argument, if any.
        var argument: SlotIndex?
        var offset: Int
        var type: DataType
        /// Index among the operator's result columns.
        var output: Int
    }

    let child: PhysicalOperator
    let width: Int
    let specifications: [Specification]
    let resultCount: Int
    let label: String
    private var output: MaterializedSource?

    init(child: PhysicalOperator, width: Int, specifications: [Specification], label: String, context: ExecutionContext) {
        self.child = child
        self.width = width
        self.specifications = specifications
        self.resultCount = specifications.reduce(0) { $0 + $1.functions.count }
        self.label = label
        super.init(context: context)
    }

    override var detail: String { label }
    override var children: [PhysicalOperator] { [child] }

    override func produce() throws -> Batch? {
        if output == nil {
            let (cols, n) = try PhysicalOperator.drain(child, columns: width)
            try context.limits.checkMemory(rows: n, columns: width + resultCount + 2 * specifications.count, "a window")
            var results = [Vector?](repeating: nil, count: resultCount)
            for spec in specifications {
                let ordering = try order(spec, cols, n)
                try context.checkCancelled()
                for f in spec.functions {
                    results[f.output] = try WindowKernels.compute(f.function, offset: f.offset,
                                                                  argument: f.argument.map { cols[$0.index] },
                                                                  type: f.type, ordering)
                }
            }
            let computed = try results.map { r -> Vector in
                guard let r else { throw Diagnostic("internal error: a window result was not computed") }
                return r
            }
            output = MaterializedSource(columns: cols + computed, count: n, context: context)
        }
        return try output?.next()
    }

    /// The rows of `spec` partitioned and sorted.
    func order(_ spec: Specification, _ cols: [Vector], _ n: Int) throws -> WindowOrdering {
        var ids: ContiguousArray<UInt32>?
        var slots = 1
        if let index = spec.partitions, !spec.partition.isEmpty {
            ids = try index.assignAll(spec.partition.map { cols[$0.index] }, count: n)
            slots = index.slotCount
        }
        return WindowOrdering.make(partitionIDs: ids, partitionSlots: slots,
                                   sort: spec.sort.map { (cols[$0.slot.index], $0.descending) }, count: n,
                                   threads: context.threads)
    }
}
