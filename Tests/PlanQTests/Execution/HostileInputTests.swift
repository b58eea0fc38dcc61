import Foundation
import XCTest
@testable import PlanQ

/// Hostile and heavy input ends in a clear ``Diagnostic``: never a stack
/// overflow, an out-of-memory kill or a hang. Each limit is also shown not to
/// refuse reasonable input just under it.
final class HostileInputTests: XCTestCase {
    func engine(_ csv: [String: String], limits: ExecutionLimits = ExecutionLimits()) throws -> Engine {
        let catalog = Catalog()
        for (name, text) in csv {
            catalog.add(try CSVReader().read(bytes: Array(text.utf8), name: "\(name).csv", tableName: name))
        }
        let e = Engine(catalog: catalog, today: 0, threads: 1)
        e.limits = limits
        return e
    }

    func run(_ e: Engine, _ query: String) throws -> Table {
        let results = try e.run(SourceText(name: "<query>", text: query))
        return try XCTUnwrap(results.last).table
    }

    func message(_ body: () throws -> Any) -> String {
        do {
            _ = try body()
            return "no error"
        } catch let d as Diagnostic {
            return d.description
        } catch {
            return "\(error)"
        }
    }

    // MARK: - Nesting

    func testTenThousandNestedParenthesesIsAnError() throws {
        let e = try engine(["t": "x\n1\n"])
        let q = "t where " + String(repeating: "(", count: 10_000) + "x" + String(repeating: ")", count: 10_000) + " = 1"
        let m = message { try self.run(e, q) }
        XCTAssertTrue(m.contains("expression nested too deeply (more than 128 levels)"), m)
        XCTAssertTrue(m.hasPrefix("<query>:1:"), m)
    }

    func testLongOperatorChainIsAnError() throws {
        let e = try engine(["t": "x\n1\n"])
        let q = "t select " + Array(repeating: "x", count: 100_000).joined(separator: " + ")
        let m = message { try self.run(e, q) }
        XCTAssertTrue(m.contains("nested too deeply"), m)
    }

    /// Just under the limit, the deepest trees still bind and evaluate (the
    /// executor's recursion fits the stack, also under the address sanitizer).
    func testDeepButAllowedExpressionsRun() throws {
        let e = try engine(["t": "x\n1\n2\n"])
        let chain = "t select " + Array(repeating: "x", count: 125).joined(separator: " + ") + " as s"
        XCTAssertEqual(try run(e, chain).rows, [[.int(125)], [.int(250)]])
        let calls = "t select " + String(repeating: "abs(", count: 120) + "x" + String(repeating: ")", count: 120) + " as a"
        XCTAssertEqual(try run(e, calls).rows, [[.int(1)], [.int(2)]])
        let nots = "t where " + String(repeating: "not ", count: 124) + "x = 1 select x"
        XCTAssertEqual(try run(e, nots).rows, [[.int(1)]])
    }

    func testTooManyClausesIsAnError() throws {
        let e = try engine(["t": "x\n1\n"])
        let m = message { try self.run(e, "t" + String(repeating: " where x = 1", count: 5_000)) }
        XCTAssertTrue(m.contains("query has more than 256 clauses"), m)
        XCTAssertEqual(try run(e, "t" + String(repeating: " where x = 1", count: 200)).rowCount, 1)
    }

    // MARK: - Size

    func testTenMegabyteQueryIsRefusedUpFront() throws {
        let e = try engine(["t": "x\n1\n"])
        let q = "t where x = \"" + String(repeating: "y", count: 10_000_000) + "\""
        let start = Date()
        let m = message { try self.run(e, q) }
        XCTAssertTrue(m.contains("the query text is 9.5 MB long; the limit is 1000000 bytes"), m)
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
    }

    // MARK: - Row and memory limits

    /// Every row of each side has the same key: 3,000 × 3,000 = 9 million pairs,
    /// stopped at the limit instead of materialising them.
    func testJoinMatchingEveryPairHitsTheRowLimit() throws {
        let side = "k,v\n" + String(repeating: "1,2\n", count: 3_000)
        let e = try engine(["a": side, "b": side], limits: ExecutionLimits(maxRows: 100_000))
        let m = message { try self.run(e, "a join b on k select a.v") }
        XCTAssertTrue(m.contains("the join output exceeds the row limit of 100000 rows"), m)
        XCTAssertTrue(m.contains("raise --max-rows"), m)
        // Under the limit the same join runs and counts exactly.
        let small = "k,v\n" + String(repeating: "1,2\n", count: 300)
        let ok = try engine(["a": small, "b": small], limits: ExecutionLimits(maxRows: 100_000))
        XCTAssertEqual(try run(ok, "a join b on k aggregate count()").rows, [[.int(90_000)]])
    }

    func testMemoryLimitStopsAWideIntermediate() throws {
        let side = "k,v\n" + String(repeating: "1,2\n", count: 1_000)
        let e = try engine(["a": side, "b": side], limits: ExecutionLimits(maxMemory: 1 << 20))
        let m = message { try self.run(e, "a join b on k") }
        XCTAssertTrue(m.contains("over the memory limit of 1.0 MB"), m)
    }

    /// The row limit is for joins: a big table still sorts and prints, and a
    /// left join counts its unmatched rows towards it too.
    func testRowLimitAppliesToJoinsOnly() throws {
        let big = "x\n" + String(repeating: "1\n", count: 5_000)
        let e = try engine(["t": big, "u": "x\n2\n"], limits: ExecutionLimits(maxRows: 4_096))
        XCTAssertEqual(try run(e, "t sort by x").rowCount, 5_000)
        let m = message { try self.run(e, "t left join u on x") }
        XCTAssertTrue(m.contains("the join output exceeds the row limit of 4096 rows"), m)
    }

