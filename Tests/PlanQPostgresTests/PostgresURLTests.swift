import Foundation
import PlanQ
@testable import PlanQPostgres
import XCTest

/// `postgresql://` URLs: TCP, a Unix socket folder (`?host=`), the schema, and clear errors.
final class PostgresURLTests: XCTestCase {
    func testSocketURLAsPgPrivateGivesIt() throws {
        let u = try PostgresURL("postgresql://planq@localhost:54321/planq?host=/tmp/planq-pg.abc")
        XCTAssertEqual(u.user, "planq")
        XCTAssertEqual(u.database, "planq")
        XCTAssertEqual(u.port, 54321)
        XCTAssertEqual(u.socketPath, "/tmp/planq-pg.abc/.s.PGSQL.54321")
        XCTAssertEqual(u.schema, "public")
        XCTAssertEqual(u.redacted, "postgresql://planq@localhost:54321/planq?host=/tmp/planq-pg.abc")
    }

    func testTCPURLWithPasswordNeverShowsIt() throws {
        let u = try PostgresURL("postgres://ann:s%40cret@db.example:6543/warehouse?schema=plans&sslmode=require")
        XCTAssertEqual(u.user, "ann")
        XCTAssertEqual(u.password, "s@cret")
        XCTAssertEqual(u.host, "db.example")
        XCTAssertEqual(u.port, 6543)
        XCTAssertNil(u.socketPath)
        XCTAssertEqual(u.schema, "plans")
        XCTAssertTrue(u.requireTLS)
        XCTAssertFalse(u.redacted.contains("cret"), u.redacted)
        XCTAssertEqual(u.redacted, "postgresql://ann@db.example:6543/warehouse?schema=plans")
    }

    func testDefaultsPortAndDatabase() throws {
        let u = try PostgresURL("postgresql://ann@db")
        XCTAssertEqual(u.port, 5432)
        XCTAssertEqual(u.database, "ann")
    }

    func testBadURLsSayWhy() {
        func message(_ s: String) -> String {
            do { _ = try PostgresURL(s); return "parsed" } catch { return (error as? Diagnostic)?.message ?? "\(error)" }
        }
        XCTAssertEqual(message("mysql://a@b/c"), "cannot use 'mysql://a@b/c' as a PostgreSQL URL: it must start with postgresql://")
        XCTAssertEqual(message("postgresql://a@b/c?colour=red"),
                       "cannot use 'postgresql://a@b/c?colour=red' as a PostgreSQL URL: unknown parameter 'colour' (host, schema or sslmode)")
        XCTAssertEqual(message("postgresql://a@b/c?sslmode=maybe"),
                       "cannot use 'postgresql://a@b/c?sslmode=maybe' as a PostgreSQL URL: unknown sslmode 'maybe' (disable, prefer or require)")
        XCTAssertEqual(message("postgresql://a@b:0/c"), "cannot use 'postgresql://a@b:0/c' as a PostgreSQL URL: port 0 is out of range")
    }
}
