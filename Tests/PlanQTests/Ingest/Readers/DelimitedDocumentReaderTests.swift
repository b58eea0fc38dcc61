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

    func testOpenDataHeadersAreSpeltAsWords() throws {
        XCTAssertEqual(DelimitedDocumentReader.spelled("target_2009_10"), "target 2009/10")
        XCTAssertEqual(DelimitedDocumentReader.spelled("outturn_09_10"), "outturn 09/10")
        XCTAssertEqual(DelimitedDocumentReader.spelled("lead_officer"), "lead officer")
        XCTAssertEqual(DelimitedDocumentReader.spelled("Lead Officer"), "Lead Officer")
        XCTAssertEqual(DelimitedDocumentReader.spelled("NI_2009_100"), "NI 2009 100")
        // The header only: a value with underscores in a record is kept as it is.
        let csv = "ni_code,indicator_name,target_2009_10,outturn_2009_10,rag_status,lead_officer\nNI 192,Household waste recycled,33,34.1,Green,Bea_Cole\n"
        let r = Ingester().ingest(files: [(name: "open", fileName: "open.csv", data: Data(csv.utf8))])
        let row = try XCTUnwrap(r.table("indicators")?.rows.first)
        XCTAssertEqual(row["code"], "NI 192")
        XCTAssertEqual(row["title"], "Household waste recycled")
        XCTAssertEqual(row["target"], "33")
        XCTAssertEqual(row["actual"], "34.1")
        XCTAssertEqual(row["status"], "green")
        XCTAssertEqual(row["owner_raw"] ?? row["owner"], "Bea_Cole")
    }

    func testGroupRowsAndACodeColumnBesideTheReference() throws {
        // `PI ref | NI | Description | …` with a directorate row across the table: the directorate
        // is no record, the NI column gives the code, the local reference stays the ref.
        let tsv = "PI ref\tNI\tDescription\tTarget 09/10\tQ2 actual\tResponsible officer\n"
            + "Children and Families\t\t\t\t\t\n"
            + "CSF 01\tNI 73\tAchievement at level 4 in English and Maths\t76\t74.5\tDiane Whit\n"
            + "Libraries\t\t\t\t\t\n"
            + "ACS 03\t\tLibrary visits per 1,000 population\t5000\t4910\tLibraries Service\n"
        let r = Ingester().ingest(files: [(name: "ret", fileName: "ret.tsv", data: Data(tsv.utf8))])
        let rows = r.table("indicators")?.rows ?? []
        XCTAssertEqual(rows.map { $0["code"] ?? "" }, ["NI 73", ""])
        XCTAssertEqual(rows.map { $0["ref"] ?? "" }, ["CSF01", "ACS03"])
        XCTAssertEqual(rows.map { $0["actual"] ?? "" }, ["74.5", "4910"])
    }
}
