import Foundation

/// Hands out a table's rows in fixed-size ranges ("morsels", as in Leis et al.'s
/// morsel-driven parallelism) to the scans of several threads' pipelines. A
/// thread that finishes a morsel takes the next free one, so fast and slow
/// threads balance themselves; one lock per morsel (tens of thousands of rows)
/// is noise next to the work on it.
final class MorselQueue: @unchecked Sendable {
    let rows: Int
    let size: Int
    private var next = 0
    private let lock = NSLock()

    init(rows: Int, size: Int) {
        self.rows = rows
        self.size = max(1, size)
    }

    /// The next unclaimed range of rows, or nil when all are taken.
    func take() -> Range<Int>? {
        lock.lock()
        defer { lock.unlock() }
        guard next < rows else { return nil }
        let start = next
        next = min(rows, start + size)
        return start..<next
    }
}
