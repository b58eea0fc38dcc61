import Foundation
import PlanQ
import PlanQPostgres
import XCTest

/// Every `query` and `error` case of the golden query files (Tests/Queries/*.test), run through
/// `--engine` on PostgreSQL: each case's data folder is loaded with `PostgresTableWriter` (as
/// `ingest --out` loads), the catalog read back, and the case run by an ``Engine`` whose statements
/// the SQL compiler sends to the server. A case either prints exactly its expected block (row order
/// too, through `planq_row`), or the compiler refuses it for PostgreSQL at bind time (counted), or
/// it is one of the known differences listed below with the reason; anything else fails.
final class PostgresGoldenTests: XCTestCase {
    static let queries = PostgresLoadTests.root.appendingPathComponent("Tests/Queries")
    static let fixtures = PostgresLoadTests.root.appendingPathComponent("Tests/Fixtures")

    struct Case {
        var file: String, line: Int, kind: String, rowsort: Bool, query: String, expected: [String], data: String, today: String
    }

    /// The golden files' `query`/`error` cases (the format of Tests/PlanQTests/Queries/GoldenFile.swift).
    static func cases() throws -> [Case] {
        var out: [Case] = []
        let files = try FileManager.default.contentsOfDirectory(atPath: queries.path).filter { $0.hasSuffix(".test") }.sorted()
        for file in files {
            let lines = try String(contentsOf: queries.appendingPathComponent(file), encoding: .utf8).components(separatedBy: "\n")
            var data = "plans", today = "2009-06-30", i = 0
            while i < lines.count {
                let line = lines[i].trimmingCharacters(in: .whitespaces)
                let words = line.split(separator: " ").map(String.init)
                if line.isEmpty || line.hasPrefix("#") { i += 1; continue }
                if words[0] == "data", words.count == 2 { data = words[1]; i += 1; continue }
                if words[0] == "today", words.count == 2 { today = words[1]; i += 1; continue }
                let header = i + 1
                i += 1
                var query: [String] = []
                while i < lines.count, lines[i] != "----" {
                    if lines[i].trimmingCharacters(in: .whitespaces).isEmpty && !query.isEmpty && i + 1 < lines.count && lines[i + 1] != "----" { break }
                    query.append(lines[i])
                    i += 1
                }
                i += 1
                var expected: [String] = []
                while i < lines.count, !lines[i].isEmpty { expected.append(lines[i]); i += 1 }
                if words[0] == "query" || words[0] == "error" {
                    out.append(Case(file: file, line: header, kind: words[0], rowsort: words.contains("rowsort"),
                                    query: query.joined(separator: "\n"), expected: expected, data: data, today: today))
                }
            }
        }
        return out
    }

    /// The case's output in its expected block's form (as GoldenFile.run renders it).
    static func run(_ c: Case, engine: Engine) -> [String] {
        engine.today = CivilDate.parse(c.today)?.days ?? 0
        let source = SourceText(name: "<query>", text: c.query)
        do {
            guard let last = try engine.run(source).last else { return ["(no statement)"] }
            if c.kind == "error" { return ["(no error)"] }
            let t = last.table
            var rows = (0..<t.rowCount).map { r in t.columns.indices.map { t.value(row: r, column: $0).description }.joined(separator: "\t") }
            if c.rowsort { rows.sort() }
            return [t.columns.map(\.name).joined(separator: "\t")] + rows
        } catch let d as Diagnostic {
            var out = DiagnosticRenderer(color: false).render(d.located(in: source)).components(separatedBy: "\n")
            while out.last == "" { out.removeLast() }
            return c.kind == "error" ? out : ["(unexpected error)"] + out
        } catch {
            return ["(unexpected error) \(error)"]
        }
    }

    func testGoldenCasesGiveTheLocalAnswersOnPostgreSQL() throws {
        let cases = try Self.cases()
        var engines: [String: Engine] = [:]
        var sessions: [PostgresSession] = []
        defer { sessions.forEach { $0.close() } }
        var passed = 0, refused: [String] = [], differ: [String] = []
        for c in cases {
            if engines[c.data] == nil {
                let session = try PostgresTestDatabase.session(schema: "planq_golden_\(c.data)")
                sessions.append(session)
                _ = try PostgresTableWriter.write(try DataDirectory.load(Self.fixtures.appendingPathComponent(c.data).path), to: session)
                let read = try PostgresCatalogReader.read(session)
                let engine = Engine(catalog: read.catalog)
                engine.remote = PostgresExecutor(session: session, catalog: read.catalog, rowOrdered: read.rowOrdered)
                engines[c.data] = engine
            }
            guard let engine = engines[c.data] else { continue }
            let got = Self.run(c, engine: engine)
            let place = "\(c.file):\(c.line)"
            if got == c.expected {
                passed += 1
            } else if got.contains(where: { $0.contains("not available on PostgreSQL") || $0.contains("on PostgreSQL;") }) {
                refused.append("\(place): \(got.first { $0.contains("error:") } ?? "")")
            } else {
                differ.append("\(place): \(c.query.replacingOccurrences(of: "\n", with: " "))\n    expected: \(c.expected.prefix(4).joined(separator: " | "))\n    got:      \(got.prefix(4).joined(separator: " | "))")
            }
        }
        print("postgres golden: \(passed) of \(cases.count) cases give the local answer; \(refused.count) refused for PostgreSQL at bind time; \(differ.count) differ")
        for r in refused { print("  refused \(r)") }
        for d in differ { print("  DIFFERS \(d)") }
        XCTAssertGreaterThan(cases.count, 400)
        XCTAssertEqual(differ, [], "cases whose PostgreSQL answer differs from planq's")
    }
}
