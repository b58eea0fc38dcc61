import XCTest
@testable import PlanQ

final class IODataDirectoryTests: XCTestCase {
    static let schema = """
        {
          "enums": { "rag": ["red", "amber", "green"] },
          "null": ["", "N/A"],
          "tables": {
            "indicators": {
              "columns": {
                "status": {"type": "enum", "enum": "rag"},
                "target": {"type": "double"},
                "due": {"type": "date"},
                "kind": {"type": "enum", "values": ["baseline", "target", "actual"]},
                "code": {"type": "text"}
              },
              "null": ["TBC"],
              "join_keys": {"outcomes": ["plan", "outcome_no"]}
            },
            "outcomes": { "columns": { "rating": {"type": "enum", "enum": "rag"} } }
          }
        }
        """

    func testLoadsFolderWithSchema() throws {
        let f = IOFixture()
        f.write("schema.json", Self.schema)
        f.write("indicators.csv", """
            plan,outcome_no,status,target,due,kind,code
            P1,1,Red,5,2024-03-31,Baseline,007
            P1,2,green,TBC,N/A,actual,12
            """)
        f.write("outcomes.jsonl", "{\"plan\": \"P1\", \"outcome_no\": 1, \"rating\": \"amber\"}\n")
        f.write("notes.txt", "ignored")
        let catalog = try DataDirectory.load(f.dir)
        XCTAssertEqual(catalog.tableNames, ["indicators", "outcomes"])
        let t = try XCTUnwrap(catalog.table("indicators"))
        XCTAssertEqual(t.source, f.dir + "/indicators.csv")
        XCTAssertEqual(t.rows[0], [.text("P1"), .int(1), .text("red"), .double(5), .date(CivilDate(year: 2024, month: 3, day: 31).days),
                                   .text("baseline"), .text("007")])
        XCTAssertEqual(t.rows[1][3], .null)
        XCTAssertEqual(t.rows[1][4], .null)
        XCTAssertEqual(catalog.joinKeys["indicators"]?["outcomes"], ["plan", "outcome_no"])
        // One shared EnumType object per named enum.
        let a = try XCTUnwrap(t.column("status")?.type.enumType)
        let b = try XCTUnwrap(catalog.table("outcomes")?.column("rating")?.type.enumType)
        XCTAssertTrue(a === b)
    }

    func testSchemaUnknownKeyAndType() {
        let f = IOFixture()
        f.write("t.csv", "a\n1\n")
        f.write("schema.json", "{\"tables\": {\"t\": {\"colums\": {}}}}")
        XCTAssertEqual(renderedError { try DataDirectory.load(f.dir) },
                       "\(f.dir)/schema.json: error: tables.t.colums: unknown key 'colums'; did you mean 'columns'?\n")
        f.write("schema.json", "{\"tables\": {\"t\": {\"columns\": {\"a\": {\"type\": \"integer\"}}}}}")
        XCTAssertEqual(renderedError { try DataDirectory.load(f.dir) }, """
            \(f.dir)/schema.json: error: tables.t.columns.a: unknown type 'integer'
            note: types are: int, double, bool, date, text, enum

            """)
    }

    func testSchemaSyntaxErrorHasPosition() {
        let f = IOFixture()
        f.write("schema.json", "{\n  \"tables\": {,}\n}")
        XCTAssertEqual(renderedError { try DataDirectory.load(f.dir) }, """
            \(f.dir)/schema.json:2:14: error: expected a key string, found ','
              "tables": {,}
                         ^

            """)
    }

    func testSchemaColumnAbsentFromFile() {
        let f = IOFixture()
        f.write("t.csv", "amount\n1\n")
        f.write("schema.json", "{\"tables\": {\"t\": {\"columns\": {\"b\": {\"type\": \"int\"}}}}}")
        XCTAssertEqual(renderedError { try DataDirectory.load(f.dir) }, """
            \(f.dir)/t.csv: error: schema.json declares column 'b' for table 't', but the file has no such column
            note: the file's columns are: amount

            """)
    }

    func testMissingFolder() {
        XCTAssertEqual(renderedError { try DataDirectory.load("/nonexistent/planq") },
                       "error: data folder '/nonexistent/planq' does not exist or is not a folder\n")
    }

    func testLoadFileWithName() throws {
        let f = IOFixture()
        let path = f.write("x.jsonl", "{\"a\": 1}\n")
        let t = try DataDirectory.loadFile(path, name: "renamed")
        XCTAssertEqual(t.name, "renamed")
        XCTAssertEqual(t.rows, [[.int(1)]])
    }
}
