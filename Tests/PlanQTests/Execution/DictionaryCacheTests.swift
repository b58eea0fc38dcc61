import Foundation
import XCTest
@testable import PlanQ

/// Per-dictionary caches are keyed by a generation that no other dictionary gets,
/// never by an address a later dictionary can be allocated at (issue 19).
final class DictionaryCacheTests: XCTestCase {
    func testGenerationsAreNeverReused() {
        var seen = Set<UInt64>()
        var addresses = Set<ObjectIdentifier>()
        for i in 0..<1_000 {
            // Each dictionary is freed at the end of the iteration, so the allocator
            // hands its memory (and ObjectIdentifier) to the next one.
            let d = StringDictionary(unique: [i.isMultiple(of: 2) ? "x" : "y"])
            addresses.insert(ObjectIdentifier(d))
            XCTAssertTrue(seen.insert(d.generation).inserted, "generation \(d.generation) given twice")
        }
        XCTAssertEqual(seen.count, 1_000)
        // Not asserted (allocator-dependent), but shows why addresses cannot be keys.
        print("dictionary cache: 1000 dictionaries at \(addresses.count) distinct addresses")
    }

    func testFreshDictionaryOfTheSameSizeGetsItsOwnAnswer() {
        var cache = DictionaryCache<ContiguousArray<UInt8>>()
        for i in 0..<1_000 {
            let s = i.isMultiple(of: 2) ? "none" : "some"
            let d = StringDictionary(unique: [s])
            let t = cache.value(.init(d, "eq none")) { ContiguousArray(d.strings.map { $0 == "none" ? UInt8(1) : 0 }) }
            XCTAssertEqual(t, [i.isMultiple(of: 2) ? 1 : 0], "dictionary \(i) got another dictionary's answer")
        }
        XCTAssertLessThanOrEqual(cache.count, cache.capacity)
    }

    func testGrownDictionaryIsRecomputed() {
        var cache = DictionaryCache<Int>()
        let d = StringDictionary(unique: ["a"])
        XCTAssertEqual(cache.value(.init(d, "n")) { d.count }, 1)
        d.intern("b")
        XCTAssertEqual(cache.value(.init(d, "n")) { d.count }, 2)
        XCTAssertEqual(cache.value(.init(d, "n")) { -1 }, 2)
    }

    /// The engine end to end: `upper(coalesce(m, k))` makes a dictionary per batch;
    /// every row past the first batch must still get its own value.
    func testCoalesceAcrossBatchesMatchesRowByRow() throws {
        var csv = "id,m,k\n"
        for i in 0..<6_000 { csv += "\(i),\(i % 10 == 3 ? "" : String(UnicodeScalar(UInt8(97 + i % 8)))),\(["p", "q", "r"][i % 3])\n" }
        let catalog = Catalog()
        catalog.add(try CSVReader().read(bytes: Array(csv.utf8), name: "t.csv", tableName: "t"))
        let e = Engine(catalog: catalog, today: 0, threads: 1)
        let r = try XCTUnwrap(e.run(SourceText(name: "<q>", text: "t select id, upper(coalesce(m, k)) as u")).last).table
        XCTAssertEqual(r.rowCount, 6_000)
        guard case .text(let codes, let dict) = r.columns[1].vector.data else { return XCTFail("u is not text") }
        for i in 0..<6_000 {
            let want = i % 10 == 3 ? ["P", "Q", "R"][i % 3] : String(UnicodeScalar(UInt8(65 + i % 8)))
            XCTAssertEqual(dict[codes[codes.startIndex + i]], want, "row \(i)")
            if dict[codes[codes.startIndex + i]] != want { break }
        }
        let n = try XCTUnwrap(e.run(SourceText(name: "<q>", text: "t where coalesce(m, \"none\") = \"none\" aggregate count() as c")).last).table
        XCTAssertEqual(n.columns[0].vector.value(at: 0), .int(600))
    }
}
