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

    /// query: a `let` item reading an earlier item of the same `let`
    /// (`let d = ..., late = ... > d`) was bound to a column the projection did
    /// not have yet, and evaluation indexed slot -1 (Index out of range).
    func testLetItemUsingAnEarlierItemOfTheSameLet() throws {
        let catalog = Catalog()
        catalog.add(try CSVReader().read(bytes: Array("x\n1\n2\n".utf8), name: "t.csv", tableName: "t"))
        let engine = Engine(catalog: catalog, today: 0)
        let q = "t let d = x * 10, e = d + 1, d = e * 2, f = d select x, d, e, f"
        let result = try engine.run(SourceText(name: "<query>", text: q))
        XCTAssertEqual(result.last?.table.rows, [[.int(1), .int(22), .int(11), .int(22)],
                                                 [.int(2), .int(42), .int(21), .int(42)]])
        // Items that do not depend on each other still make one projection.
        let plan = try engine.run(SourceText(name: "<query>", text: "explain t let a = x + 1, b = x + 2"))
        XCTAssertEqual(plan.last?.explain?.components(separatedBy: "Projection").count, 2, plan.last?.explain ?? "")
    }

    /// parse corpus, replayed through the engine: `group by owner as a, owner`
    /// (one text column as two keys) shared one dictionary remap between the two
    /// keys' interners, so the second key's codes indexed past its dictionary.
    func testSameTextColumnTwiceAsGroupKeys() throws {
        let catalog = Catalog()
        catalog.add(try CSVReader().read(bytes: Array("o,v\nann,1\nbo,2\nann,3\n".utf8), name: "t.csv", tableName: "t"))
        let engine = Engine(catalog: catalog, today: 0)
        let r = try engine.run(SourceText(name: "<query>", text: "t group by o as a, o aggregate sum(v) as s"))
        XCTAssertEqual(r.last?.table.rows, [[.text("ann"), .text("ann"), .int(4)], [.text("bo"), .text("bo"), .int(2)]])
    }
}
