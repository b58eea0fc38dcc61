import Foundation
import XCTest
@testable import PlanQ

/// Issue 16: the execution context is built in one place; the CLI's flags,
/// the shell and reports all run with the same settings.
final class ExecutionSettingsTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Tests/Fixtures/plans").path

    func testFlagsBecomeSettingsAndEveryContextCarriesThem() {
        let s = ExecutionSettings.fromFlags(today: 14_000, threads: 3, maxRows: 5, maxMemory: "2M")
        XCTAssertEqual(s.today, 14_000)
        XCTAssertEqual(s.threads, 3)
        XCTAssertEqual(s.limits.maxRows, 5)
        XCTAssertEqual(s.limits.maxMemory, 2 << 20)
        let engine = Engine(catalog: Catalog(), settings: s)
        let ctx = engine.makeContext()
        XCTAssertEqual(ctx.today, 14_000)
        XCTAssertEqual(ctx.threads, 3)
        XCTAssertEqual(ctx.limits, s.limits)
        // Defaults: all cores, the default row limit, no memory limit.
        let d = ExecutionSettings.fromFlags(today: nil, threads: nil, maxRows: nil, maxMemory: nil)
        XCTAssertEqual(d.threads, ExecutionSettings.allCores)
        XCTAssertEqual(d.limits, ExecutionLimits())
    }

    func testAContextGivenToRunIsTheOneUsedAndItsLimitsHold() throws {
        let engine = Engine(catalog: try DataDirectory.load(Self.fixtures), settings: ExecutionSettings.fromFlags(
            today: nil, threads: 1, maxRows: 3, maxMemory: nil))
        // What the shell does: make the context once (to cancel it) and pass it in.
        let ctx = engine.makeContext()
        XCTAssertThrowsError(try engine.run(SourceText(name: "<input>", text: "indicators join outcomes on plan, outcome_no"), context: ctx)) { e in
            XCTAssertTrue("\(e)".contains("the join output exceeds the row limit of 3 rows"), "\(e)")
        }
        XCTAssertNoThrow(try engine.run(SourceText(name: "<input>", text: "indicators"), context: ctx))
    }

    func testReportsRunWithTheCallersSettings() throws {
        let text = """
        title: Limits

        section: Joined
        query:
            indicators join outcomes on plan, outcome_no
        """
        let def = try ReportParser.parse(SourceText(name: "limits.pqr", text: text))
        let runner = ReportRunner(definition: def, catalog: try DataDirectory.load(Self.fixtures), dataSource: "test")
        XCTAssertNoThrow(try runner.run([], settings: ExecutionSettings(today: 0, threads: 2)))
        XCTAssertThrowsError(try runner.run([], settings: ExecutionSettings.fromFlags(today: nil, threads: 2, maxRows: 3, maxMemory: nil))) { e in
            XCTAssertTrue("\(e)".contains("exceeds the row limit of 3 rows"), "\(e)")
        }
    }
}
