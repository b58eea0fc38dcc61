import Foundation
import XCTest
@testable import PlanQ

/// Issue 19: groups come out in one documented order (first appearance; by key
/// when every key is an enum or a bool) on every grouping path — direct-indexed,
/// packed, hashed, partitioned merge, radix-partitioned — at every thread count.
/// Compared row for row (not sorted) with an order computed here from the data.
final class GroupOrderTests: XCTestCase {
    static let rows = 20_000

    /// Columns: k, m text with nulls; a, b ints 0..<140 (packed, partitioned merge);
    /// p, q ints 0..<1000 (sparse: radix-partitioned); r RAG enum with nulls; f bool.
    static let catalog: Catalog = {
        var rng = SplitMix(seed: 19)
        let n = rows
        func ints(_ m: UInt64) -> ContiguousArray<Int64> { ContiguousArray((0..<n).map { _ in Int64(rng.next() % m) }) }
        let kd = StringDictionary(unique: ["p", "q", "r", "s", "t", "u"]), md = StringDictionary(unique: (0..<9).map { "v\($0)" })
        let kc = ContiguousArray((0..<n).map { _ in UInt32(rng.next() % 6) }), mc = ContiguousArray((0..<n).map { _ in UInt32(rng.next() % 9) })
        var kv = ValidityMask(count: n, allValid: true), mv = ValidityMask(count: n, allValid: true), rv = ValidityMask(count: n, allValid: true)
        for i in 0..<n where rng.next() % 10 == 0 { kv.set(i, valid: false) }
        for i in 0..<n where rng.next() % 7 == 0 { mv.set(i, valid: false) }
        for i in 0..<n where rng.next() % 5 == 0 { rv.set(i, valid: false) }
        let a = ints(140), b = ints(140), p = ints(1000), q = ints(1000)
        let r = ContiguousArray((0..<n).map { _ in UInt32(rng.next() % 3) }), f = ContiguousArray((0..<n).map { _ in UInt8(rng.next() % 2) })
        let c = Catalog()
        c.add(Table(name: "t", columns: [
            Column(name: "k", vector: Vector(.text(kc[...], kd), validity: kv)),
            Column(name: "m", vector: Vector(.text(mc[...], md), validity: mv)),
            Column(name: "a", vector: Vector(.int(a[...]))), Column(name: "b", vector: Vector(.int(b[...]))),
            Column(name: "p", vector: Vector(.int(p[...]))), Column(name: "q", vector: Vector(.int(q[...]))),
            Column(name: "r", vector: Vector(.enumeration(r[...], EnumType.rag), validity: rv)),
            Column(name: "f", vector: Vector(.bool(f[...]))),
        ]))
        return c
    }()

    /// The key columns' values per row, as text.
    static func keyRows(_ table: Table, _ names: [String]) -> [[String]] {
        let cols = names.map { n in table.columns.first { $0.name == n }! }
        return (0..<table.rowCount).map { r in cols.map { $0.vector.value(at: r).description } }
    }

    /// Distinct key tuples of `names` over the table's rows, in first-appearance order.
    static func firstAppearance(_ names: [String], where keep: (Int) -> Bool = { _ in true }) -> [[String]] {
        let all = keyRows(catalog.table("t")!, names)
        var seen = Set<[String]>(), out: [[String]] = []
        for (i, k) in all.enumerated() where keep(i) && seen.insert(k).inserted { out.append(k) }
        return out
    }

