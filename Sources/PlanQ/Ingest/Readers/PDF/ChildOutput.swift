import Foundation

/// The output a child has written so far, shared by the threads reading its pipes.
final class ChildOutput: @unchecked Sendable {
    private let lock = NSLock()
    private var out = Data()
    private var err = Data()
    private var timedOut = false
    private var overflow = false

    /// Appends to the output; false once it passes `limit` (the chunk is then dropped).
    func appendOut(_ d: Data, limit: Int) -> Bool {
        lock.lock(); defer { lock.unlock() }
        if overflow || out.count + d.count > limit { overflow = true; return false }
        out.append(d)
        return true
    }

    /// Appends to the error output up to `limit` bytes.
    func appendErr(_ d: Data, limit: Int) {
        lock.lock(); defer { lock.unlock() }
        if err.count < limit { err.append(d.prefix(limit - err.count)) }
    }

    /// Records that the time limit killed the child.
    func markTimedOut() {
        lock.lock(); defer { lock.unlock() }
        timedOut = true
    }

    /// Everything collected.
    func snapshot() -> (out: Data, err: Data, timedOut: Bool, overflow: Bool) {
        lock.lock(); defer { lock.unlock() }
        return (out, err, timedOut, overflow)
    }
}
