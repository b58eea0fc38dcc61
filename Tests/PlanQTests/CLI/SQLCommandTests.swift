import Foundation
import XCTest

/// `planq sql`: SQL on stdout, errors with a caret and exit 1, usage errors exit 2.
final class SQLCommandTests: XCTestCase {
    /// Runs the built `planq` with `args` and optional standard input.
    func planq(_ args: [String], stdin: String? = nil) throws -> CLIRun { try CLIRunner().planq(args, stdin: stdin) }

    func testPrintsSQLForEachStatement() throws {
        let r = try planq(["sql", "--dialect", "postgres", "--data", CLITests.fixtures, "--today", "2009-06-30",
                               "-c", "indicators where status = red select code; risks group by status"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, """
        SELECT "code"
        FROM "indicators"
        WHERE "status" = 'red';

        WITH
          "grouped" AS (
            SELECT "status", count(*) AS "count"
            FROM "risks"
            GROUP BY "status"
          )
        SELECT "status", "count"
        FROM "grouped"
        ORDER BY CASE "status" WHEN 'red' THEN 0 WHEN 'amber' THEN 1 WHEN 'green' THEN 2 END ASC NULLS LAST;

        """)
    }

    func testReadsStandardInputAndQuotesForSpark() throws {
        let r = try planq(["sql", "--dialect", "spark", "--data", CLITests.fixtures], stdin: "risks select `owner`")
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, "SELECT `owner`\nFROM `risks`;\n")
    }

    func testUnsupportedConstructIsAnErrorWithCaret() throws {
        let r = try planq(["sql", "--dialect", "duckdb", "--data", CLITests.fixtures,
                               "-c", "indicators where code matches \"(a)\\\\1\""])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.contains("a back-reference in a regular expression is not available on DuckDB"), r.err)
        XCTAssertTrue(r.err.contains("^~~"), r.err)
        XCTAssertEqual(r.out, "")
    }

    func testBindErrorsAreReportedAsInPlanq() throws {
        let r = try planq(["sql", "--dialect", "postgres", "--data", CLITests.fixtures, "-c", "indicators where statu = red"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.contains("unknown column 'statu'; did you mean 'status'?"), r.err)
    }

    func testUnknownDialectIsAUsageError() throws {
        let r = try planq(["sql", "--dialect", "oracle", "-c", "risks"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.err.contains("--dialect must be postgres, duckdb or spark"), r.err)
    }
}
