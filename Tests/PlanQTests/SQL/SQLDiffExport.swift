import Foundation
import XCTest
@testable import PlanQ

/// Writes the cases of the SQL differential run (`scripts/sql-diff`) to a folder:
/// every golden query case and a seeded batch of generated queries, each with planq's
/// own result and the SQL it compiles to for PostgreSQL, DuckDB and Spark, plus the
/// tables they read. The driver loads the tables into each engine, runs the SQL and
/// compares. Runs only when `PLANQ_SQL_EXPORT` names the folder.
final class SQLDiffExport: XCTestCase {
    static let rowOrder = "planq_row"

    func testExportDifferentialCases() throws {
        let env = ProcessInfo.processInfo.environment
        guard let out = env["PLANQ_SQL_EXPORT"] else {
            throw XCTSkip("PLANQ_SQL_EXPORT is not set (scripts/sql-diff sets it)")
        }
        let seed = env["PLANQ_SQL_DIFF_SEED"].flatMap { UInt64($0) } ?? 20_261_203
        let count = env["PLANQ_SQL_DIFF_COUNT"].flatMap { Int($0) } ?? 1_000
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        var writer = SQLDiffWriter(folder: out)
        let golden = try exportGolden(&writer)
        let generated = try exportGenerated(&writer, seed: seed, count: count)
        try writer.finish()
        print("sql-diff export: \(golden) golden cases, \(generated) generated queries (seed \(seed)) in \(out)")
        XCTAssertGreaterThan(golden, 100)
        XCTAssertEqual(generated, count)
    }

    /// Every case of every golden query file.
    func exportGolden(_ writer: inout SQLDiffWriter) throws -> Int {
        let dir = GoldenQueryTests.root.appendingPathComponent("Queries")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".test") }.sorted()
        var catalogs: [String: Catalog] = [:]
        var n = 0
        for f in files {
            let text = try String(contentsOfFile: dir.appendingPathComponent(f).path, encoding: .utf8)
            for c in try GoldenFile.parse(text, file: f) where c.kind == .query || c.kind == .empty || c.kind == .error {
                if catalogs[c.data] == nil {
                    let catalog = try DataDirectory.load(GoldenQueryTests.root.appendingPathComponent("Fixtures/\(c.data)").path)
                    catalogs[c.data] = catalog
                    try writer.dataset(c.data, catalog)
                }
                guard let catalog = catalogs[c.data] else { continue }
                let today = CivilDate.parse(c.today)?.days ?? 0
                try writer.query(id: "Tests/Queries/\(f):\(c.line)", dataset: c.data, text: c.query, catalog: catalog, today: today)
                n += 1
            }
        }
        return n
    }

    func exportGenerated(_ writer: inout SQLDiffWriter, seed: UInt64, count: Int) throws -> Int {
        var done = 0
        var round: UInt64 = 0
        while done < count {
            let roundSeed = seed &+ round &* 0x9E37
            var tables = DiffTableGenerator(random: SeededRandom(seed: roundSeed))
            let t = tables.table(name: "t", prefix: "a")
            let u = tables.table(name: "u", prefix: "b", keyType: t.columns[0].type)
            let catalog = Catalog()
            catalog.add(t.planqTable())
            catalog.add(u.planqTable())
            let name = "gen\(round)"
            try writer.dataset(name, catalog)
            var gen = DiffQueryGenerator(random: tables.random)
            // Semi/anti joins, in (query), union and self-joins too (the generator's default share).
            for i in 0..<min(DiffBatch.queriesPerRound, count - done) {
                let q = gen.query(t, joinWith: u)
                try writer.query(id: "generated:\(roundSeed):\(i)", dataset: name, text: q.planq, catalog: catalog,
                                 today: CivilDate(year: 2009, month: 6, day: 30).days)
            }
            done += min(DiffBatch.queriesPerRound, count - done)
            round += 1
        }
        return done
    }
}
