import Foundation
import PlanQ
@testable import PlanQPostgres
import XCTest

/// Rows from PostgreSQL become planq columns of the types the binder expects: exact ints from
/// numeric sums, overflow as an error, enums by value, dates from PostgreSQL's 2000 epoch.
final class PostgresResultReaderTests: XCTestCase {
    func read(_ sql: String, _ columns: [(String, DataType)]) throws -> Table {
        let session = try PostgresTestDatabase.session(schema: "planq_test_results")
        defer { session.close() }
        return try PostgresResultReader(columns: columns).table(try session.query(sql, what: "test"))
    }

    func testEveryTypeConverts() throws {
        let t = try read("""
            SELECT * FROM (VALUES
              (1::int8, 2.5::float8, 'amber', DATE '2009-03-31', true, 'Housing', 12::numeric, 3::int4),
              (NULL, NULL, NULL, DATE '1969-12-31', NULL, NULL, NULL, NULL)) v
            """, [("i", .int), ("x", .double), ("status", .enumeration(.rag)), ("d", .date), ("b", .bool),
                  ("theme", .text), ("total", .int), ("small", .double)])
        XCTAssertEqual(t.rowCount, 2)
        XCTAssertEqual(t.rows[0], [.int(1), .double(2.5), .text("amber"), .date(CivilDate(year: 2009, month: 3, day: 31).days),
                                   .bool(true), .text("Housing"), .int(12), .double(3)])
        XCTAssertEqual(t.rows[1], [.null, .null, .null, .date(-1), .null, .null, .null, .null])
        XCTAssertEqual(ResultWriter.render(t, format: .csv), "i,x,status,d,b,theme,total,small\n1,2.5,amber,2009-03-31,true,Housing,12,3\n,,,1969-12-31,,,,\n")
    }

    func testNumericBeyondInt64IsAnOverflowError() throws {
        XCTAssertThrowsError(try read("SELECT 9223372036854775807::numeric + 1", [("total", .int)])) { error in
            XCTAssertEqual((error as? Diagnostic)?.message,
                           "integer overflow: column 'total' is outside the 64-bit range (9223372036854775808)")
        }
    }

    func testUnknownEnumValueAndWrongTypeAreErrors() throws {
        XCTAssertThrowsError(try read("SELECT 'purple'::text", [("status", .enumeration(.rag))])) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "column 'status': 'purple' is not a value of enum rag (red, amber, green)")
        }
        XCTAssertThrowsError(try read("SELECT 'x'::text", [("n", .int)])) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "column 'n': PostgreSQL returned TEXT where planq expects int")
        }
    }
}
