import Foundation
import XCTest

/// Runs the built `planq` binary: exit codes, formats, stdin, timers, data errors.
final class CLITests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = root.appendingPathComponent("Tests/Fixtures/plans").path

    /// Runs the built `planq` with `args` and optional standard input.
    func planq(_ args: [String], stdin: String? = nil) throws -> CLIRun { try CLIRunner().planq(args, stdin: stdin) }

    func testSuccessPrintsTableWithRowCount() throws {
        let r = try planq(["--data", Self.fixtures, "-c", "risks group by theme pivot status"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("Community Safety"), r.out)
        XCTAssertTrue(r.out.hasSuffix("3 rows\n"), r.out)
    }

    func testEmptyResultSaysSo() throws {
        let r = try planq(["--data", Self.fixtures, "-c", "indicators where status = red and status = green select id"])
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.out.contains("0 rows"), r.out)
    }

    func testQueryErrorExitsOneWithCaret() throws {
        let r = try planq(["--data", Self.fixtures, "-c", "indicators where statu = red"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.err, """
        <query>:1:18: error: unknown column 'statu'; did you mean 'status'?
        indicators where statu = red
                         ^~~~~

        """)
        XCTAssertEqual(r.out, "")
    }

    func testStopsAtFirstFailingStatement() throws {
        let r = try planq(["--data", Self.fixtures, "--format", "csv", "-c", "risks group by plan; risks where nope = 1; risks group by plan"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.out, "plan,count\nlaa,5\n")
        XCTAssertTrue(r.err.hasPrefix("<query>:1:34: error: unknown column 'nope'"), r.err)
    }

    func testUsageErrorsExitTwo() throws {
        XCTAssertEqual(try planq(["--bogus"]).status, 2)
        XCTAssertEqual(try planq(["--today", "2009-02-30", "-c", "risks"]).status, 2)
        XCTAssertEqual(try planq(["--format", "xml", "-c", "risks"]).status, 2)
        XCTAssertEqual(try planq(["-c", "risks", "-f", "x.pq"]).status, 2)
        XCTAssertEqual(try planq(["--help"]).status, 0)
    }

    func testFormats() throws {
        let q = "indicators where id in (\"i1\", \"i6\") select id, target, status, owner sort by id"
        let csv = try planq(["--data", Self.fixtures, "--format", "csv", "-c", q])
        XCTAssertEqual(csv.out, "id,target,status,owner\ni1,18,red,Brian Neale\ni6,33.7,,Patrick Wilson\n")
        let json = try planq(["--data", Self.fixtures, "--format", "json", "-c", q])
        let parsed = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]]
        XCTAssertEqual(parsed?.count, 2)
        XCTAssertEqual(parsed?.first?["status"] as? String, "red")
        XCTAssertTrue(parsed?.last?["status"] is NSNull)
        let jsonl = try planq(["--data", Self.fixtures, "--format", "jsonl", "-c", q])
        XCTAssertEqual(jsonl.out.split(separator: "\n").count, 2)
        let md = try planq(["--data", Self.fixtures, "--format", "markdown", "-c", q])
        XCTAssertTrue(md.out.hasPrefix("| id |"), md.out)
        let tsv = try planq(["--data", Self.fixtures, "--format", "tsv", "-c", q])
        XCTAssertEqual(tsv.out, "id\ttarget\tstatus\towner\ni1\t18\tred\tBrian Neale\ni6\t33.7\t\tPatrick Wilson\n")
    }

    func testStdinAndTodayAndTimer() throws {
        let r = try planq(["--data", Self.fixtures, "--format", "csv", "--today", "2009-06-30", "--timer"],
                          stdin: "actions where action = \"Target prolific offenders\" select days_between(due, today) as late;")
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, "late\n91\n")
        XCTAssertTrue(r.err.contains("Load: "), r.err)
        XCTAssertNotNil(r.err.range(of: #"Time: total [0-9.]+ ms \(parse [0-9.]+, plan [0-9.]+, execute [0-9.]+, output [0-9.]+\)"#,
                                    options: .regularExpression), r.err)
    }

    func testFileSourceNamesTheFileInErrors() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("planq-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let f = dir.appendingPathComponent("q.pq")
        try "-- a comment\nrisks\n  where impact > \"x\"\n".write(to: f, atomically: true, encoding: .utf8)
        let r = try planq(["--data", Self.fixtures, "-f", f.path])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.hasPrefix("\(f.path):3:9: error: cannot compare int with text"), r.err)
    }

    func testBrokenCSVIsReportedWithPosition() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("planq-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try "a,b\n1,2\n3,4,5\n".write(to: dir.appendingPathComponent("t.csv"), atomically: true, encoding: .utf8)
        let r = try planq(["--data", dir.path, "-c", "t"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.contains("t.csv:3:"), r.err)
        XCTAssertEqual(r.out, "")
    }
}
