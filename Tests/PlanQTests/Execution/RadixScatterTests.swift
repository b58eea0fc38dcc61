import Foundation
import XCTest
@testable import PlanQ

/// Issue 17: groupings of nearly unique packed keys are aggregated by a
/// counting-sort scatter into radix partitions, on one thread as well as on
/// several. Every aggregate is checked value by value, in first-appearance
/// order, against an answer computed here from the data (not against another
/// engine path), with nulls in the arguments and arguments of every scattered
/// type (int, double, date, enum, bool).
final class RadixScatterTests: XCTestCase {
    static let rows = 6_000

    /// p, q ints 0..<500 (sparse: about one row per group, some groups repeat);
    /// x int with nulls; y double; d date with nulls; r RAG enum with nulls; f bool.
    struct Data {
        var p: [Int64] = [], q: [Int64] = [], x: [Int64?] = [], y: [Double] = [], d: [Int32?] = []
        var r: [UInt32?] = [], f: [UInt8] = []
    }

    static let data: Data = {
        var rng = SplitMix(seed: 17)
        var out = Data()
        for _ in 0..<rows {
            // A narrow band of q for a quarter of the rows, so some groups have several rows.
            out.p.append(Int64(rng.next() % 500))
            out.q.append(rng.next() % 4 == 0 ? Int64(rng.next() % 3) : Int64(rng.next() % 500))
            out.x.append(rng.next() % 6 == 0 ? nil : Int64(rng.next() % 1000) - 500)
            out.y.append(Double(rng.next() % 100_000) / 64)
            out.d.append(rng.next() % 9 == 0 ? nil : Int32(14_000 + rng.next() % 400))
            out.r.append(rng.next() % 5 == 0 ? nil : UInt32(rng.next() % 3))
            out.f.append(UInt8(rng.next() % 2))
        }
        return out
    }()

    static let catalog: Catalog = {
        let s = data, n = rows
        func mask<T>(_ a: [T?]) -> ValidityMask {
            var m = ValidityMask(count: n, allValid: true)
            for (i, v) in a.enumerated() where v == nil { m.set(i, valid: false) }
            return m
        }
        let c = Catalog()
        c.add(Table(name: "t", columns: [
            Column(name: "p", vector: Vector(.int(ContiguousArray(s.p)[...]))),
            Column(name: "q", vector: Vector(.int(ContiguousArray(s.q)[...]))),
            Column(name: "x", vector: Vector(.int(ContiguousArray(s.x.map { $0 ?? 0 })[...]), validity: mask(s.x))),
            Column(name: "y", vector: Vector(.double(ContiguousArray(s.y)[...]))),
            Column(name: "d", vector: Vector(.date(ContiguousArray(s.d.map { $0 ?? 0 })[...]), validity: mask(s.d))),
            Column(name: "r", vector: Vector(.enumeration(ContiguousArray(s.r.map { $0 ?? 0 })[...], EnumType.rag), validity: mask(s.r))),
            Column(name: "f", vector: Vector(.bool(ContiguousArray(s.f)[...]))),
        ]))
        return c
    }()

    /// One group's expected aggregates.
    struct Expected: Equatable {
        var p: Int64, q: Int64, n = 0, sx: Int64? = nil, cx = 0, maxy = -Double.infinity, mind: Int32? = nil, cr = 0, cf = 0
    }

    /// The expected groups of `where` rows, in first-appearance order.
    static func expected(_ keep: (Int) -> Bool = { _ in true }) -> [Expected] {
        let s = data
        var order: [[Int64]] = [], at: [[Int64]: Int] = [:], out: [Expected] = []
        for i in 0..<rows where keep(i) {
            let k = [s.p[i], s.q[i]]
            let g: Int
            if let seen = at[k] { g = seen } else {
                g = out.count
                at[k] = g
                order.append(k)
                out.append(Expected(p: k[0], q: k[1]))
            }
            out[g].n += 1
            if let x = s.x[i] { out[g].sx = (out[g].sx ?? 0) + x; out[g].cx += 1 }
            out[g].maxy = max(out[g].maxy, s.y[i])
            if let d = s.d[i] { out[g].mind = min(out[g].mind ?? d, d) }
            if s.r[i] != nil { out[g].cr += 1 }
            if s.f[i] != 0 { out[g].cf += 1 }
        }
        return out
    }

