import Foundation
import PlanQ
@testable import PlanQPostgres
import XCTest

/// Loading tables into PostgreSQL (`ingest --out postgresql://`) and reading the catalog back
/// (`--engine`): types, enum orders, join keys, distinct values; a second load replaces the first
/// atomically; a failing load leaves the previous one; a table planq did not load is never dropped.
final class PostgresLoadTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = root.appendingPathComponent("Tests/Fixtures/plans").path

    func testRoundTripKeepsTypesEnumsAndJoinKeys() throws {
        let session = try PostgresTestDatabase.session(schema: "planq_test_roundtrip")
        defer { session.close() }
        let local = try DataDirectory.load(Self.fixtures)
        let summary = try PostgresTableWriter.write(local, to: session)
        XCTAssertEqual(summary.tables.map(\.name), ["actions", "indicators", "outcomes", "risks"])
        let read = try PostgresCatalogReader.read(session)
        XCTAssertTrue(read.rowOrdered)
        XCTAssertEqual(read.skipped, [])
        let remote = read.catalog
        XCTAssertEqual(remote.tableNames, local.tableNames)
        for name in local.tableNames {
            let l = try XCTUnwrap(local.table(name)), r = try XCTUnwrap(remote.table(name))
            XCTAssertEqual(r.columns.map(\.name), l.columns.map(\.name), name)
            XCTAssertEqual(r.columns.map(\.type), l.columns.map(\.type), name)
            XCTAssertEqual(r.rowCount, 0)
        }
        let status = try XCTUnwrap(remote.table("indicators")?.column("status"))
        XCTAssertEqual(status.type.enumType?.values, ["red", "amber", "green"])
        XCTAssertEqual(status.type.enumType?.name, "rag")
        XCTAssertEqual(remote.joinKeys["indicators"]?["outcomes"], ["plan", "outcome_no"])
        // A text column's dictionary holds its distinct values, as a loaded column's does.
        guard case .text(_, let themes) = try XCTUnwrap(remote.table("risks")?.column("theme")).vector.data else {
            return XCTFail("theme is not text")
        }
        guard case .text(_, let localThemes) = try XCTUnwrap(local.table("risks")?.column("theme")).vector.data else {
            return XCTFail("theme is not text")
        }
        XCTAssertEqual(Set(themes.strings), Set(localThemes.strings))
        // The rows themselves, in planq's order, through planq_row.
        let rows = try session.query("SELECT id, status, impact FROM risks ORDER BY planq_row", what: "test")
        let localRisks = try XCTUnwrap(local.table("risks"))
        XCTAssertEqual(rows.count, localRisks.rowCount)
        let first = try rows[0].decode((String?, String?, Int64?).self)
        XCTAssertEqual(first.0, localRisks.value(row: 0, column: try XCTUnwrap(localRisks.columnIndex("id"))).description)
    }

    func testSecondLoadReplacesTheFirstAndFailedLoadLeavesIt() throws {
        let session = try PostgresTestDatabase.session(schema: "planq_test_replace")
        defer { session.close() }
        let d = StringDictionary()
        let first = Catalog()
        first.add(Table(name: "old_only", columns: [Column(name: "x", vector: Vector(.int([1, 2])))]))
        first.add(Table(name: "shared", columns: [Column(name: "s", vector: Vector(.text([d.intern("one")], d)))]))
        _ = try PostgresTableWriter.write(first, to: session)
        let second = Catalog()
        second.add(Table(name: "shared", columns: [Column(name: "n", vector: Vector(.int([7, 8, 9])))]))
        _ = try PostgresTableWriter.write(second, to: session)
        XCTAssertEqual(try PostgresCatalogReader.read(session).catalog.tableNames, ["shared"])
        XCTAssertEqual(try session.query("SELECT sum(n)::int8 FROM shared", what: "test").first?.decode(Int64.self), 24)
        // A load that fails part-way (a NUL in text) changes nothing, not even the tables it wrote first.
        let bad = Catalog()
        let nul = StringDictionary()
        bad.add(Table(name: "a_first", columns: [Column(name: "x", vector: Vector(.int([1])))]))
        bad.add(Table(name: "shared", columns: [Column(name: "s", vector: Vector(.text([nul.intern("x\0y")], nul)))]))
        XCTAssertThrowsError(try PostgresTableWriter.write(bad, to: session))
        XCTAssertEqual(try PostgresCatalogReader.read(session).catalog.tableNames, ["shared"])
        XCTAssertEqual(try session.query("SELECT count(*)::int8 FROM shared", what: "test").first?.decode(Int64.self), 3)
        let leftovers = try session.query("SELECT count(*)::int8 FROM information_schema.schemata WHERE schema_name LIKE 'planq_load_%'", what: "test")
        XCTAssertEqual(try leftovers.first?.decode(Int64.self), 0)
    }

    func testATableThatPlanqDidNotLoadIsNeverDropped() throws {
        let session = try PostgresTestDatabase.session(schema: "planq_test_foreign")
        defer { session.close() }
        try session.execute("CREATE TABLE risks (note text)", what: "test")
        try session.execute("INSERT INTO risks VALUES ('keep me')", what: "test")
        let c = Catalog()
        c.add(Table(name: "risks", columns: [Column(name: "x", vector: Vector(.int([1])))]))
        XCTAssertThrowsError(try PostgresTableWriter.write(c, to: session)) { error in
            XCTAssertEqual((error as? Diagnostic)?.message,
                           "schema planq_test_foreign already has a table 'risks' that planq did not load; nothing was written")
        }
        XCTAssertEqual(try session.query("SELECT note FROM risks", what: "test").first?.decode(String.self), "keep me")
    }

    func testForeignTablesAreReadWithTheirTypesAndUnsupportedColumnsSkipped() throws {
        let session = try PostgresTestDatabase.session(schema: "planq_test_types")
        defer { session.close() }
        try session.execute("""
            CREATE TABLE kpis (code varchar(10), value numeric(10,2), n int4, small int2, ok boolean,
                               due date, at timestamptz, extra jsonb)
            """, what: "test")
        let read = try PostgresCatalogReader.read(session)
        XCTAssertFalse(read.rowOrdered)
        XCTAssertEqual(read.skipped, ["kpis.at (timestamptz)", "kpis.extra (jsonb)"])
        let t = try XCTUnwrap(read.catalog.table("kpis"))
        XCTAssertEqual(t.columns.map(\.name), ["code", "value", "n", "small", "ok", "due"])
        XCTAssertEqual(t.columns.map(\.type), [.text, .double, .int, .int, .bool, .date])
    }
}
