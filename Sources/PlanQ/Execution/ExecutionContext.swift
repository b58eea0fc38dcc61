import Foundation

/// What a query runs with: the date `today` means, the thread budget, the
/// resource ``ExecutionLimits``, and a cancellation flag checked between batches
/// (set by Ctrl-C in the shell).
public final class ExecutionContext: @unchecked Sendable {
    public let today: Int32
    public let threads: Int
    public let limits: ExecutionLimits
    private let lock = NSLock()
    private var cancelled = false

    public init(today: Int32, threads: Int = 1, limits: ExecutionLimits = ExecutionLimits()) {
        self.today = today
        self.threads = max(1, threads)
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
