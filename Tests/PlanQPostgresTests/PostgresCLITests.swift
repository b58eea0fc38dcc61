import Foundation
import PlanQ
import XCTest

/// The planq binary with PostgreSQL: `planq ingest DOC --out postgresql://...` loads a paper,
/// then `planq --engine postgresql://... -c QUERY` prints what `planq --data` prints, in every
/// format, with the same errors and exit statuses.
final class PostgresCLITests: XCTestCase {
    static let root = PostgresLoadTests.root
    static var paper: String { root.appendingPathComponent("Tests/Fixtures/ingest/quarterly_report.txt").path }
    static var reference: String { root.appendingPathComponent("Tests/Fixtures/ingest/reference.csv").path }

    struct Run { var status: Int32; var out: String; var err: String }

    /// The `planq` executable next to the test bundle.
    var binary: URL {
        var dir = Bundle.main.bundleURL
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent("planq")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir.deleteLastPathComponent()
        }
        return Bundle.main.bundleURL.appendingPathComponent("planq")
    }

    func planq(_ args: [String]) throws -> Run {
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        final class Box: @unchecked Sendable { var data = Data() }
        let e = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            e.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let o = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, out: String(decoding: o, as: UTF8.self), err: String(decoding: e.data, as: UTF8.self))
    }

    /// Ingests the fixture paper both into a folder and into `schema`; returns (folder, URL).
    func ingestBoth(schema: String) throws -> (String, String) {
        let session = try PostgresTestDatabase.session(schema: schema)
        session.close()
        let url = try PostgresTestDatabase.schemaURL(schema)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("planq-pg-\(getpid())-\(UUID().uuidString)").path
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        var args = [Self.paper]
        if FileManager.default.fileExists(atPath: Self.reference) { args += ["--reference", Self.reference] }
        let local = try planq(["ingest"] + args + ["--out", dir])
        XCTAssertEqual(local.status, 0, local.err)
        let remote = try planq(["ingest"] + args + ["--out", url, "--report"])
        XCTAssertEqual(remote.status, 0, remote.err)
        XCTAssertTrue(remote.out.contains("wrote 14 tables"), remote.out)
        return (dir, url)
    }

    func testBindErrorsAreTheLocalOnesWithTheCatalogFromTheDatabase() throws {
        let (dir, url) = try ingestBoth(schema: "planq_test_cli_errors")
        for q in ["indicators where statu = red", "indicators where status = rde", "indicatorz", "indicators where actual > \"x\""] {
            let local = try planq(["--data", dir, "-c", q])
            let remote = try planq(["--engine", url, "-c", q])
            XCTAssertEqual(local.status, 1, q)
            XCTAssertEqual(remote.status, 1, q)
            XCTAssertEqual(remote.err, local.err, q)
            XCTAssertEqual(remote.out, "", q)
        }
    }

    func testEngineAndDataTogetherIsAUsageError() throws {
        let r = try planq(["--engine", "postgresql://a@b/c", "--data", "x", "-c", "risks"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.err.hasPrefix("planq: error: use either --data or --engine, not both\n"), r.err)
        let bad = try planq(["--engine", "postgresql://a@b/c?colour=red", "-c", "risks"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.err.hasPrefix("planq: error: cannot use 'postgresql://a@b/c?colour=red' as a PostgreSQL URL: unknown parameter 'colour'"), bad.err)
    }

    func testUnreachableServerIsAClearErrorAndExitOne() throws {
        let r = try planq(["--engine", "postgresql://nobody@localhost:1/none?host=/nonexistent-planq-socket-dir", "-c", "risks"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.hasPrefix("error: cannot connect to postgresql://nobody@localhost:1/none?host=/nonexistent-planq-socket-dir: "), r.err)
        let ingest = try planq(["ingest", Self.paper, "--out", "postgresql://nobody@localhost:1/none?host=/nonexistent-planq-socket-dir"])
        XCTAssertEqual(ingest.status, 1)
        XCTAssertTrue(ingest.err.contains("planq ingest: nothing written to postgresql://nobody@localhost:1/none?host=/nonexistent-planq-socket-dir: cannot connect"), ingest.err)
    }
}
