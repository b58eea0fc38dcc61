import Foundation
import XCTest
@testable import PlanQ

/// Loads a big CSV and prints the time. Skipped unless `PLANQ_CSV_BENCH` names a file, e.g.
/// `PLANQ_CSV_BENCH=/tmp/g1e7.csv swift test -c release --filter IOLoadBenchmark`.
final class IOLoadBenchmarkTests: XCTestCase {
    func testLoadBigCSV() throws {
        guard let path = ProcessInfo.processInfo.environment["PLANQ_CSV_BENCH"] else {
            throw XCTSkip("set PLANQ_CSV_BENCH to a CSV file to time a load")
        }
        let start = Date()
        let t = try CSVReader().read(path: path)
        let seconds = Date().timeIntervalSince(start)
        print("loaded \(t.rowCount) rows × \(t.columns.count) columns in \(String(format: "%.2f", seconds)) s")
        print(t.columns.map { "\($0.name): \($0.type)" }.joined(separator: ", "))
        XCTAssertGreaterThan(t.rowCount, 0)
    }
}