    func testSizeParsing() {
        XCTAssertEqual(ExecutionLimits.parseSize("512M"), 512 << 20)
        XCTAssertEqual(ExecutionLimits.parseSize("4g"), 4 << 30)
        XCTAssertEqual(ExecutionLimits.parseSize("64KB"), 64 << 10)
        XCTAssertEqual(ExecutionLimits.parseSize("1000"), 1000)
        XCTAssertNil(ExecutionLimits.parseSize("lots"))
        XCTAssertNil(ExecutionLimits.parseSize("-5M"))
        XCTAssertNil(ExecutionLimits.parseSize("99999999999T"))
    }

    // MARK: - Regular expressions

    /// `(a+)+$` on `aaa…!` backtracks exponentially; the time budget stops it.
    func testCatastrophicRegexHitsTheTimeBudget() throws {
        let e = try engine(["t": "s\n" + String(repeating: "a", count: 40) + "!\nabc\n"],
                           limits: ExecutionLimits(regexMilliseconds: 200))
        let start = Date()
        let m = message { try self.run(e, "t where s matches \"(a+)+$\"") }
        XCTAssertTrue(m.contains("regular expression \"(a+)+$\" took more than 200 ms"), m)
        XCTAssertLessThan(Date().timeIntervalSince(start), 10)
        // An ordinary pattern is unaffected.
        XCTAssertEqual(try run(e, "t where s matches \"^ab\" select s").rows, [[.text("abc")]])
    }

    // MARK: - Data files

    func testBinaryFileAsCSVIsRefused() throws {
        let bytes: [UInt8] = Array("id,name\n1,".utf8) + [0x00, 0x01, 0xFF, 0xFE] + Array("\n".utf8)
        let m = message { try CSVReader().read(bytes: bytes, name: "photo.csv", tableName: "photo") }
        XCTAssertTrue(m.contains("photo.csv:2:3: error: the file contains a NUL byte at offset 10; it looks binary, not text"), m)
        let j = message { try JSONLinesReader().read(bytes: [0x7B, 0x00, 0x7D], name: "x.jsonl", tableName: "x") }
        XCTAssertTrue(j.contains("NUL byte at offset 1"), j)
    }

    func testLatin1FileIsRefusedWithAHint() throws {
        let bytes: [UInt8] = Array("name\ncaf".utf8) + [0xE9] + Array("\n".utf8)
        let m = message { try CSVReader().read(bytes: bytes, name: "export.csv", tableName: "export") }
        XCTAssertTrue(m.contains("the file is not UTF-8 text: byte 0xE9 at offset 8"), m)
        XCTAssertTrue(m.contains("CSV UTF-8"), m)
        // Valid multi-byte UTF-8 (é, €, an emoji) loads.
        let ok = try CSVReader().read(bytes: Array("name\ncafé €5 🙂\n".utf8), name: "ok.csv", tableName: "ok")
        XCTAssertEqual(ok.rows, [[.text("café €5 🙂")]])
    }

    /// A 2 GB file (sparse: no disk or memory used) is refused before it is read.
    func testTwoGigabyteFileIsRefusedBeforeReading() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("planq-big-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("big.csv").path
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data("x\n".utf8)))
        XCTAssertEqual(truncate(path, 2_000_000_000), 0)
        let start = Date()
        let m = message { try DataDirectory.load(dir.path) }
        XCTAssertTrue(m.contains("big.csv' is 1.9 GB, over the limit of 1.0 GB for one data file"), m)
        XCTAssertLessThan(Date().timeIntervalSince(start), 2)
        let small = message { try DataDirectory.loadFile(path, maxFileBytes: 1000) }
        XCTAssertTrue(small.contains("over the limit of 1000 bytes"), small)
    }

    // MARK: - Date arithmetic

    /// `- Int64.min months` trapped (negating Int64.min), `+ huge days` wrapped
    /// to a wrong date and `+ huge months` returned the date unchanged. Each is
    /// now an error, and ordinary arithmetic (with nulls) is unaffected.
    func testDateArithmeticOutOfRangeIsAnError() throws {
        let e = try engine(["t": "d,n\n2009-01-31,1\n,9223372036854775807\n"])
        let cases = [
            ("t select d - -9223372036854775808 months", "date out of range: 2009-01-31 - -9223372036854775808 months"),
            ("t select d + 9223372036854775807 days", "date out of range: 2009-01-31 + 9223372036854775807 days"),
            ("t select d + 2147483647 days", "date out of range: 2009-01-31 + 2147483647 days"),
            ("t select d + 9223372036854775807 months", "date out of range: 2009-01-31 + 9223372036854775807 months"),
            ("t select (d + 2000000000 days) + 1000000 months", "date out of range"),
        ]
        for (q, expected) in cases {
            let m = message { try self.run(e, q) }
            XCTAssertTrue(m.contains(expected), "\(q): \(m)")
        }
        // The null row's huge n is never evaluated as a date.
        XCTAssertEqual(try run(e, "t where d is null select d + n days as x").rows, [[.null]])
        XCTAssertEqual(try run(e, "t where n = 1 select d + n months as a, d - 31 days as b").rows.map { $0.map(\.description) },
                       [["2009-02-28", "2008-12-31"]])
    }
}
