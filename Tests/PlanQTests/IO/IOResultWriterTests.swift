import XCTest
@testable import PlanQ

final class IOResultWriterTests: XCTestCase {
    /// id int, name text (unicode, quotes, commas, newline, pipe, null), score double (NaN, null), d date, ok bool.
    func sample() throws -> Table {
        let schema = TableSchema(columnTypes: ["d": .date, "ok": .bool])
        return try csv(#"""
            id,name,score,d,ok
            1,"Zoë, ""Z""",3.5,2024-01-02,true
            22,"two
            lines|x",NaN,,false
            ,,,,
            """#, schema: schema)
    }

    func testTable() throws {
        XCTAssertEqual(ResultWriter.render(try sample(), format: .table), """
             id   | name         | score | d          | ok
            ------+--------------+-------+------------+-------
                1 | Zoë, "Z"     |   3.5 | 2024-01-02 | true
               22 | two\\nlines|x |   NaN | null       | false
             null | null         |  null | null       | null
            3 rows

            """)
    }

    func testEmptyAndSingularFooters() throws {
        let empty = try csv("a,b\n")
        XCTAssertEqual(ResultWriter.render(empty, format: .table), " a | b\n---+---\n0 rows\n")
        let one = try csv("a\n1\n")
        XCTAssertTrue(ResultWriter.render(one, format: .table).hasSuffix("\n1 row\n"))
        XCTAssertEqual(ResultWriter.rowCountFooter(1234), "1,234 rows")
        XCTAssertEqual(ResultWriter.rowCountFooter(1_000_000), "1,000,000 rows")
        XCTAssertEqual(ResultWriter.rowCountFooter(999), "999 rows")
    }

    func testLongCellsAreTruncatedInTableOnly() throws {
        let long = String(repeating: "x", count: 70)
        let t = try csv("s\n\(long)\n")
        let lines = ResultWriter.render(t, format: .table).split(separator: "\n")
        XCTAssertEqual(lines[2], " " + String(repeating: "x", count: 59) + "…")
        XCTAssertEqual(ResultWriter.render(t, format: .csv), "s\n\(long)\n")
    }

    func testCSV() throws {
        XCTAssertEqual(ResultWriter.render(try sample(), format: .csv), #"""
            id,name,score,d,ok
            1,"Zoë, ""Z""",3.5,2024-01-02,true
            22,"two
            lines|x",NaN,,false
            ,,,,

            """#)
    }

    func testTSV() throws {
        XCTAssertEqual(ResultWriter.render(try sample(), format: .tsv), """
            id\tname\tscore\td\tok
            1\tZoë, "Z"\t3.5\t2024-01-02\ttrue
            22\ttwo\\nlines|x\tNaN\t\tfalse
            \t\t\t\t

            """)
    }

    func testJSONAndJSONL() throws {
        let rows = [
            #"{"id":1,"name":"Zoë, \"Z\"","score":3.5,"d":"2024-01-02","ok":true}"#,
            #"{"id":22,"name":"two\nlines|x","score":null,"d":null,"ok":false}"#,
            #"{"id":null,"name":null,"score":null,"d":null,"ok":null}"#,
        ]
        XCTAssertEqual(ResultWriter.render(try sample(), format: .json), "[\n" + rows.joined(separator: ",\n") + "\n]\n")
        XCTAssertEqual(ResultWriter.render(try sample(), format: .jsonl), rows.map { $0 + "\n" }.joined())
        XCTAssertEqual(ResultWriter.render(try csv("a\n"), format: .json), "[]\n")
    }

    func testMarkdown() throws {
        XCTAssertEqual(ResultWriter.render(try sample(), format: .markdown), """
            | id | name | score | d | ok |
            | ---: | --- | ---: | --- | --- |
            | 1 | Zoë, "Z" | 3.5 | 2024-01-02 | true |
            | 22 | two<br>lines\\|x | NaN | null | false |
            | null | null | null | null | null |

            """)
    }

    func testMaxWidthNarrowsWidestColumn() throws {
        let t = try csv("a,b\n\(String(repeating: "y", count: 40)),1\n")
        let out = ResultWriter.render(t, format: .table, maxWidth: 30)
        for line in out.split(separator: "\n") { XCTAssertLessThanOrEqual(line.count, 30) }
        XCTAssertTrue(out.contains("…"))
    }

    func testAllFormatsEndWithNewline() throws {
        for f in ResultFormat.allCases {
            XCTAssertTrue(ResultWriter.render(try sample(), format: f).hasSuffix("\n"), f.rawValue)
        }
    }
}
