import XCTest
@testable import PlanQ

/// A risk register laid out unlike the seeds: impact and likelihood in columns of their own.
final class RiskRegisterLayoutTests: XCTestCase {
    func testSeparateImpactAndLikelihoodColumns() throws {
        let r = try IngestTestSupport.ingest("risk_register.txt")
        let rows = try XCTUnwrap(r.table("risks")?.rows)
        XCTAssertEqual(rows.map { [$0["ref"], $0["risk"], $0["status"], $0["impact"], $0["likelihood"], $0["owner"]].map { $0 ?? "-" } }, [
            ["R1", "Loss of key staff in planning", "red", "high", "likely", "Sue Park"],
            ["R2", "Flooding of the depot", "amber", "high", "unlikely", "Dev Rai"],
            ["R3", "IT system failure", "green", "medium", "possible", "Dev Rai"],
        ])
        XCTAssertEqual(r.table("plans")?.rows.first?["council"], "Ashby District Council")
        XCTAssertTrue(r.table("indicators")?.rows.isEmpty ?? false, "a register is not an indicator table")
    }
}
