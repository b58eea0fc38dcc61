import Foundation
import XCTest
@testable import PlanQ

/// Parallel (morsel-driven) execution gives the same answers as serial execution:
/// every query is run with 1, 2 and 4 threads (and tiny morsels, so that even
/// the small fixtures are split across threads) and the results are compared
/// as multisets of rows (hashed groups may come out in another order), doubles
/// to a relative 1e-9 (merged partial sums may round differently).
final class ParallelAggregationTests: XCTestCase {
    /// Thread counts and morsel sizes compared with the serial run on the small
    /// fixtures: morsels of a few rows, so every query really is split.
    static let configurations: [(threads: Int, morsel: Int)] = [(2, 1), (2, 7), (4, 3), (4, 64)]
    /// The same for the generated table (12,000 rows): morsels of about a batch.
    static let benchConfigurations: [(threads: Int, morsel: Int)] = [(2, 1_000), (4, 777), (2, 4_096)]

    func run(_ catalog: Catalog, _ query: String, threads: Int, morsel: Int) throws -> Table {
        let engine = Engine(catalog: catalog, today: CivilDate(year: 2009, month: 6, day: 30).days,
                            threads: threads, morselSize: morsel)
        let r = try engine.run(SourceText(name: "<q>", text: query))
        return try XCTUnwrap(r.last?.table)
    }

    /// Rows as sortable text with doubles kept aside for a tolerant comparison.
    func canonical(_ t: Table) -> [[Value]] {
        t.rows.sorted { a, b in
            a.map(\.description).joined(separator: "\t") < b.map(\.description).joined(separator: "\t")
        }
    }

    func assertSame(_ serial: Table, _ parallel: Table, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(serial.columns.map(\.name), parallel.columns.map(\.name), what, file: file, line: line)
        XCTAssertEqual(serial.rowCount, parallel.rowCount, what, file: file, line: line)
        // Sort by every non-double column (doubles may differ in the last bits).
        func key(_ row: [Value]) -> String {
            row.map { v -> String in if case .double = v { return "" } else { return v.description } }.joined(separator: "\t")
        }
        let a = serial.rows.sorted { key($0) < key($1) }, b = parallel.rows.sorted { key($0) < key($1) }
        for (x, y) in zip(a, b) where x != y {
            var same = x.count == y.count
            for (u, v) in zip(x, y) where u != v {
                if case .double(let p) = u, case .double(let q) = v,
                   abs(p - q) <= 1e-9 * max(1, abs(p), abs(q)) || (p.isNaN && q.isNaN) || p == q { continue }
                same = false
            }
            if !same {
                XCTFail("\(what): serial row \(x) vs parallel row \(y)", file: file, line: line)
                return
            }
        }
    }

    func checkAllConfigurations(_ catalog: Catalog, _ query: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let serial = try run(catalog, query, threads: 1, morsel: ExecutionContext.defaultMorselSize)
        for (threads, morsel) in Self.benchConfigurations {
            let parallel = try run(catalog, query, threads: threads, morsel: morsel)
            assertSame(serial, parallel, "\(query) [threads \(threads), morsel \(morsel)]", file: file, line: line)
        }
    }

    /// A db-benchmark-shaped table (ids as text, small ints, values with nulls).
    static let benchTable: Catalog = {
        let n = 12_000
        var rng = SplitMix(seed: 7)
        let id1 = StringDictionary(unique: (1...10).map { String(format: "id%03d", $0) })
        let id3 = StringDictionary(unique: (1...500).map { String(format: "id%010d", $0) })
        var c1 = ContiguousArray<UInt32>(), c3 = ContiguousArray<UInt32>()
        var id4 = ContiguousArray<Int64>(), id6 = ContiguousArray<Int64>()
        var v1 = ContiguousArray<Int64>(), v3 = ContiguousArray<Double>()
        var v3mask = ValidityMask(count: n, allValid: true)
        for i in 0..<n {
            c1.append(UInt32(rng.next() % 10))
            c3.append(UInt32(rng.next() % 500))
            id4.append(Int64(rng.next() % 10) + 1)
            id6.append(Int64(rng.next() % 5_000) + 1)
            v1.append(Int64(rng.next() % 5) + 1)
            v3.append(Double(rng.next() % 100_000_000) / 1e6)
            if rng.next() % 50 == 0 { v3mask.set(i, valid: false) }
        }
        let t = Table(name: "x", columns: [
            Column(name: "id1", vector: Vector(.text(c1[...], id1))),
            Column(name: "id3", vector: Vector(.text(c3[...], id3))),
            Column(name: "id4", vector: Vector(.int(id4[...]))),
            Column(name: "id6", vector: Vector(.int(id6[...]))),
            Column(name: "v1", vector: Vector(.int(v1[...]))),
            Column(name: "v3", vector: Vector(.double(v3[...]), validity: v3mask)),
        ])
        let catalog = Catalog()
        catalog.add(t)
        return catalog
    }()

