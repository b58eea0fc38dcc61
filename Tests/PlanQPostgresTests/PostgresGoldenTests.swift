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

    /// Cases whose answer under --engine is known to differ, with the reason.
    static let knownDifferences: [String: String] = {
        var k: [String: String] = [:]
        for line in [234, 242, 254] {
            k["numbers.test:\(line)"] = "NaN: PostgreSQL orders NaN above every number and equal to itself"
        }
        k["numbers.test:63"] = "PostgreSQL filters first (where false), so the overflow planq raises computing the select never happens"
        // Under --engine the engine binds each statement over the catalog's empty tables to learn the
        // result's shape, so a text pivot gets no value columns there while the SQL has them (not yet fixed).
        for place in ["pivot.test:13", "pivot.test:77", "pivot_expr.test:6", "pivot_expr.test:15", "pivot_expr.test:27",
                      "pivot_expr.test:36", "pivot_expr.test:50", "pivot_expr.test:59", "pivot_expr.test:70",
                      "pivot_expr.test:78", "pivot_expr.test:100", "pivot_expr.test:109"] {
            k[place] = "text pivot: the shape is bound over empty tables (no value columns)"
        }
        return k
    }()

    func testGoldenCasesGiveTheLocalAnswersOnPostgreSQL() throws {
        let cases = try Self.cases()
        var engines: [String: Engine] = [:]
        var sessions: [PostgresSession] = []
        defer { sessions.forEach { $0.close() } }
        var passed = 0, refused: [String] = [], differ: [String] = [], known: [String] = []
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
            } else if c.expected.first?.contains("integer overflow") == true, got.first?.contains("PostgreSQL: bigint out of range") == true {
                // The overflow is an error on the server too; only the message is the server's.
                known.append("\(place): overflow reported as PostgreSQL's 'bigint out of range'")
            } else if let reason = Self.knownDifferences[place] {
                known.append("\(place): \(reason)")
            } else if got.contains(where: { $0.contains("not available on PostgreSQL") || $0.contains("on PostgreSQL;") }) {
                refused.append("\(place): \(got.first { $0.contains("error:") } ?? "")")
            } else {
                differ.append("\(place): \(c.query.replacingOccurrences(of: "\n", with: " "))\n    expected: \(c.expected.prefix(4).joined(separator: " | "))\n    got:      \(got.prefix(4).joined(separator: " | "))")
            }
        }
        print("postgres golden: \(passed) of \(cases.count) cases give the local answer; \(refused.count) refused for PostgreSQL at bind time; \(known.count) known differences; \(differ.count) differ")
        for k in known { print("  known \(k)") }
        for r in refused { print("  refused \(r)") }
        for d in differ { print("  DIFFERS \(d)") }
        XCTAssertGreaterThan(cases.count, 400)
        XCTAssertEqual(differ, [], "cases whose PostgreSQL answer differs from planq's")
    }
}
