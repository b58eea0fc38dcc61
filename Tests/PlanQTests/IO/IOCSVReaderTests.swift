import XCTest
@testable import PlanQ

final class IOCSVReaderTests: XCTestCase {
    func testQuotingEdgeCases() throws {
        let t = try csv("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"\",plain\n\"multi\nline\",z\n")
        XCTAssertEqual(t.rows, [[.text("x, y"), .text("say \"hi\"")],
                                [.text(""), .text("plain")],
                                [.text("multi\nline"), .text("z")]])
    }

    func testCRLFAndBOMAndNoTrailingNewline() throws {
        let t = try csv("\u{FEFF}id,name\r\n1,ann\r\n2,\"bo\r\nb\"\r\n3,cy")
        XCTAssertEqual(t.columns.map(\.name), ["id", "name"])
        XCTAssertEqual(t.columns[0].type, .int)
        XCTAssertEqual(t.rows, [[.int(1), .text("ann")], [.int(2), .text("bo\r\nb")], [.int(3), .text("cy")]])
    }

    func testInferenceOfEachType() throws {
        let t = try csv("i,d,dt,b,s,n\n1,1.5,2024-02-29,true,x,\n-7,1e5,2023-12-31,FALSE,y,\n,NaN,,,,\n,-inf,,,,\n")
        XCTAssertEqual(t.columns.map(\.type), [.int, .double, .date, .bool, .text, .text])
        XCTAssertEqual(t.value(row: 1, column: 0), .int(-7))
        XCTAssertEqual(t.value(row: 1, column: 1), .double(100_000))
        XCTAssertTrue(t.value(row: 2, column: 1).description == "NaN")
        XCTAssertEqual(t.value(row: 3, column: 1), .double(-.infinity))
        XCTAssertEqual(t.value(row: 0, column: 2).description, "2024-02-29")
        XCTAssertEqual(t.value(row: 1, column: 3), .bool(false))
        XCTAssertEqual(t.value(row: 2, column: 0), .null)
        XCTAssertEqual(t.columns[5].stats.nullCount, 4)
    }

    func testNotARealDateIsText() throws {
        let t = try csv("d\n2023-02-29\n")
        XCTAssertEqual(t.columns[0].type, .text)
    }

    func testIntOverflowIsDouble() throws {
        let t = try csv("x\n1\n99999999999999999999\n")
        XCTAssertEqual(t.columns[0].type, .double)
        XCTAssertEqual(t.value(row: 1, column: 0), .double(1e20))
    }

    func testLateFallbacks() throws {
        var text = "a,b,c\n"
        for i in 0..<5000 { text += "\(i),00\(i),2024-01-01\n" }
        text += "2.5,x,notadate\n"
        let t = try csv(text)
        XCTAssertEqual(t.columns.map(\.type), [.double, .text, .text])
        XCTAssertEqual(t.value(row: 3, column: 0), .double(3))
        XCTAssertEqual(t.value(row: 5000, column: 0), .double(2.5))
        // Text keeps the original spelling of values read before the fallback.
        XCTAssertEqual(t.value(row: 7, column: 1), .text("007"))
        XCTAssertEqual(t.value(row: 5000, column: 2), .text("notadate"))
        XCTAssertNil(t.columns[1].vector.validity)
    }

    func testNullsAndTokens() throws {
        let schema = TableSchema(nullTokens: ["NA", "TBC"])
        let t = try csv("a,b\n1,NA\nTBC,\"NA\"\n3,x\n", schema: schema)
        XCTAssertEqual(t.columns[0].type, .int)
        XCTAssertEqual(t.rows, [[.int(1), .null], [.null, .null], [.int(3), .text("x")]])
        XCTAssertEqual(t.columns[0].stats.nullCount, 1)
    }

    func testQuotedEmptyIsEmptyTextAndNullElsewhere() throws {
        let t = try csv("a,b\n\"\",\"\"\nx,1\n")
        XCTAssertEqual(t.rows, [[.text(""), .null], [.text("x"), .int(1)]])
    }

    func testAllNullColumnIsText() throws {
        let t = try csv("a,b\n1,\n2,\n")
        XCTAssertEqual(t.columns[1].type, .text)
        XCTAssertEqual(t.columns[1].stats.nullCount, 2)
    }