    static let query = "group by p, q aggregate count() as n, sum(x) as sx, count(x) as cx, max(y) as maxy, min(d) as mind, "
        + "count(r) as cr, count_if(f) as cf"

    /// The result's rows as ``Expected`` values.
    func groups(_ t: Table) throws -> [Expected] {
        func col(_ name: String) throws -> Vector { try XCTUnwrap(t.columns.first { $0.name == name }?.vector, name) }
        let p = try col("p"), q = try col("q"), n = try col("n"), sx = try col("sx"), cx = try col("cx")
        let maxy = try col("maxy"), mind = try col("mind"), cr = try col("cr"), cf = try col("cf")
        func int(_ v: Vector, _ i: Int) -> Int64? { if case .int(let x) = v.value(at: i) { return x } else { return nil } }
        return try (0..<t.rowCount).map { i in
            var e = Expected(p: try XCTUnwrap(int(p, i)), q: try XCTUnwrap(int(q, i)))
            e.n = Int(int(n, i) ?? -1)
            e.sx = int(sx, i)
            e.cx = Int(int(cx, i) ?? -1)
            if case .double(let y) = maxy.value(at: i) { e.maxy = y }
            if case .date(let d) = mind.value(at: i) { e.mind = d }
            e.cr = Int(int(cr, i) ?? -1)
            e.cf = Int(int(cf, i) ?? -1)
            return e
        }
    }

    /// Runs `text` at each (threads, morsel): morsels of 64 rows make even one
    /// thread take the scatter (a table of at least eight morsels); the default
    /// morsel on one thread takes the plain table, as a second reference.
    func check(_ text: String, _ want: [Expected], file: StaticString = #filePath, line: UInt = #line) throws {
        for (threads, morsel) in [(1, 64), (1, ExecutionContext.defaultMorselSize), (2, 500), (3, 777), (4, 64)] {
            let e = Engine(catalog: Self.catalog, today: 0, threads: threads, morselSize: morsel)
            let explain = try XCTUnwrap(e.run(SourceText(name: "<q>", text: "explain " + text)).last?.explain)
            let scattered = threads > 1 || morsel == 64
            XCTAssertEqual(explain.contains("radix partitions"), scattered, "[\(threads), \(morsel)] \(explain)", file: file, line: line)
            let got = try groups(try XCTUnwrap(e.run(SourceText(name: "<q>", text: text)).last?.table))
            XCTAssertEqual(got.count, want.count, "[threads \(threads), morsel \(morsel)]", file: file, line: line)
            if let i = zip(got, want).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
                XCTFail("[threads \(threads), morsel \(morsel)] group \(i): got \(got[i]), want \(want[i])", file: file, line: line)
            }
        }
    }

    func testScatteredAggregatesMatchAnAnswerComputedFromTheRows() throws {
        let want = Self.expected()
        XCTAssertGreaterThan(want.count, Self.rows / 2, "the keys should be sparse")
        XCTAssertLessThan(want.count, Self.rows, "some groups should have several rows")
        try check("t " + Self.query, want)
    }

    func testFilteredRowsAndAnEmptyInput() throws {
        let s = Self.data
        try check("t where x > 100 " + Self.query, Self.expected { (s.x[$0] ?? .min) > 100 })
        let e = Engine(catalog: Self.catalog, today: 0, threads: 1, morselSize: 64)
        let t = try XCTUnwrap(e.run(SourceText(name: "<q>", text: "t where x > 10000 " + Self.query)).last?.table)
        XCTAssertEqual(t.rowCount, 0)
        XCTAssertEqual(t.columns.map(\.name), ["p", "q", "n", "sx", "cx", "maxy", "mind", "cr", "cf"])
    }

    /// The first positions' ranks (a bitmap and prefix counts) put groups in the
    /// order a sort of the positions gives, and the values move with them.
    func testPartitionsAssembleInFirstAppearanceOrder() throws {
        let want = Self.expected()
        let e = Engine(catalog: Self.catalog, today: 0, threads: 2, morselSize: 100)
        let t = try XCTUnwrap(e.run(SourceText(name: "<q>", text: "t " + Self.query)).last?.table)
        XCTAssertEqual(try groups(t).map { [$0.p, $0.q] }, want.map { [$0.p, $0.q] })
    }
}
