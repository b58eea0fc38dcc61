import Foundation
import XCTest
@testable import PlanQ

/// The five seeds rendered to HTML and xlsx (Tests/Fixtures/formats/seeds, made by
/// make_html_xlsx_fixtures.py) ingest to the same records as their text: the readers hand the
/// recognisers the same structure whatever the format.
///
/// Records are matched by table and id (ids are built from the document, plan, table and the
/// record's key words such as code and title, never from line numbers); fields are every column but
/// `line`. A record counts as the same when all its fields are equal.
final class FormatEquivalenceTests: XCTestCase {
    static let seedsDir = IngestTestSupport.root.appendingPathComponent("Tests/Fixtures/formats/seeds")

    /// (records in the text ingest, records found with the same id, of those the same in every
    /// field; fields compared, fields equal).
    struct Score: CustomStringConvertible {
        var records = 0, found = 0, same = 0, fields = 0, equalFields = 0
        var recordShare: Double { records == 0 ? 1 : Double(same) / Double(records) }
        var fieldShare: Double { fields == 0 ? 1 : Double(equalFields) / Double(fields) }
        var description: String {
            String(format: "records %d/%d same (%.1f%%, %d found by id); fields %d/%d (%.1f%%)",
                   same, records, 100 * recordShare, found, equalFields, fields, 100 * fieldShare)
        }
    }

    /// Compares every record table of `got` with `want`; fields of records not found count as unequal.
    static func compare(_ want: IngestResult, _ got: IngestResult) -> Score {
        var s = Score()
        for table in want.tables where table.name != "national_indicators" {
            // Where a record sits (line, page, sheet, cell) differs between formats by design.
            let columns = table.columnNames.filter { !["line", "page", "sheet", "cell"].contains($0) }
            var other: [String: [String: String]] = [:]
            for r in got.table(table.name)?.rows ?? [] { other[r["id"] ?? ""] = r }
            for r in table.rows {
                s.records += 1
                s.fields += columns.count
                guard let o = other[r["id"] ?? ""] else { continue }
                s.found += 1
                let equal = columns.filter { (r[$0] ?? "") == (o[$0] ?? "") }.count
                s.equalFields += equal
                if equal == columns.count { s.same += 1 }
            }
        }
        return s
    }

    /// The ingest of each seed's text alone (no overrides), computed once for both formats.
    static let textIngests: Result<[(name: String, result: IngestResult)], Error> = Result {
        let ingester = Ingester(reference: IngestTestSupport.reference)
        return try IngestTestSupport.seeds().map { ($0.name, ingester.ingest([$0])) }
    }

    func check(_ ext: String) throws {
        let seeds = try IngestTestSupport.seeds()
        guard seeds.count >= 5 else { throw XCTSkip("the seeds are not beside the repository") }
        let texts = try Self.textIngests.get()
        let ingester = Ingester(reference: IngestTestSupport.reference)
        var total = Score()
        for (seed, (_, text)) in zip(seeds, texts) {
            let url = Self.seedsDir.appendingPathComponent(seed.name + "." + ext)
            let rendered = try Data(contentsOf: url)
            let other = ingester.ingest([(name: seed.name, data: rendered)])
            XCTAssertTrue(other.failures.isEmpty, "\(seed.name).\(ext): \(other.failures)")
            let s = Self.compare(text, other)
            print("format equivalence \(ext) \(seed.name): \(s)")
            XCTAssertGreaterThan(s.records, 0)
            total.records += s.records; total.found += s.found; total.same += s.same
            total.fields += s.fields; total.equalFields += s.equalFields
        }
        print("format equivalence \(ext) all seeds: \(total)")
        XCTAssertGreaterThanOrEqual(total.recordShare, 0.95, "\(ext): \(total)")
        XCTAssertGreaterThanOrEqual(total.fieldShare, 0.95, "\(ext): \(total)")
    }

    func testHTMLRenderingsIngestLikeTheText() throws { try check("html") }

    func testXLSXRenderingsIngestLikeTheText() throws { try check("xlsx") }
}
