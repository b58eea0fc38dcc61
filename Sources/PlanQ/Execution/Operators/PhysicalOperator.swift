/// A node of the physical plan: pulls batches from its children and produces its own.
///
/// Batches move at a time (Volcano iteration at batch granularity); the virtual
/// call is per batch of ~2,048 rows, never per row. Subclasses override
/// ``produce()``; ``next()`` counts rows for `explain`.
class PhysicalOperator {
    /// Output rows so far, shown by `explain`.
    private(set) var rowsOut = 0
    /// Milliseconds spent in this operator and its children, when timed (`explain analyze`).
    private(set) var elapsed = 0.0
    /// Set by ``enableTiming()``: only `explain analyze` reads the clock per batch.
    private var timed = false
    let context: ExecutionContext

    init(context: ExecutionContext) { self.context = context }

    /// The operator's name in `explain` (the strategy it chose, e.g. `DirectAggregate`).
    var name: String { String(describing: type(of: self)) }
    /// One line of detail for `explain`.
    var detail: String { "" }
    var children: [PhysicalOperator] { [] }

    /// The next batch, or nil when the operator is exhausted.
    final func next() throws -> Batch? {
        try context.checkCancelled()
        let t0 = timed ? Engine.now() : 0
        let b = try produce()
        if timed { elapsed += Engine.now() - t0 }
        guard let b else { return nil }
        rowsOut += b.count
        return b
    }

    /// Times this operator and everything under it (for `explain analyze`).
    func enableTiming() {
        timed = true
        for c in children { c.enableTiming() }
    }

    /// Subclass hook: the next non-empty batch or nil.
    func produce() throws -> Batch? { nil }

    /// Subclass hook: the operator's whole output as `width` columns, when it
    /// holds it that way already (a finished aggregation) and nothing has been
    /// produced yet; nil to go batch by batch. Draining then copies nothing
    /// (cutting 1e7 rows into batches and concatenating them again was a full copy).
    func produceWhole(width: Int) throws -> (columns: [Vector], count: Int)? { nil }

    /// ``produceWhole(width:)`` with the row count and timing that ``next()`` keeps.
    final func nextWhole(width: Int) throws -> (columns: [Vector], count: Int)? {
        try context.checkCancelled()
        let t0 = timed ? Engine.now() : 0
        let whole = try produceWhole(width: width)
        if timed { elapsed += Engine.now() - t0 }
        if let whole { rowsOut += whole.count }
        return whole
    }

    /// Pulls every batch from `op` and concatenates them column by column.
    /// Stops with an error once the rows pass the memory limit of the context's
    /// ``ExecutionLimits`` (the row limit is for joins, which multiply rows).
    static func drain(_ op: PhysicalOperator, columns: Int) throws -> (columns: [Vector], count: Int) {
        if let whole = try op.nextWhole(width: columns) {
            try op.context.limits.checkMemory(rows: whole.count, columns: columns, "an intermediate result")
            return whole
        }
        var batches: [Batch] = []
        var total = 0
        while let b = try op.next() {
            batches.append(b)
            total += b.count
            try op.context.limits.checkMemory(rows: total, columns: columns, "an intermediate result")
        }
        let cols = (0..<columns).map { c in VectorConcatenation.concatenate(batches.map { $0.columns[c] }, count: total) }
        return (cols, total)
    }
}
