import Foundation

/// The process-wide counter behind ``StringDictionary/generation``.
///
/// Dictionaries are made on worker threads too (parallel loads and aggregation),
/// so the counter is taken under a lock. 64 bits do not wrap in practice: a
/// billion dictionaries a second would take centuries.
enum DictionaryGeneration {
    nonisolated(unsafe) private static var last: UInt64 = 0
    private static let lock = NSLock()

    /// A value never returned before in this process.
    static func next() -> UInt64 {
        lock.lock()
        defer { lock.unlock() }
        last &+= 1
        return last
    }
}