    func testParallelBenchmarkQuestionsMatchSerial() throws {
        let queries = [
            "x group by id1 aggregate sum(v1) as v1",                                          // direct
            "x group by id1, id4 aggregate sum(v1) as v1, count() as n",                        // direct, two keys
            "x group by id3 aggregate sum(v1) as v1, avg(v3) as v3",                           // direct, many slots
            "x group by id4 aggregate avg(v1) as v1, avg(v3) as v3",
            "x group by id6 aggregate sum(v1) as v1, sum(v3) as v3",
            "x group by id4, id1 aggregate median(v3) as m, stddev(v3) as sd",
            "x group by id3 aggregate max(v1) - min(v1) as r",
            "x group by id1, id4 aggregate pow(corr(v1, v3), 2) as r2",
            "x group by id1, id3, id4, id6 aggregate sum(v3) as v3, count() as count",         // packed hash
            "x group by lower(id1) as k, v1 aggregate count() as n, share() as s",             // generic hash
            "x where v1 > 2 and v3 < 50 group by id3 aggregate count_distinct(id6) as d, percentile(v3, 0.9) as p",
            "x aggregate count(), sum(v1), avg(v3), min(v3), max(v3), count_distinct(id1)",   // no keys
            "x where v1 > 99 group by id1 aggregate count() as n",                            // nothing passes
            "x group by v3 > 50 as hi aggregate count() as n, min(id3) as lo, max(id3) as hi_id",
        ]
        for q in queries { try checkAllConfigurations(Self.benchTable, q) }
        // The four-key grouping has far more combinations than rows: rows are partitioned before aggregating.
        let e = Engine(catalog: Self.benchTable, today: 0, threads: 2, morselSize: 1_000)
        let q10 = "explain x group by id1, id3, id4, id6 aggregate sum(v3) as v3, count() as count"
        let plan = try XCTUnwrap(e.run(SourceText(name: "<q>", text: q10)).last?.explain)
        XCTAssertTrue(plan.contains("packed hash") && plan.contains("groups after merging partitions"), plan)
    }

    /// With the default morsel size a table needs two morsels (131,072 rows) to be split.
    func testParallelRunActuallyUsesThreads() throws {
        let n = 2 * ExecutionContext.defaultMorselSize + 5
        let keys = ContiguousArray((0..<n).map { Int64($0 % 7) })
        let big = Catalog()
        big.add(Table(name: "x", columns: [Column(name: "id1", vector: Vector(.int(keys[...]))),
                                           Column(name: "v1", vector: Vector(.int(keys[...])))]))
        let serialRows = try run(big, "x group by id1 aggregate sum(v1) as s, count() as n", threads: 1, morsel: ExecutionContext.defaultMorselSize)
        let parallelRows = try run(big, "x group by id1 aggregate sum(v1) as s, count() as n", threads: 2, morsel: ExecutionContext.defaultMorselSize)
        XCTAssertEqual(serialRows.rows, parallelRows.rows)
        XCTAssertEqual(parallelRows.rows.count, 7)
        XCTAssertEqual(parallelRows.rows.first, [.int(0), .int(0), .int(Int64((n + 6) / 7))])
        let engine = Engine(catalog: big, today: 0, threads: 2)
        let r = try engine.run(SourceText(name: "<q>", text: "explain x group by id1 aggregate sum(v1)"))
        XCTAssertTrue(try XCTUnwrap(r.last?.explain).contains("2 threads"))
        let serial = Engine(catalog: big, today: 0, threads: 1)
        let s = try serial.run(SourceText(name: "<q>", text: "explain x group by id1 aggregate sum(v1)"))
        XCTAssertFalse(try XCTUnwrap(s.last?.explain).contains("threads"))
    }

