import Foundation

/// What a query runs with: the date `today` means, the thread budget, the
/// morsel size of parallel scans, resource ``ExecutionLimits``, and a
/// cancellation flag checked between batches (set by Ctrl-C in the shell).
public final class ExecutionContext: @unchecked Sendable {
    public let today: Int32
    public let threads: Int
    /// Rows per morsel. A pipeline runs on several threads only when its table
    /// has at least two morsels, so small tables never pay for threads.
    public let morselSize: Int
    public let limits: ExecutionLimits
    private let lock = NSLock()
    private var cancelled = false

    /// The default morsel: 32 batches, large enough that taking one is rare,
    /// small enough that 1e7 rows split into ~150 units of balanced work.
    public static let defaultMorselSize = 32 * Batch.capacity

    public init(today: Int32, threads: Int = 1, morselSize: Int = ExecutionContext.defaultMorselSize,
                limits: ExecutionLimits = ExecutionLimits()) {
        self.today = today
        self.threads = max(1, threads)
        self.morselSize = max(1, morselSize)
        self.limits = limits
    }

    public func cancel() {
        lock.lock()
        cancelled = true
        lock.unlock()
    }

    /// Throws when the query was cancelled; operators call it once per batch.
    func checkCancelled() throws {
        lock.lock()
        let c = cancelled
        lock.unlock()
        if c { throw Diagnostic("query cancelled") }
    }
}
