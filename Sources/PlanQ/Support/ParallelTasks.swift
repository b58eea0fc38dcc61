import Foundation

/// Runs a fixed number of independent tasks on the cores at once and collects their results
/// in task order. The one fan-out of the engine: parallel aggregation, its partitioned merge,
/// quantile merging and chunked CSV loading all go through it, so each has the same error rule
/// (the first failing task by index wins, the others' results are dropped) instead of
/// hand-writing `concurrentPerform` with an `[Error?]` array.
enum ParallelTasks {
    /// Runs `body(0) … body(count - 1)`, on separate threads when `count > 1`, and returns their
    /// results in index order; rethrows the error of the lowest-numbered task that threw.
    /// Each task must touch only its own state (or state it only reads).
    static func map<T>(_ count: Int, _ body: (Int) throws -> T) throws -> [T] {
        if count <= 0 { return [] }
        if count == 1 { return [try body(0)] }
        var results = [Result<T, Error>?](repeating: nil, count: count)
        // Each iteration writes only its own slot.
        results.withUnsafeMutableBufferPointer { slots in
            let out = slots
            DispatchQueue.concurrentPerform(iterations: count) { i in
                out[i] = Result { try body(i) }
            }
        }
        var values: [T] = []
        values.reserveCapacity(count)
        for case let result? in results { values.append(try result.get()) }
        return values
    }

    /// Runs `body(0) … body(count - 1)` for their effects, as ``map(_:_:)`` does.
    static func forEach(_ count: Int, _ body: (Int) throws -> Void) throws {
        _ = try map(count, body)
    }
}

extension ParallelTasks {
    /// Runs a task that cannot fail for each of `0..<count`, on separate threads when `count > 1`.
    static func forEach(_ count: Int, _ body: (Int) -> Void) {
        if count <= 1 {
            for i in 0..<count { body(i) }
            return
        }
        DispatchQueue.concurrentPerform(iterations: count, execute: body)
    }
}
