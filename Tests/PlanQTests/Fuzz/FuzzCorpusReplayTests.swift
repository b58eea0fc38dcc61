import Foundation
import XCTest
@testable import PlanQ

/// Replays the committed fuzz corpora (`Fuzz/corpus/<target>/`) through the same
/// entry points as the libFuzzer targets, in the ordinary test run. Without the
/// fuzzer's instrumentation this checks every input that ever found new coverage
/// on each commit, and `scripts/sanitize` replays them under ASan too. Any
/// outcome but a table or a ``Diagnostic`` (a trap ends the test process) fails.
final class FuzzCorpusReplayTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    func corpus(_ target: String) throws -> [(String, [UInt8])] {
        let dir = Self.root.appendingPathComponent("Fuzz/corpus/\(target)")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        return try names.map { ($0, Array(try Data(contentsOf: dir.appendingPathComponent($0)))) }
    }

    /// The fuzz targets' catalog: the bundled plans plus the `numbers` fixture.
    func catalog() throws -> Catalog {
        let c = try DataDirectory.load(Self.root.appendingPathComponent("datasets").path)
        for (_, t) in try DataDirectory.load(Self.root.appendingPathComponent("Tests/Fixtures/numbers").path).tables {
            c.add(t)
        }
        return c
    }

    func testQueryCorpus() throws {
        // The query corpus holds the parse corpus's inputs that execute in new ways (merged).
        let inputs = try corpus("query")
        XCTAssertGreaterThan(inputs.count, 100)
        let engine = Engine(catalog: try catalog(), today: CivilDate(year: 2009, month: 6, day: 30).days)
        engine.limits = ExecutionLimits(maxRows: 100_000, regexMilliseconds: 200)
        var ran = 0, failed = 0
        for (name, bytes) in inputs {
            let source = SourceText(name: name, text: String(decoding: bytes, as: UTF8.self))
            do {
                // Rendering dominates a debug build's time: every format for small
                // results, CSV for big ones (as the fuzz target does above 64 rows).
                _ = try engine.run(source) { r in
                    for f in r.table.rowCount <= 20 ? ResultFormat.allCases : [.csv] {
                        _ = ResultWriter.render(r.table, format: f)
                    }
                }
                ran += 1
            } catch let d as Diagnostic {
                _ = d.description
                XCTAssertFalse(d.message.hasPrefix("internal error"), "\(name): \(d.message)")
                failed += 1
            }
        }
        // The corpus is seeded with valid queries: a good share must still run.
        XCTAssertGreaterThan(ran, 50, "ran \(ran), failed \(failed)")
    }

    func testLoaderCorpora() throws {
        let schemas = [TableSchema(), TableSchema(columnTypes: ["a": .int, "b": .double, "c": .date, "d": .bool,
                                                               "e": .enumeration(.rag), "f": .text],
                                                  nullTokens: ["NA", "N/A"])]
        for (target, reader) in [("csv", { (s: TableSchema) -> TableFileReader in CSVReader(schema: s) }),
                                 ("jsonl", { (s: TableSchema) -> TableFileReader in JSONLinesReader(schema: s) })] {
            var loaded = 0
            for (name, bytes) in try corpus(target) {
                for schema in schemas {
                    do {
                        let t = try reader(schema).read(bytes: bytes, name: name, tableName: "t")
                        for c in t.columns { XCTAssertEqual(c.count, t.rowCount, "\(target)/\(name) column \(c.name)") }
                        _ = ResultWriter.render(t, format: .table)
                        loaded += 1
                    } catch let d as Diagnostic {
                        _ = d.description
                    }
                }
            }
            XCTAssertGreaterThan(loaded, 5, target)
        }
    }
}
