import Foundation
import PlanQ
import PlanQPostgres
import XCTest

/// The database the PostgreSQL tests use: `PLANQ_PG_URL`, which `scripts/pg-private run CMD`
/// sets for a private server it starts (and removes) around CMD. Without it the tests skip,
/// saying how to run them.
enum PostgresTestDatabase {
    static var url: String? { ProcessInfo.processInfo.environment["PLANQ_PG_URL"] }

    /// A connected session on a schema of its own (created empty), or an XCTSkip.
    static func session(schema: String) throws -> PostgresSession {
        guard let url else {
            throw XCTSkip("no PostgreSQL server: PLANQ_PG_URL is not set (run `scripts/pg-private run swift test`)")
        }
        let admin = try PostgresSession.connect(try PostgresURL(url))
        try admin.execute("DROP SCHEMA IF EXISTS \"\(schema)\" CASCADE", what: "dropping the test schema")
        try admin.execute("CREATE SCHEMA \"\(schema)\"", what: "creating the test schema")
        admin.close()
        return try PostgresSession.connect(try PostgresURL(schemaURL(schema)))
    }

    /// `PLANQ_PG_URL` with `schema=NAME` added.
    static func schemaURL(_ schema: String) throws -> String {
        guard let url else { throw XCTSkip("no PostgreSQL server: PLANQ_PG_URL is not set") }
        return url + (url.contains("?") ? "&" : "?") + "schema=\(schema)"
    }
}
