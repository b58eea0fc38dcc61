import Foundation
import XCTest
@testable import PlanQ

/// The issue's union, subquery, anti-join, named-result and pivot examples on the
/// bundled plans; expected answers are computed by loops over the loaded rows.
final class BundledLanguageTests: XCTestCase {
    var catalog: Catalog!
    var plans: BundledLanguageTests { self }

    override func setUpWithError() throws {
        catalog = try DataDirectory.load(BundledPlanTests.root.appendingPathComponent("datasets").path)
    }

    /// The last statement's result, run as of 2009-06-30.
    func run(_ q: String) throws -> Table {
        let r = try Engine(catalog: catalog, today: BundledPlanTests.today).run(SourceText(name: "<query>", text: q))
        return try XCTUnwrap(r.last).table
    }

    /// Rows of a bundled table as dictionaries of boxed values.
    func records(_ name: String) throws -> [[String: Value]] {
        let t = try XCTUnwrap(catalog.table(name))
        return t.rows.map { row in Dictionary(uniqueKeysWithValues: zip(t.columns.map(\.name), row)) }
    }

    func text(_ v: Value?) -> String? {
        if case .text(let s)? = v { return s }
        return nil
    }

    func testTextPivotHasOnlyTheOwnersOfItsInputRows() throws {
        let t = try plans.run(#"actions where theme = "Housing" group by status pivot owner"#)
        let owners = Set(try plans.records("actions").filter { text($0["theme"]) == "Housing" }.compactMap { text($0["owner"]) })
        XCTAssertFalse(owners.isEmpty)
        XCTAssertEqual(t.columns.map(\.name), ["status"] + owners.sorted() + ["null"])
    }

    func testInSubqueryMatchesALoop() throws {
        let t = try plans.run("indicators where code in (national_indicators where polarity = lower select code) aggregate count() as n")
        let lower = Set(try plans.records("national_indicators").filter { text($0["polarity"]) == "lower" }.compactMap { text($0["code"]) })
        let expected = try plans.records("indicators").filter { text($0["code"]).map(lower.contains) ?? false }.count
        XCTAssertGreaterThan(expected, 0)
        XCTAssertEqual(t.value(row: 0, column: 0), .int(Int64(expected)))
    }

    func testAntiJoinOutcomesWithoutIndicators() throws {
        let t = try plans.run("outcomes anti join indicators on plan, outcome_no aggregate count() as n")
        let keys = Set(try plans.records("indicators").compactMap { r -> String? in
            guard let p = text(r["plan"]), case .int(let o)? = r["outcome_no"] else { return nil }
            return "\(p)|\(o)"
        })
        let expected = try plans.records("outcomes").filter { r in
            guard let p = text(r["plan"]), case .int(let o)? = r["outcome_no"] else { return true }
            return !keys.contains("\(p)|\(o)")
        }.count
        XCTAssertEqual(t.value(row: 0, column: 0), .int(Int64(expected)))
    }

    func testUnionOfRedAcrossTables() throws {
        let t = try plans.run("indicators where status = red select status union (actions where status = red select status) union (risks where status = red select status) aggregate count() as n")
        var expected = 0
        for name in ["indicators", "actions", "risks"] {
            expected += try plans.records(name).filter { text($0["status"]) == "red" }.count
        }
        XCTAssertGreaterThan(expected, 0)
        XCTAssertEqual(t.value(row: 0, column: 0), .int(Int64(expected)))
    }

    func testNamedResultThenGroup() throws {
        let named = try plans.run("table red = indicators where status = red; red group by owner sort by owner")
        let direct = try plans.run("indicators where status = red group by owner sort by owner")
        XCTAssertEqual(named.rowCount, direct.rowCount)
        XCTAssertEqual(named.rows.map { $0.map(\.description) }, direct.rows.map { $0.map(\.description) })
    }
}
