import XCTest
@testable import PlanQ

/// Inputs the fuzzers (`scripts/fuzz`) found crashing, each kept with the fix's
/// expected behaviour. Under `swift test --sanitize=address` (scripts/sanitize)
/// an out-of-bounds read here is reported even where a normal build reads junk.
final class FuzzRegressionTests: XCTestCase {
    /// csv: a comma as the very last byte read one byte past the buffer when
    /// looking for the next field's opening quote (CSVScan.swift).
    func testCSVTrailingCommaAtEndOfFile() throws {
        let t = try CSVReader().read(bytes: Array("a,b\n1,".utf8), name: "t.csv", tableName: "t")
        XCTAssertEqual(t.rowCount, 1)
        XCTAssertEqual(t.rows, [[.int(1), .null]])
        let three = try CSVReader().read(bytes: Array("a,b,c\nx,,".utf8), name: "t.csv", tableName: "t")
        XCTAssertEqual(three.rows, [[.text("x"), .null, .null]])
    }
}
