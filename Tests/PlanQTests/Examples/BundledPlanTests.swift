import Foundation
import XCTest
@testable import PlanQ

/// The issue's examples and every `Grammar/examples/*.pq` run on the bundled plans.
///
/// Expected answers are computed here by plain loops over the loaded rows, not
/// written in, so the tests stay true when `datasets/` is regenerated.
final class BundledPlanTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let today = CivilDate(year: 2009, month: 6, day: 30).days

    var catalog: Catalog!

    override func setUpWithError() throws {
        catalog = try DataDirectory.load(Self.root.appendingPathComponent("datasets").path)
    }

    func run(_ q: String) throws -> Table {
        let r = try Engine(catalog: catalog, today: Self.today).run(SourceText(name: "<query>", text: q))
        return try XCTUnwrap(r.last).table
    }

    /// Rows of a bundled table as dictionaries of boxed values.
    func records(_ name: String) throws -> [[String: Value]] {
        let t = try XCTUnwrap(catalog.table(name))
        return t.rows.map { row in Dictionary(uniqueKeysWithValues: zip(t.columns.map(\.name), row)) }
    }

    func multiset(_ rows: [[Value]]) -> [String] { rows.map { $0.map(\.description).joined(separator: "|") }.sorted() }

    func testEveryGrammarExampleRuns() throws {
        let dir = Self.root.appendingPathComponent("Grammar/examples")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".pq") }.sorted()
        XCTAssertGreaterThanOrEqual(files.count, 12)
        for f in files {
            let text = try String(contentsOf: dir.appendingPathComponent(f), encoding: .utf8)
            XCTAssertNoThrow(try Engine(catalog: catalog, today: Self.today).run(SourceText(name: f, text: text)), f)
        }
    }

    func testSafetyRedByOwner() throws {
        let t = try run(#"indicators where theme = "Community Safety" and status = red group by owner"#)
        var counts: [String: Int] = [:]
        for r in try records("indicators") where r["theme"] == .text("Community Safety") && r["status"] == .text("red") {
            counts[r["owner"]?.description ?? "null", default: 0] += 1
        }
        XCTAssertEqual(t.columns.map(\.name), ["owner", "count"])
        XCTAssertEqual(multiset(t.rows), counts.map { "\($0.key)|\($0.value)" }.sorted())
    }

    func testRedAmberByThemeAndOwner() throws {
        let t = try run("indicators where status in (red, amber) group by theme, owner aggregate count() as n, avg(target) sort by n desc limit 5")
        var groups: [String: (n: Int, sum: Double, c: Int)] = [:]
        for r in try records("indicators") where r["status"] == .text("red") || r["status"] == .text("amber") {
            let key = "\(r["theme"] ?? .null)|\(r["owner"] ?? .null)"
            var g = groups[key] ?? (0, 0, 0)
            g.n += 1
            if case .double(let d)? = r["target"] { g.sum += d; g.c += 1 }
            groups[key] = g
        }
        XCTAssertEqual(t.rowCount, min(5, groups.count))
        for row in t.rows {
            let key = "\(row[0])|\(row[1])"
            let g = try XCTUnwrap(groups[key], key)
            XCTAssertEqual(row[2], .int(Int64(g.n)))
            XCTAssertEqual(row[3], g.c == 0 ? .null : .double(g.sum / Double(g.c)))
        }
        let ns = t.rows.compactMap { if case .int(let n) = $0[2] { return n } else { return nil } }
        XCTAssertEqual(ns, ns.sorted(by: >))
    }

    func testOverdueActions() throws {
        let t = try run(#"actions where due < date "2009-04-01" and status != green let overdue_days = days_between(due, today) select ref, action, owner, overdue_days"#)
        let cutoff = CivilDate(year: 2009, month: 4, day: 1).days
        var expected: [[Value]] = []
        for r in try records("actions") {
            guard case .date(let due)? = r["due"], due < cutoff, case .text(let s)? = r["status"], s != "green" else { continue }
            expected.append([r["ref"] ?? .null, r["action"] ?? .null, r["owner"] ?? .null, .int(Int64(Self.today - due))])
        }
        XCTAssertEqual(t.columns.map(\.name), ["ref", "action", "owner", "overdue_days"])
        XCTAssertEqual(multiset(t.rows), multiset(expected))
    }

    func testRiskPivot() throws {
        let t = try run("risks group by theme pivot status")
        XCTAssertEqual(t.columns.map(\.name), ["theme", "red", "amber", "green", "null"])
        var counts: [String: [Int]] = [:]
        let order = ["red": 0, "amber": 1, "green": 2]
        for r in try records("risks") {
            let theme = r["theme"]?.description ?? "null"
            var c = counts[theme] ?? [0, 0, 0, 0]
            if case .text(let s)? = r["status"], let i = order[s] { c[i] += 1 } else { c[3] += 1 }
            counts[theme] = c
        }
        XCTAssertEqual(multiset(t.rows), counts.map { "\($0.key)|" + $0.value.map(String.init).joined(separator: "|") }.sorted())
    }

    func testJoinOutcomes() throws {
        let t = try run("indicators join outcomes on plan, outcome_no select indicators.theme, code, title, outcomes.owner")
        var owners: [String: Value] = [:]
        for o in try records("outcomes") { owners["\(o["plan"] ?? .null)|\(o["outcome_no"] ?? .null)"] = o["owner"] ?? .null }
        var expected: [[Value]] = []
        for r in try records("indicators") {
            guard r["plan"] != .null, r["outcome_no"] != .null, let owner = owners["\(r["plan"] ?? .null)|\(r["outcome_no"] ?? .null)"] else { continue }
            expected.append([r["theme"] ?? .null, r["code"] ?? .null, r["title"] ?? .null, owner])
        }
        XCTAssertFalse(expected.isEmpty)
        XCTAssertEqual(multiset(t.rows), multiset(expected))
    }
}
