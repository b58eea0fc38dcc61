import Foundation
import XCTest
@testable import PlanQ

/// The fictional Brackenford council's four quarterly monitoring returns
/// (`datasets/examples/brackenford/returns/`): the ingested folder beside them is current, it
/// stays out of the default `datasets/` load, and it answers history and direction questions.
final class BrackenfordExampleTests: XCTestCase {
    static let dir = IngestTestSupport.root.appendingPathComponent("datasets/examples/brackenford")

    func ingest() throws -> IngestResult {
        let returns = Self.dir.appendingPathComponent("returns")
        let files = try FileManager.default.contentsOfDirectory(atPath: returns.path).filter { $0.hasSuffix(".txt") }.sorted()
        XCTAssertEqual(files.count, 4)
        let docs = try files.map { f in
            (URL(fileURLWithPath: f).deletingPathExtension().lastPathComponent, try Data(contentsOf: returns.appendingPathComponent(f)))
        }
        return Ingester(reference: IngestTestSupport.reference).ingest(docs)
    }

    func testFolderIsWhatScriptsIngestMakes() throws {
        let result = try ingest()
        for t in result.tables {
            let onDisk = try String(contentsOf: Self.dir.appendingPathComponent(t.name + ".csv"), encoding: .utf8)
            XCTAssertTrue(onDisk == t.csv(), "datasets/examples/brackenford/\(t.name).csv is stale: run scripts/ingest")
        }
        XCTAssertTrue(result.report.contains("model: 60 observations; 28 statuses in the history (0 about earlier years, unattached); "
            + "20 indicators under 5 indicator keys, 0 with a contradiction between plans, 20 with a direction of travel; "
            + "8 printed owner cells naming 2 people or bodies"), result.report.joined(separator: "\n"))
        // The default load is the real plans only.
        let real = try DataDirectory.load(IngestTestSupport.root.appendingPathComponent("datasets").path)
        let councils = try XCTUnwrap(real.table("plans")).rows.map { $0[2].description }
        XCTAssertFalse(councils.contains("Brackenford Borough Council"))
    }

    func run(_ q: String) throws -> [[String]] {
        let catalog = try DataDirectory.load(Self.dir.path)
        let t = try XCTUnwrap(try Engine(catalog: catalog, today: nil).run(SourceText(name: "<q>", text: q)).last).table
        return t.rows.map { $0.map(\.description) }
    }

    func testHistoryAndDirectionOfTravel() throws {
        // What is red now (the Q4 return), and what was red last quarter.
        XCTAssertEqual(try run("indicators where status = red and status_period = \"2009/10 Q3\" select code, ref sort by code, ref"),
                       [["NI 195", "null"], ["null", "BBC12"]])
        XCTAssertEqual(try run("indicators where status_period = \"2009/10 Q4\" and status = red"), [])
        // Red in an earlier return but not in the latest one is not red now.
        XCTAssertEqual(try run("indicators where status = red and latest"), [])
        XCTAssertEqual(try run("indicators where status = red and not latest aggregate count()").first, ["7"])
        // NI 16 is counted from April: each quarter's year-to-date figure is compared with the same
        // quarter last year (lower is better), not with the quarter before.
        XCTAssertEqual(try run("indicators where code = \"NI 16\" select direction_from, direction_to, direction sort by direction_to"),
                       [["2008/09 Q1", "2009/10 Q1", "improving"], ["2008/09 Q2", "2009/10 Q2", "worse"],
                        ["2008/09 Q3", "2009/10 Q3", "improving"], ["2008/09 Q4", "2009/10 Q4", "improving"]])
        // NI 195 (litter, lower is better) is a quarterly snapshot: each quarter against the one before.
        XCTAssertEqual(try run("indicators where code = \"NI 195\" select direction_from, direction_to, direction sort by direction_to"),
                       [["2008/09", "2009/10 Q1", "improving"], ["2009/10 Q1", "2009/10 Q2", "worse"],
                        ["2009/10 Q2", "2009/10 Q3", "improving"], ["2009/10 Q3", "2009/10 Q4", "improving"]])
        // One key per indicator across the four returns, and one history row per return.
        XCTAssertEqual(try run("status_history where indicator_key = \"brackenford:NI 195\" select period, status, source sort by period"),
                       [["2009/10 Q1", "amber", "reported"], ["2009/10 Q2", "red", "reported"],
                        ["2009/10 Q3", "red", "reported"], ["2009/10 Q4", "green", "reported"]])
        // A milestone reported in four returns has one key and one history; only the latest return's status is current.
        XCTAssertEqual(try run("status_history where record_kind = \"action\" and action_key starts with \"brackenford:open-the-eastfield\" select period, status sort by period"),
                       [["2009/10 Q1", "amber"], ["2009/10 Q2", "red"], ["2009/10 Q3", "amber"], ["2009/10 Q4", "green"]])
        XCTAssertEqual(try run("actions where latest sort by action select action, status_period, status"),
                       [["Adopt the homelessness strategy", "2009/10 Q4", "green"], ["Open the Eastfield community hub", "2009/10 Q4", "green"]])
        // The owner printed four ways is one person.
        XCTAssertEqual(try run("indicators where ref = \"BBC07\" select owner, owner_raw sort by owner_raw"),
                       [["Priya Nandi", "P. Nandi"], ["Priya Nandi", "Priya Nan di"], ["Priya Nandi", "Priya Nandi"],
                        ["Priya Nandi", "Priya Nandi (Community Safety)"]])
    }
}
