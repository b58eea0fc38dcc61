import XCTest

/// Completion inside a window's `over ( ... )`.
extension CompleterTests {
    func testOverOffersPerAndSortByNotOrder() throws {
        XCTAssertEqual(try complete("indicators let r = rank() over (", ""), ["per", "sort by"])
        XCTAssertEqual(try complete("indicators let r = rank() over (", "o"), [])
        XCTAssertEqual(try complete("indicators let r = rank() over (", "s"), ["sort by"])
        XCTAssertEqual(try complete("indicators let r = rank() over (per ", "th"), ["theme"])
        XCTAssertEqual(try complete("indicators let r = rank() over (per theme ", "so"), ["sort by"])
    }
}
