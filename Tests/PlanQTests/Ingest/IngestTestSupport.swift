import Foundation
import XCTest
@testable import PlanQ

/// Paths and shared ingests for the ingest tests.
enum IngestTestSupport {
    /// The repository root.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    /// `../shared` beside the repository (seeds and the reference list).
    static let shared = root.deletingLastPathComponent().appendingPathComponent("shared")

    /// The National Indicator reference list, or an empty list when it is not beside the repository.
    static let reference: [NationalIndicator] = {
        let url = shared.appendingPathComponent("reference/national-indicators.csv")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return NationalIndicator.parse(csv: text)
    }()

    /// The fixture document `name` (in Tests/Fixtures/ingest) as (base name, bytes).
    static func fixture(_ name: String) throws -> (name: String, data: Data) {
        let url = root.appendingPathComponent("Tests/Fixtures/ingest/\(name)")
        return (url.deletingPathExtension().lastPathComponent, try Data(contentsOf: url))
    }

    /// Ingests fixture documents with the reference list.
    static func ingest(_ names: String..., overrides: [Override] = [], tolerance: Double = 0.05) throws -> IngestResult {
        let docs = try names.map(fixture)
        return Ingester(reference: reference, rule: StatusRule(tolerance: tolerance), overrides: overrides).ingest(docs)
    }

    /// The seed documents (`../shared/seeds/*.txt`), sorted by name.
    static func seeds() throws -> [(name: String, data: Data)] {
        let dir = shared.appendingPathComponent("seeds")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".txt") }.sorted()
        return try files.map { f in
            (URL(fileURLWithPath: f).deletingPathExtension().lastPathComponent, try Data(contentsOf: dir.appendingPathComponent(f)))
        }
    }

    /// The ingest of all seeds, computed once per test run (it is the slowest step).
    static let seedResult: Result<IngestResult, Error> = Result {
        let docs = try seeds()
        guard docs.count >= 5 else { throw NSError(domain: "seeds", code: 1, userInfo: [NSLocalizedDescriptionKey: "expected the five seed documents in \(shared.path)/seeds"]) }
        // The same corrections scripts/ingest applies, when the repository has any.
        var overrides: [Override] = []
        if let text = try? String(contentsOf: root.appendingPathComponent("ingest-overrides.csv"), encoding: .utf8) {
            overrides = Override.parse(csv: text).overrides
        }
        return Ingester(reference: reference, overrides: overrides).ingest(docs)
    }

    /// Rows of `table` in `result` whose `column` equals `value`.
    static func rows(_ result: IngestResult, _ table: String, where column: String, is value: String) -> [[String: String]] {
        (result.table(table)?.rows ?? []).filter { $0[column] == value }
    }
}
