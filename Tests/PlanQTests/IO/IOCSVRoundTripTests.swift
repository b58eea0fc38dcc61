import XCTest
@testable import PlanQ

/// Text written by the CSV writer reads back unchanged, whatever quoting it needed.
final class IOCSVRoundTripTests: XCTestCase {
    func testRandomTextRoundTrips() throws {
        var rng = SystemRandomNumberGenerator()
        let alphabet: [String] = ["a", "b", ",", "\"", "\n", "\r\n", " ", "é", "😀", "|", "\t", "0"]
        var values: [[String]] = []
        for _ in 0..<300 {
            values.append((0..<3).map { _ in
                "s" + (0..<Int.random(in: 0...6, using: &rng)).map { _ in alphabet.randomElement(using: &rng) ?? "" }.joined()
            })
        }
        var text = "a,b,c\n"
        for row in values { text += row.map(ResultWriter.csvField).joined(separator: ",") + "\n" }
        let t = try csv(text)
        XCTAssertEqual(t.rowCount, values.count)
        XCTAssertEqual(t.rows, values.map { $0.map(Value.text) })
    }

    func testLineNumbersAfterManyEmbeddedNewlines() {
        let text = "a,b\n\"1\n2\n3\",x\n\"4\r\n5\",y\nz,\"bad\"q\n"
        XCTAssertEqual(renderedError { try csv(text, name: "n.csv") }, """
            n.csv:7:8: error: unexpected character after a closing quote
            z,"bad"q
                   ^
            help: a quote inside a quoted field is written twice ("")

            """)
    }
}
