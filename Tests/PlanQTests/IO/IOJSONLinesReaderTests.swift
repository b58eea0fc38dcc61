import XCTest
@testable import PlanQ

final class IOJSONLinesReaderTests: XCTestCase {
    func testInferenceAndKeyUnion() throws {
        let t = try jsonl("""
            {"id": 1, "x": 1.5, "when": "2024-01-31", "ok": true, "name": "a\\u00e9\\n"}

            {"id": 2, "x": 2, "extra": [1, {"k": "v"}], "ok": false}
            {"id": 3, "when": null, "name": "c", "x": -1e3}
            """)
        XCTAssertEqual(t.columns.map(\.name), ["id", "x", "when", "ok", "name", "extra"])
        XCTAssertEqual(t.columns.map(\.type), [.int, .double, .date, .bool, .text, .text])
        XCTAssertEqual(t.rowCount, 3)
        XCTAssertEqual(t.value(row: 0, column: 4), .text("aé\n"))
        XCTAssertEqual(t.value(row: 1, column: 1), .double(2))
        XCTAssertEqual(t.value(row: 2, column: 1), .double(-1000))
        XCTAssertEqual(t.value(row: 1, column: 5), .text("[1, {\"k\": \"v\"}]"))
        XCTAssertEqual(t.value(row: 0, column: 5), .null)
        XCTAssertEqual(t.value(row: 1, column: 2), .null)
        XCTAssertEqual(t.value(row: 0, column: 2).description, "2024-01-31")
    }

    func testMixedValuesBecomeText() throws {
        let t = try jsonl("{\"v\": 1}\n{\"v\": \"x\"}\n{\"v\": 2.50}\n{\"v\": true}\n")
        XCTAssertEqual(t.columns[0].type, .text)
        XCTAssertEqual(t.rows.map { $0[0] }, [.text("1"), .text("x"), .text("2.50"), .text("true")])
    }

    func testBigIntegerIsDouble() throws {
        let t = try jsonl("{\"v\": 1}\n{\"v\": 12345678901234567890}\n")
        XCTAssertEqual(t.columns[0].type, .double)
    }

    func testDeclaredTypesAndNullTokens() throws {
        let schema = TableSchema(columnTypes: ["status": .enumeration(.rag), "due": .date, "n": .int],
                                 nullTokens: ["TBC"])
        let t = try jsonl("{\"status\": \"AMBER\", \"due\": \"TBC\", \"n\": \"5\"}\n", schema: schema)
        XCTAssertEqual(t.rows, [[.text("amber"), .null, .int(5)]])
    }

    func testInvalidJSONPointsAtTheCharacter() {
        XCTAssertEqual(renderedError { try jsonl("{\"a\": 1}\n{\"a\": 2,, }\n", name: "d.jsonl") }, """
            d.jsonl:2:9: error: expected a key string, found ','
            {"a": 2,, }
                    ^

            """)
    }

    func testLineThatIsNotAnObject() {
        XCTAssertEqual(renderedError { try jsonl("{\"a\": 1}\n  [1, 2]\n", name: "d.jsonl") }, """
            d.jsonl:2:3: error: expected a JSON object on this line, found '['
              [1, 2]
              ^

            """)
    }

    func testDeclaredTypeConflict() {
        let schema = TableSchema(columnTypes: ["target": .int, "status": .enumeration(.rag)])
        XCTAssertEqual(renderedError { try jsonl("{\"target\": \"abc\"}\n", schema: schema, name: "d.jsonl") }, """
            d.jsonl:1:12: error: "abc" is not a valid int for column 'target'
            {"target": "abc"}
                       ^~~~~

            """)
        XCTAssertEqual(renderedError { try jsonl("{\"status\": \"amberr\"}\n", schema: schema, name: "d.jsonl") }, """
            d.jsonl:1:12: error: 'amberr' is not a value of enum 'rag' for column 'status'
            {"status": "amberr"}
                       ^~~~~~~~
            note: allowed values: red, amber, green
            help: did you mean 'amber'?

            """)
    }

    func testUnterminatedStringAndTrailingText() {
        XCTAssertEqual(renderedError { try jsonl("{\"a\": \"x}\n", name: "d.jsonl") }, """
            d.jsonl:1:7: error: unterminated string
            {"a": "x}
                  ^

            """)
        XCTAssertEqual(renderedError { try jsonl("{\"a\": 1} x\n", name: "d.jsonl") }, """
            d.jsonl:1:10: error: unexpected text after the object
            {"a": 1} x
                     ^

            """)
    }
}
