import Foundation
import XCTest
@testable import PlanQ

/// schema.json is IO's DatasetSchema, written by the ingest and read back by `--data`.
final class IngestSchemaTests: XCTestCase {
    func testSchemaJSONDecodesAsTheDatasetSchemaItWasMadeFrom() throws {
        let result = Ingester().ingest([(name: "x", data: Data("Risk\tLikelihood\tImpact\nFlood\tLikely\tHigh\n".utf8))])
        let data = try result.schemaJSONData()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("planq-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("schema.json").path
        try data.write(to: URL(fileURLWithPath: path))
        let schema = try DatasetSchema.load(path)
        XCTAssertEqual(schema.enums["rag"], ["red", "amber", "green"])
        XCTAssertEqual(schema.null, [""])
        XCTAssertEqual(Set(schema.tables.keys), Set(result.tables.map(\.name)))
        let risks = try XCTUnwrap(schema.tables["risks"])
        XCTAssertEqual(risks.columns["status"]?.type, "enum")
        XCTAssertEqual(risks.columns["status"]?.enumName, "rag")
        XCTAssertEqual(risks.columns["line"]?.type, "int")
        XCTAssertEqual(risks.joinKeys["outcomes"], ["plan", "outcome_no"])
        XCTAssertEqual(schema.tables["plans"]?.joinKeys, [:])
        // Written twice, the same bytes (sorted keys).
        XCTAssertEqual(try result.schemaJSONData(), data)
    }

    func testReferenceAndOverridesReadThroughIOsCSVRecords() {
        let refs = NationalIndicator.parse(csv: "code,number,title,polarity\nNI 1,1,\"Title, with comma\",higher\n\nNI 2,2,Other,\n")
        XCTAssertEqual(refs.map(\.code), ["NI 1", "NI 2"])
        XCTAssertEqual(refs.first?.title, "Title, with comma")
        XCTAssertThrowsError(try NationalIndicator.parseChecked(csv: "code,title\nNI 1,\"open\n", name: "ref.csv")) { e in
            XCTAssertTrue("\(e)".contains("ref.csv:2:6: error: unterminated quoted field"), "\(e)")
        }
        let o = Override.parse(csv: "id,column,value,reason\n\nind-1,status,red,\"checked, by hand\"\n")
        XCTAssertEqual(o.overrides.first?.line, 3)
        XCTAssertEqual(o.overrides.first?.reason, "checked, by hand")
        XCTAssertEqual(Override.parse(csv: "id,column,value\n\"x").problems.count, 1)
    }
}