    func testHeaderOnly() throws {
        let t = try csv("a,b\n")
        XCTAssertEqual(t.rowCount, 0)
        XCTAssertEqual(t.columns.count, 2)
    }

    func testDeclaredTypesAndEnums() throws {
        let schema = TableSchema(columnTypes: ["status": .enumeration(.rag), "target": .double, "code": .text])
        let t = try csv("status,target,code\nRed,1,007\ngreen,,12\n", schema: schema)
        XCTAssertEqual(t.columns.map(\.type), [.enumeration(.rag), .double, .text])
        XCTAssertEqual(t.rows, [[.text("red"), .double(1), .text("007")], [.text("green"), .null, .text("12")]])
    }

    func testDeclaredTypeMismatch() {
        let schema = TableSchema(columnTypes: ["target": .int])
        XCTAssertEqual(renderedError { try csv("name,target\nx,1\ny,abc\n", schema: schema, name: "ind.csv") }, """
            ind.csv:3:3: error: "abc" is not a valid int for column 'target'
            y,abc
              ^~~

            """)
    }

    func testBadEnumValueSuggests() {
        let schema = TableSchema(columnTypes: ["status": .enumeration(.rag)])
        XCTAssertEqual(renderedError { try csv("id,status\n1,red\n2,\"gren\"\n", schema: schema, name: "s.csv") }, """
            s.csv:3:3: error: 'gren' is not a value of enum 'rag' for column 'status'
            2,"gren"
              ^~~~~~
            note: allowed values: red, amber, green
            help: did you mean 'green'?

            """)
    }

    func testRaggedRowTooMany() {
        XCTAssertEqual(renderedError { try csv("a,b\n1,2\n3,4,5,6\n", name: "r.csv") }, """
            r.csv:3:5: error: row has 4 fields but the header has 2 columns
            3,4,5,6
                ^
            help: a comma inside a value needs the value to be quoted

            """)
    }

    func testRaggedRowTooFewAfterEmbeddedNewline() {
        XCTAssertEqual(renderedError { try csv("a,b,c\n\"x\ny\",1,2\n3,4\n", name: "r.csv") }, """
            r.csv:4:4: error: row has 2 fields but the header has 3 columns
            3,4
               ^
            note: missing: 'c'

            """)
    }

    func testUnterminatedQuote() {
        XCTAssertEqual(renderedError { try csv("a,b\n1,\"open\n2,3\n", name: "q.csv") }, """
            q.csv:2:3: error: unterminated quoted field
            1,"open
              ^
            help: close the field with a matching '"'

            """)
    }

    func testQuoteInsideUnquotedField() {
        XCTAssertEqual(renderedError { try csv("a\nab\"c\n", name: "q.csv") }, """
            q.csv:2:3: error: quote inside an unquoted field
            ab"c
              ^
            help: quote the whole field and double the quote: "...""..."

            """)
    }

    func testEmptyFileAndBadHeaders() {
        XCTAssertEqual(renderedError { try csv("", name: "e.csv") },
                       "e.csv: error: the file is empty; a CSV file needs a header row\n")
        XCTAssertEqual(renderedError { try csv("a,,c\n", name: "h.csv") }, """
            h.csv:1:3: error: column 2 of the header has an empty name
            a,,c
              ^

            """)
        XCTAssertEqual(renderedError { try csv("id,Name,name\n", name: "h.csv") }, """
            h.csv:1:9: error: duplicate column name 'name' in the header
            id,Name,name
                    ^~~~
            note: column 2 is also named 'Name'

            """)
    }

    func testSchemaColumnMissingFromFile() {
        let schema = TableSchema(columnTypes: ["statsu": .text])
        XCTAssertEqual(renderedError { try csv("id,status\n", schema: schema, name: "m.csv") }, """
            m.csv: error: schema.json declares column 'statsu' for table 't', but the file has no such column
            note: the file's columns are: id, status
            help: did you mean 'status'?

            """)
    }

    func testReadsFromDisk() throws {
        let f = IOFixture()
        let path = f.write("plans.csv", "id,v\n1,2.5\n")
        let t = try CSVReader().read(path: path)
        XCTAssertEqual(t.name, "plans")
        XCTAssertEqual(t.source, path)
        XCTAssertEqual(t.rows, [[.int(1), .double(2.5)]])
    }
}
