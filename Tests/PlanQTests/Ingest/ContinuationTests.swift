import XCTest
@testable import PlanQ

/// A record's name running on over a page break into a row of its own.
final class ContinuationTests: XCTestCase {
    func testLowerCaseRowContinuesTheRecordAbove() throws {
        let r = try IngestTestSupport.ingest("continuation.txt")
        let rows = try XCTUnwrap(r.table("indicators")?.rows)
        XCTAssertEqual(rows.map { $0["line"] ?? "" }, ["8", "14"])
        XCTAssertEqual(rows[0]["title"], "Mortality rates from heart disease, stroke and related diseases in people under 75")
        XCTAssertNil(rows[0]["baseline"], "'Data currently unavailable' is no value")
        XCTAssertNil(rows[0]["target"], "'61% for 2009/10 No target for 08/09' is not the 2008/09 target")
        XCTAssertEqual(rows[0]["target_raw"], "61% for 2009/10 No target for 08/09")
        XCTAssertEqual(rows[0]["end_target"], "70", "filled from the continuation row")
        XCTAssertEqual(rows[0]["owner"], "Ann Lee", "owner line with no space after the dash")
        XCTAssertEqual(rows[1]["title"], "Owner-occupiers in poor housing")
        XCTAssertEqual(rows[1]["owner"], "Ann Lee")
    }
}