    func check(_ query: String, keys: [String], expected: [[String]], plan: String, parallelPlan: String? = nil,
               file: StaticString = #filePath, line: UInt = #line) throws {
        let configurations = [(1, ExecutionContext.defaultMorselSize), (2, 1_000), (4, 777), (2, 4_096), (3, 2_048)]
        for (threads, morsel) in configurations {
            let e = Engine(catalog: Self.catalog, today: 0, threads: threads, morselSize: morsel)
            let explain = try XCTUnwrap(e.run(SourceText(name: "<q>", text: "explain " + query)).last?.explain)
            if threads == 1 { XCTAssertTrue(explain.contains(plan), "\(query): expected \(plan) in\n\(explain)", file: file, line: line) }
            if threads > 1 && morsel < 2_048, let parallelPlan {
                // explain runs the query, so it shows the path the parallel run took.
                XCTAssertTrue(explain.contains(parallelPlan), "\(query) [threads \(threads)]: expected \(parallelPlan) in\n\(explain)", file: file, line: line)
            }
            let t = try XCTUnwrap(e.run(SourceText(name: "<q>", text: query)).last?.table)
            let got = Self.keyRows(t, keys)
            XCTAssertEqual(got.count, expected.count, "\(query) [threads \(threads), morsel \(morsel)]", file: file, line: line)
            if let i = zip(got, expected).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
                XCTFail("\(query) [threads \(threads), morsel \(morsel)]: row \(i) is \(got[i]), want \(expected[i])", file: file, line: line)
            }
        }
    }

    func testDirectAndHashedGroupsAgreeInFirstAppearanceOrder() throws {
        let want = Self.firstAppearance(["k", "m"])
        try check("t group by k, m", keys: ["k", "m"], expected: want, plan: "direct-indexed")
        try check("t group by coalesce(k, k) as k, coalesce(m, m) as m", keys: ["k", "m"], expected: want, plan: "hash,")
        try check("t select k, m distinct", keys: ["k", "m"], expected: want, plan: "direct-indexed")
        try check("t group by m, k", keys: ["m", "k"], expected: Self.firstAppearance(["m", "k"]), plan: "direct-indexed")
    }

    func testFilteredGroupsFollowTheRowsThatReachTheGrouping() throws {
        let rows = Self.keyRows(Self.catalog.table("t")!, ["a"])
        let want = Self.firstAppearance(["m", "k"]) { Int(rows[$0][0])! >= 70 }
        try check("t where a >= 70 group by m, k", keys: ["m", "k"], expected: want, plan: "direct-indexed")
    }

    func testPackedPartitionedAndRadixGroupsAreInFirstAppearanceOrder() throws {
        try check("t group by a, b aggregate count() as n", keys: ["a", "b"], expected: Self.firstAppearance(["a", "b"]),
                  plan: "packed hash", parallelPlan: "after merging partitions")
        try check("t group by p, q aggregate count() as n", keys: ["p", "q"], expected: Self.firstAppearance(["p", "q"]),
                  plan: "packed hash", parallelPlan: "after merging partitions")
        try check("t group by k, p aggregate count() as n", keys: ["k", "p"], expected: Self.firstAppearance(["k", "p"]), plan: "direct-indexed")
    }

    func testEnumAndBoolKeysAreInDeclaredOrder() throws {
        var want: [[String]] = []
        for r in ["red", "amber", "green", "null"] { for f in ["false", "true"] { want.append([r, f]) } }
        try check("t group by r, f", keys: ["r", "f"], expected: want, plan: "direct-indexed")
        var flipped: [[String]] = []
        for f in ["false", "true"] { for r in ["red", "amber", "green", "null"] { flipped.append([f, r]) } }
        try check("t group by f, r", keys: ["f", "r"], expected: flipped, plan: "direct-indexed")
    }

    func testCountingPermutationMatchesSort() {
        var rng = SplitMix(seed: 5)
        for n in [0, 1, 2, 10, 5_000] {
            var positions = ContiguousArray<Int64>()
            var used = Set<Int64>()
            while positions.count < n {
                let p = Int64(rng.next() % UInt64(max(1, n * 3)))
                if used.insert(p).inserted { positions.append(p) }
            }
            let perm = GroupOrder.permutation(positions)
            XCTAssertEqual(perm.map { positions[Int($0)] }, positions.sorted(), "n \(n)")
        }
        // Spread-out positions take the comparison sort.
        let wide: ContiguousArray<Int64> = [1 << 40, 3, 1 << 50, 7]
        XCTAssertEqual(GroupOrder.permutation(wide), [1, 3, 0, 2])
    }
}
