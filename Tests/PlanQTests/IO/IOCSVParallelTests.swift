import XCTest
@testable import PlanQ

/// Parallel (chunked) CSV parsing reads exactly what the serial scan reads:
/// same types, values, nulls and dictionary order, including when chunks infer
/// different types, and falls back to the serial scan when it cannot split.
final class IOCSVParallelTests: XCTestCase {
    func read(_ text: String, threads: Int, chunk: Int = 16, schema: TableSchema = TableSchema()) throws -> Table {
        var r = CSVReader(schema: schema, threads: threads)
        r.chunkBytes = chunk
        return try r.read(bytes: Array(text.utf8), name: "t.csv", tableName: "t")
    }

    func assertSameAsSerial(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let serial = try read(text, threads: 1)
        for threads in [2, 3, 8] {
            for chunk in [1, 16, 200] {
                let parallel = try read(text, threads: threads, chunk: chunk)
                XCTAssertEqual(parallel.columns.map(\.name), serial.columns.map(\.name), file: file, line: line)
                XCTAssertEqual(parallel.columns.map(\.type), serial.columns.map(\.type), "threads \(threads) chunk \(chunk)", file: file, line: line)
                XCTAssertEqual(parallel.rowCount, serial.rowCount, file: file, line: line)
                XCTAssertEqual(parallel.rows, serial.rows, "threads \(threads) chunk \(chunk)", file: file, line: line)
                for (a, b) in zip(parallel.columns, serial.columns) {
                    if case .text(_, let d1) = a.vector.data, case .text(_, let d2) = b.vector.data {
                        XCTAssertEqual(d1.strings, d2.strings, "dictionary order of \(a.name)", file: file, line: line)
                    }
                }
            }
        }
    }

    func testParallelChunksMatchSerial() throws {
        var text = "id,name,x,when,flag,empty\n"
        for i in 0..<300 {
            // x: ints early, a double later (chunks disagree: int vs double); empty column all null.
            let x = i == 250 ? "2.5" : String(i % 17 - 8)
            text += "\(i),name\(i % 13),\(x),2024-01-\(String(format: "%02d", i % 28 + 1)),\(i % 3 == 0 ? "true" : "false"),\n"
        }
        try assertSameAsSerial(text)
    }

    func testParallelCRLFBlankLinesAndNullsMatchSerial() throws {
        var text = "k,v\r\n"
        for i in 0..<200 { text += i % 7 == 0 ? "\r\n" : "k\(i % 5),\(i % 11 == 0 ? "" : String(i))\r\n" }
        try assertSameAsSerial(text)
    }

    func testParallelFallsBackWhenChunksConflict() throws {
        // Numbers in the first chunks, text in the last: the serial scan keeps the original spellings.
        var text = "a\n"
        for i in 0..<200 { text += "\(i < 190 ? String(format: "%03d", i) : "x\(i)")\n" }
        try assertSameAsSerial(text)
        XCTAssertEqual(try read(text, threads: 4).value(row: 5, column: 0), .text("005"))
    }

    func testParallelFallsBackOnQuotesAndReportsErrorsWithLines() throws {
        var text = "a,b\n"
        for i in 0..<100 { text += "\(i),\"q,\(i)\"\n" }
        try assertSameAsSerial(text)
        var bad = "a,b\n"
        for i in 0..<100 { bad += i == 70 ? "1,2,3\n" : "\(i),\(i)\n" }
        XCTAssertThrowsError(try read(bad, threads: 4)) { error in
            XCTAssertTrue("\(error)".contains("72"), "\(error)")  // header is line 1, row 70 is line 72
        }
    }

    func testParallelDeclaredTypesMatchSerial() throws {
        let schema = TableSchema(columnTypes: ["s": .text, "n": .double])
        var text = "s,n\n"
        for i in 0..<150 { text += "\(i),\(i)\n" }
        let serial = try read(text, threads: 1, schema: schema)
        let parallel = try read(text, threads: 4, chunk: 10, schema: schema)
        XCTAssertEqual(parallel.columns.map(\.type), [.text, .double])
        XCTAssertEqual(parallel.rows, serial.rows)
    }
}
