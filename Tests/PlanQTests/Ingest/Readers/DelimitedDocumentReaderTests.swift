import Foundation
import XCTest
@testable import PlanQ

/// CSV and TSV documents: one table with a header, read through IO's CSV records.
final class DelimitedDocumentReaderTests: XCTestCase {
    func testCSVQuotedFieldsRaggedRowsAndLines() throws {
        let csv = "\u{FEFF}Indicator,Lead Officer,Target\n\"NI 16, crime\",\"Jo \"\"JS\"\" Smith\",15\n\nNI 20,\"two\nlines\"\n"
        let doc = try DelimitedDocumentReader(separator: ",").read(Data(csv.utf8), name: "d")
        XCTAssertEqual(doc.lines, ["Indicator\tLead Officer\tTarget", "NI 16, crime\tJo \"JS\" Smith\t15", "NI 20\ttwo lines\t"])
        XCTAssertEqual(doc.origins.map(\.line), [1, 2, 4])
    }

    func testCSVSyntaxErrorHasItsPosition() {
        XCTAssertThrowsError(try DelimitedDocumentReader(separator: ",").read(Data("a,b\n1,\"x\n".utf8), name: "d.csv")) { e in
            XCTAssertTrue((e as? DecodeFailure)?.message.contains("d.csv:2:3: error: unterminated quoted field") == true, "\(e)")
        }
    }

    func testTSV() throws {
        let doc = try DelimitedDocumentReader(separator: "\t").read(Data("Action\tOwner\r\nFix roads\tAl\r\n".utf8), name: "t")
        XCTAssertEqual(doc.lines, ["Action\tOwner", "Fix roads\tAl"])
        XCTAssertEqual(doc.format, .tsv)
    }

    func testCSVIngestsAsATable() {
        let csv = "Indicator,Target 2008/09,Actual 2008/09,Status\nNI 16 Serious acquisitive crime rate,15,16.2,Red\n"
        let r = Ingester().ingest(files: [(name: "returns", fileName: "returns.csv", data: Data(csv.utf8))])
        let rows = r.table("indicators")?.rows ?? []
        XCTAssertEqual(rows.map { $0["code"] }, ["NI 16"])
        XCTAssertEqual(rows.first?["actual"], "16.2")
        XCTAssertEqual(rows.first?["status"], "red")
    }
}
