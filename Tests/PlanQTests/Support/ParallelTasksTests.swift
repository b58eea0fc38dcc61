import XCTest
@testable import PlanQ

final class ParallelTasksTests: XCTestCase {
    private struct TaskFailure: Error, Equatable { let index: Int }

    func testResultsComeBackInTaskOrder() throws {
        let squares = try ParallelTasks.map(8) { i -> Int in
            // Later tasks finish first, so order cannot come from completion.
            usleep(useconds_t((8 - i) * 500))
            return i * i
        }
        XCTAssertEqual(squares, [0, 1, 4, 9, 16, 25, 36, 49])
    }

    func testTheLowestNumberedFailureIsRethrown() {
        XCTAssertThrowsError(try ParallelTasks.map(6) { i -> Int in
            if i == 2 || i == 4 { throw TaskFailure(index: i) }
            return i
        }) { error in
            XCTAssertEqual(error as? TaskFailure, TaskFailure(index: 2))
        }
    }

    func testZeroAndOneTaskRunInline() throws {
        XCTAssertEqual(try ParallelTasks.map(0) { $0 }, [])
        XCTAssertEqual(try ParallelTasks.map(1) { $0 + 41 }, [41])
    }

    func testNonThrowingForEachVisitsEveryIndexOnce() {
        var hits = [Int](repeating: 0, count: 64)
        hits.withUnsafeMutableBufferPointer { h in
            let slots = h
            ParallelTasks.forEach(64) { i in slots[i] += 1 }
        }
        XCTAssertEqual(hits, [Int](repeating: 1, count: 64))
    }
}
