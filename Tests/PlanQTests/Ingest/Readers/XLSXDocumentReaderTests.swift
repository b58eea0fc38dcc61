import Foundation
import XCTest
@testable import PlanQ

/// The xlsx reader on the committed workbook fixtures (made by make_html_xlsx_fixtures.py), its
/// number formats and cell references, and the zip-bomb guards.
final class XLSXDocumentReaderTests: XCTestCase {
    static let formats = IngestTestSupport.root.appendingPathComponent("Tests/Fixtures/formats")

    func read(_ path: String) throws -> Document {
        try XLSXDocumentReader().read(Data(contentsOf: Self.formats.appendingPathComponent(path)), name: "wb")
    }

    func testReturnsWorkbookSheetsMergesAndTypedValues() throws {
        let doc = try read("workbooks/brookfield_returns.xlsx")
        XCTAssertEqual(doc.lines[0], "Cover")
        XCTAssertEqual(doc.lines[3], "Return for quarter ending\t2008-12-31")
        let sheet = doc.lines.firstIndex(of: "Q3 returns")
        XCTAssertNotNil(sheet)
        guard let s = sheet else { return }
        XCTAssertEqual(doc.lines[s + 1], "Quarter 3 return 2008/09 - LAA designated indicators")
        XCTAssertEqual(doc.lines[s + 2], "Indicator\t2007/08 Baseline\t2008/09 Target\t2008/09 Actual\t2008/09 Status\tLead Officer\tData date")
        XCTAssertEqual(doc.lines[s + 3], "NI 8 Adult participation in sport and active recreation\t20.6%\t22.0%\t21.4%\tAmber\tRuth Ellis\t2008-12-31")
        XCTAssertEqual(doc.origins[s + 3].description, "Q3 returns!A5")
        XCTAssertTrue(doc.lines.contains("Open a second young people's drug treatment clinic\tIan Frost\t2009-03-31\tCompleted"))
    }

    func testDateAndPercentFormats() {
        XCTAssertEqual(XLSXNumberFormat.date(serial: 39813, date1904: false), "2008-12-31")
        XCTAssertEqual(XLSXNumberFormat.date(serial: 1, date1904: false), "1900-01-01")
        XCTAssertEqual(XLSXNumberFormat.date(serial: 60, date1904: false), "1900-02-29")
        XCTAssertEqual(XLSXNumberFormat.date(serial: 61, date1904: false), "1900-03-01")
        XCTAssertEqual(XLSXNumberFormat.date(serial: 0, date1904: true), "1904-01-01")
        XCTAssertNil(XLSXNumberFormat.date(serial: -1, date1904: false))
        XCTAssertEqual(XLSXNumberFormat.kind(code: "dd/mm/yyyy"), .date)
        XCTAssertEqual(XLSXNumberFormat.kind(code: "0.0%"), .percent(decimals: 1))
        XCTAssertEqual(XLSXNumberFormat.kind(code: "#,##0;[Red]-#,##0"), .number)
        XCTAssertEqual(XLSXNumberFormat.kind(code: "\"days\" 0"), .number)
        XCTAssertEqual(XLSXNumberFormat.kind(id: 9, code: nil), .percent(decimals: 0))
        XCTAssertEqual(XLSXNumberFormat.percent(decimals: 0).text(0.452, date1904: false), "45%")
        XCTAssertEqual(XLSXNumberFormat.number.text(16.2, date1904: false), "16.2")
        XCTAssertEqual(XLSXNumberFormat.number.text(1290, date1904: false), "1290")
    }

    func testCellReferences() {
        XCTAssertEqual(XLSXCellRef("B14"), XLSXCellRef(column: 2, row: 14))
        XCTAssertEqual(XLSXCellRef("$AB$3")?.name, "AB3")
        XCTAssertEqual(XLSXCellRef("XFD1048576")?.column, 16_384)
        XCTAssertNil(XLSXCellRef("XFE1"))
        XCTAssertNil(XLSXCellRef("A0"))
        XCTAssertNil(XLSXCellRef("AAAA1"))
        XCTAssertNil(XLSXCellRef("1A"))
    }

    func testBadWorkbooksAreRefusedWithAReason() {
        let cases = [
            ("bad/not_a_zip.xlsx", "not a zip archive"),
            ("bad/no_workbook.xlsx", "no xl/workbook.xml"),
            ("bad/zip_bomb.xlsx", "over the 200 to 1 limit"),
            ("bad/zip_bomb_lying.xlsx", "inflates past its declared 2000 bytes"),
            // Found by the xlsx fuzz target: a directory offset past the end trapped inside
            // ZIPFoundation's in-memory archive.
            ("fuzz/memoryfile_seek_past_end.xlsx", "not an xlsx workbook"),
        ]
        for (file, words) in cases {
            XCTAssertThrowsError(try read(file), file) { e in
                let m = (e as? DecodeFailure)?.message ?? "\(e)"
                XCTAssertTrue(m.contains(words), "\(file): \(m)")
            }
        }
    }
}
