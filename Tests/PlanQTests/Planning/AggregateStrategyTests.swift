import XCTest
@testable import PlanQ

/// The grouping strategy depends on key types and cardinalities, never on names.
final class AggregateStrategyTests: XCTestCase {
    func table(_ names: (String, String)) -> Catalog {
        let dict = StringDictionary(unique: ["a", "b", "c"])
        let codes = ContiguousArray((0..<1000).map { UInt32($0 % 3) })
        let unique = StringDictionary(unique: (0..<1000).map { "title \($0)" })
        let ucodes = ContiguousArray((0..<1000).map { UInt32($0) })
        let t = Table(name: "t", columns: [
            Column(name: names.0, vector: Vector(.text(codes[...], dict))),
            Column(name: names.1, vector: Vector(.text(ucodes[...], unique))),
        ])
        let c = Catalog()
        c.add(t)
        return c
    }

    func plan(_ catalog: Catalog, _ q: String) throws -> String {
        let r = try Engine(catalog: catalog, today: 0).run(SourceText(name: "<q>", text: "explain " + q))
        return try XCTUnwrap(r.first?.explain)
    }

    func testChoiceFollowsCardinalityNotName() throws {
        for names in [("theme", "title"), ("zz1", "zz2"), ("title", "theme")] {
            let c = table(names)
            XCTAssertTrue(try plan(c, "t group by \(names.0)").hasPrefix("DirectAggregate"), "\(names)")
            XCTAssertTrue(try plan(c, "t group by \(names.1)").hasPrefix("HashAggregate"), "\(names)")
        }
    }

    func testGroupsAgreeAcrossStrategies() throws {
        let c = table(("k", "u"))
        let direct = try Engine(catalog: c, today: 0).run(SourceText(name: "<q>", text: "t group by k sort by k")).first?.table.rows
        let hashed = try Engine(catalog: c, today: 0).run(SourceText(name: "<q>", text: "t group by lower(k) as k sort by k")).first?.table.rows
        XCTAssertEqual(direct, [[.text("a"), .int(334)], [.text("b"), .int(333)], [.text("c"), .int(333)]])
        XCTAssertEqual(direct, hashed)
    }
}
