import Foundation
import XCTest

/// The CLI side of the language additions: one JSON document for several statements
/// (checked with `python3 -m json.tool`), and named results from -c, -f and stdin.
final class CLILanguageTests: XCTestCase {
    var data: String { CLITests.fixtures }
    var cli: CLILanguageTests { self }

    /// Runs the built `planq` with `args` and optional standard input.
    func planq(_ args: [String], stdin: String? = nil) throws -> CLIRun { try CLIRunner().planq(args, stdin: stdin) }

    /// Runs `python3 -m json.tool` on `text`; true when it accepts it as one document.
    func jsonToolAccepts(_ text: String) throws -> Bool {
        try CLIRunner().run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-m", "json.tool"], stdin: text).status == 0
    }

    func testSeveralStatementsWriteOneJSONDocument() throws {
        let r = try cli.planq(["--data", data, "--format", "json", "-c",
                               "risks where status = red select ref; risks limit 0; risks group by status"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(try jsonToolAccepts(r.out), r.out)
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [[[String: Any]]])
        XCTAssertEqual(doc.count, 3)
        let risks = try cli.planq(["--data", data, "--format", "csv", "-c", "risks where status = red select ref"])
        XCTAssertEqual(doc[0].count, risks.out.split(separator: "\n").count - 1)
        XCTAssertEqual(doc[1].count, 0)
        XCTAssertEqual(Set(doc[2].compactMap { $0["status"] as? String }), ["red", "amber", "green"])
    }

    func testOneStatementStaysAnArrayOfRows() throws {
        let r = try cli.planq(["--data", data, "--format", "json", "-c", "table x = risks; x group by status"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(try jsonToolAccepts(r.out), r.out)
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [[String: Any]])
        XCTAssertEqual(rows.count, 4)
    }

    func testFailingStatementLeavesValidJSONAndExitsOne() throws {
        let r = try cli.planq(["--data", data, "--format", "json", "-c", "risks limit 1; risks where nope = 1; risks"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.contains("unknown column 'nope'"), r.err)
        XCTAssertTrue(try jsonToolAccepts(r.out), r.out)
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [[[String: Any]]])
        XCTAssertEqual(doc.count, 1)
    }

    func testNamedResultsFromCommandFileAndStdin() throws {
        let script = "table red = risks where status = red; red aggregate count() as n"
        let expected = try cli.planq(["--data", data, "--format", "csv", "-c", "risks where status = red aggregate count() as n"])
        XCTAssertEqual(expected.status, 0)
        let c = try cli.planq(["--data", data, "--format", "csv", "-c", script])
        XCTAssertEqual(c.out, expected.out)
        let s = try cli.planq(["--data", data, "--format", "csv"], stdin: script)
        XCTAssertEqual(s.out, expected.out)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("named-\(getpid()).pq")
        try script.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let f = try cli.planq(["--data", data, "--format", "csv", "-f", file.path])
        XCTAssertEqual(f.out, expected.out)
        // A loaded table cannot be replaced by a named result.
        let bad = try cli.planq(["--data", data, "-c", "table risks = outcomes"])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.err.contains("'risks' is a loaded table"), bad.err)
    }

    /// Issue 16's forms compile to SQL (issue 18); what a dialect cannot say is refused by name.
    func testSQLCompilerCompilesTheNewFormsAndRefusesWhatItCannot() throws {
        for (query, sql) in [("risks union (risks)", "UNION ALL"),
                             ("risks anti join outcomes on plan", "WHERE NOT EXISTS (SELECT 1 FROM \"outcomes\""),
                             ("risks where ref in (risks select ref)", "WHERE \"ref\" IN (")] {
            let r = try planq(["sql", "--dialect", "duckdb", "--data", data, "-c", query])
            XCTAssertEqual(r.status, 0, "\(query): \(r.err)")
            XCTAssertTrue(r.out.contains(sql), "\(query): \(r.out)")
        }
        let bad = try planq(["sql", "--dialect", "postgres", "--data", data, "-c", "risks let s = to_text(1.5 * 2)"])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.err.contains("to_text() of a double is not available on PostgreSQL"), bad.err)
        XCTAssertTrue(bad.out.isEmpty)
    }
}