    /// Packed keys with fewer combinations than rows but many groups: thread-local
    /// tables are merged partition by partition on every thread.
    func testParallelPartitionedMergeMatchesSerial() throws {
        var rng = SplitMix(seed: 11)
        let n = 4_000
        let a = ContiguousArray((0..<n).map { _ in Int64(rng.next() % 60) })
        let b = ContiguousArray((0..<n).map { _ in Int64(rng.next() % 60) })
        let v = ContiguousArray((0..<n).map { _ in Double(rng.next() % 1_000) / 8 })
        let c = Catalog()
        c.add(Table(name: "t", columns: [Column(name: "a", vector: Vector(.int(a[...]))),
                                         Column(name: "b", vector: Vector(.int(b[...]))),
                                         Column(name: "v", vector: Vector(.double(v[...])))]))
        let q = "t group by a, b aggregate count() as n, sum(v) as s, median(v) as m, min(v) as lo, stddev(v) as sd"
        let serial = try run(c, q, threads: 1, morsel: ExecutionContext.defaultMorselSize)
        for (threads, morsel) in [(2, 100), (4, 150), (3, 64)] {
            let engine = Engine(catalog: c, today: 0, threads: threads, morselSize: morsel)
            let plan = try XCTUnwrap(engine.run(SourceText(name: "<q>", text: "explain " + q)).last?.explain)
            XCTAssertTrue(plan.contains("packed hash") && plan.contains("after merging partitions"), plan)
            assertSame(serial, try run(c, q, threads: threads, morsel: morsel), "\(q) [threads \(threads), morsel \(morsel)]")
        }
    }

    func testParallelSumOverflowStillReported() throws {
        let big = ContiguousArray<Int64>(repeating: Int64.max / 2, count: 10)
        let t = Table(name: "t", columns: [Column(name: "x", vector: Vector(.int(big[...])))])
        let c = Catalog()
        c.add(t)
        for (threads, morsel) in Self.configurations {
            XCTAssertThrowsError(try run(c, "t aggregate sum(x)", threads: threads, morsel: morsel), "threads \(threads), morsel \(morsel)")
        }
    }

    /// Every query of the golden files gives the same rows at 1, 2 and 4 threads.
    func testParallelGoldenQueriesMatchSerial() throws {
        let root = GoldenQueryTests.root
        let dir = root.appendingPathComponent("Queries")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".test") }.sorted()
        var catalogs: [String: Catalog] = [:]
        var checked = 0
        for f in files {
            let text = try String(contentsOfFile: dir.appendingPathComponent(f).path, encoding: .utf8)
            for c in try GoldenFile.parse(text, file: f) where c.kind == .query {
                if catalogs[c.data] == nil {
                    catalogs[c.data] = try DataDirectory.load(root.appendingPathComponent("Fixtures/\(c.data)").path)
                }
                guard let catalog = catalogs[c.data] else { continue }
                let today = CivilDate.parse(c.today)?.days ?? 0
                let serial = try Engine(catalog: catalog, today: today).run(SourceText(name: "<q>", text: c.query))
                for (threads, morsel) in Self.configurations {
                    let e = Engine(catalog: catalog, today: today, threads: threads, morselSize: morsel)
                    let parallel = try e.run(SourceText(name: "<q>", text: c.query))
                    if let s = serial.last?.table, let p = parallel.last?.table {
                        assertSame(s, p, "\(f):\(c.line) [threads \(threads), morsel \(morsel)]")
                    }
                }
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 20)
    }
}

/// A tiny deterministic generator for test data (SplitMix64).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
