import Foundation
import XCTest
@testable import PlanQ

/// The PDF reader: table reconstruction from word boxes, the committed PDF fixtures (papers in
/// other councils' styles, the printed seeds, bad inputs).
final class PDFReaderTests: XCTestCase {
    static let dir = IngestTestSupport.root.appendingPathComponent("Tests/Fixtures/formats/pdf")

    func requirePoppler() throws {
        if PDFTextExtractor.locate("pdftotext") == nil { throw XCTSkip("pdftotext (poppler-utils) is not installed; scripts/test installs it") }
    }

    /// A word at column x on baseline row y (10 pt type, 12 pt boxes).
    func w(_ text: String, _ x: Double, _ y: Double) -> PDFWord {
        PDFWord(text: text, x0: x, y0: y, x1: x + Double(text.count) * 5.5, y1: y + 12)
    }

    func testWordBoxesGiveRowsWithWrappedCellsJoined() {
        // Indicator | Target | Lead ; the first title wraps onto a second line; rows 6 pt apart.
        var words: [PDFWord] = [w("Outcome", 40, 20), w("2:", 81.5, 20), w("Safer", 95, 20), w("streets", 125.5, 20)]
        words += [w("Indicator", 40, 50), w("Target", 260, 50), w("Lead", 340, 50), w("Officer", 366, 50)]
        words += [w("NI", 40, 68), w("16", 55, 68), w("Serious", 70, 68), w("acquisitive", 112, 68), w("crime", 176, 68),
                  w("16.5", 260, 68), w("Ann", 340, 68), w("Lee", 362, 68)]
        words += [w("rate", 40, 80), w("per", 66, 80), w("1,000", 87, 80)]
        words += [w("NI", 40, 98), w("20", 55, 98), w("Assault", 70, 98), w("6.8", 260, 98), w("Tom", 340, 98), w("Ray", 362, 98)]
        let doc = PDFLayout.document([PDFPage(number: 3, width: 600, height: 800, words: words)], name: "t")
        XCTAssertEqual(doc.lines, ["Outcome 2: Safer streets", "Indicator\tTarget\tLead Officer",
                                   "NI 16 Serious acquisitive crime rate per 1,000\t16.5\tAnn Lee", "NI 20 Assault\t6.8\tTom Ray"])
        XCTAssertEqual(doc.origin(ofLine: 3), SourceOrigin(page: 3, line: 3))
        XCTAssertEqual(doc.origin(ofLine: 4), SourceOrigin(page: 3, line: 5))
    }

    func testSpanningPeriodMergesTwoHeaderLines() {
        // Header lines 6 pt apart, as rows are; the first title wraps (0 pt), so gaps have two sizes.
        var words: [PDFWord] = [w("Indicator", 40, 50), w("2009/10", 229, 50), w("Lead", 380, 50)]
        words += [w("Target", 180, 68), w("Actual", 250, 68), w("Status", 310, 68)]
        words += [w("NI", 40, 86), w("151", 55, 86), w("72%", 180, 86), w("71%", 250, 86), w("Amber", 310, 86), w("Jo", 380, 86)]
        words += [w("Employment", 40, 98)]
        words += [w("NI", 40, 116), w("152", 55, 116), w("14%", 180, 116), w("15%", 250, 116), w("Red", 310, 116), w("Al", 380, 116)]
        let doc = PDFLayout.document([PDFPage(number: 1, width: 600, height: 800, words: words)], name: "t")
        XCTAssertEqual(doc.lines.first, "Indicator\t2009/10 Target\t2009/10 Actual\t2009/10 Status\tLead")
        XCTAssertEqual(doc.lines.dropFirst().first, "NI 151 Employment\t72%\t71%\tAmber\tJo")
    }

    func testStackedTablesWithOnlyAMarginBetweenThemKeepTheirOwnColumns() {
        // An indicator table, then 22 pt below (rows are 6 pt apart) an action table whose Owner
        // column starts where the first table's titles run: read as one table, its columns merge.
        var words: [PDFWord] = [w("Indicator", 40, 50), w("Target", 260, 50), w("Lead", 340, 50)]
        words += [w("NI", 40, 68), w("16", 55, 68), w("Serious", 70, 68), w("acquisitive", 112, 68), w("crime", 176, 68),
                  w("16.5", 260, 68), w("Ann", 340, 68), w("Lee", 362, 68)]
        words += [w("NI", 40, 86), w("20", 55, 86), w("Assault", 70, 86), w("with", 112, 86), w("injury", 138, 86),
                  w("6.8", 260, 86), w("Tom", 340, 86), w("Ray", 362, 86)]
        words += [w("Action", 40, 120), w("Owner", 150, 120), w("Due", 300, 120)]
        words += [w("Open", 40, 138), w("the", 66, 138), w("new", 86, 138), w("centre", 106, 138), w("Jo", 150, 138),
                  w("Bell", 165, 138), w("March", 300, 138), w("2010", 336, 138)]
        words += [w("Review", 40, 156), w("the", 77, 156), w("strategy", 97, 156), w("Al", 150, 156), w("Day", 163, 156),
                  w("June", 300, 156), w("2010", 330, 156)]
        let doc = PDFLayout.document([PDFPage(number: 1, width: 600, height: 800, words: words)], name: "t")
        XCTAssertEqual(doc.lines, ["Indicator\tTarget\tLead", "NI 16 Serious acquisitive crime\t16.5\tAnn Lee",
                                   "NI 20 Assault with injury\t6.8\tTom Ray", "Action\tOwner\tDue",
                                   "Open the new centre\tJo Bell\tMarch 2010", "Review the strategy\tAl Day\tJune 2010"])
    }

    func testHeaderAloneAtAPageFootIsCutUnderTheNextPagesColumns() {
        // Page 1 ends with a two-line header whose second line starts in the second column, so
        // on its own no gutter shows between the first two columns; page 2 holds the rows.
        let page1 = [w("Key", 40, 20), w("actions", 60, 20),
                     w("Action", 40, 700), w("for", 76, 700), w("improvement", 93, 700), w("Action", 170, 700),
                     w("Owner", 206, 700), w("Support", 260, 700), w("Date", 400, 700),
                     w("organisation", 170, 712), w("required", 260, 712)]
        let page2 = [w("1.", 40, 40), w("Open", 52, 40), w("centre", 80, 40), w("Jo", 170, 40), w("Bellingham", 185, 40),
                     w("Officer", 260, 40), w("time", 302, 40), w("March", 400, 40), w("2010", 436, 40),
                     w("2.", 40, 58), w("Review", 52, 58), w("plan", 90, 58), w("Al", 170, 58), w("Day", 183, 58),
                     w("None", 260, 58), w("June", 400, 58), w("2010", 430, 58)]
        let doc = PDFLayout.document([PDFPage(number: 1, width: 600, height: 800, words: page1),
                                      PDFPage(number: 2, width: 600, height: 800, words: page2)], name: "t")
        XCTAssertEqual(doc.lines, ["Key actions", "Action for improvement\tAction Owner organisation\tSupport required\tDate",
                                   "1. Open centre\tJo Bellingham\tOfficer time\tMarch 2010", "2. Review plan\tAl Day\tNone\tJune 2010"])
        XCTAssertEqual(doc.origin(ofLine: 2), SourceOrigin(page: 1, line: 2))
        XCTAssertEqual(doc.origin(ofLine: 3), SourceOrigin(page: 2, line: 1))
    }

    func testColumnsNamedOnlyByTheHeaderKeepTheirOwnCells() {
        // Ref | Definition | Outturn 2006/07 | Target 2007/08 | Quarter 1 Target, with every row's
        // figures still empty: only the (two-line) header has words in the last three columns.
        var words: [PDFWord] = [w("Ref", 40, 50), w("Definition", 100, 50), w("Outturn", 300, 50), w("Target", 360, 50),
                                w("Quarter", 420, 50), w("1", 461, 50)]
        words += [w("2006/07", 300, 62), w("2007/08", 360, 62), w("Target", 420, 62)]
        for k in 0..<20 {
            let y = 80 + Double(k) * 18
            words += [w("NI", 40, y), w("\(100 + k)", 54, y), w("Indicator", 100, y), w("number", 152, y), w("\(k)", 188, y)]
        }
        let doc = PDFLayout.document([PDFPage(number: 1, width: 600, height: 800, words: words)], name: "t")
        XCTAssertEqual(doc.lines.first, "Ref\tDefinition\tOutturn 2006/07\tTarget 2007/08\tQuarter 1 Target")
        XCTAssertEqual(doc.lines.dropFirst().first, "NI 100\tIndicator number 0")
    }

    func testBBoxParserDecodesEntitiesAndSkipsJunk() {
        let x = #"<page width="10" height="20"><word xMin="1" yMin="2" xMax="3" yMax="4">R&amp;D &#233;</word><word xMin="nan">x</word><word xMin="5" yMin="2" xMax="3" yMax="4">bad</word>"#
        let pages = PDFBBoxParser.pages(Data(x.utf8))
        XCTAssertEqual(pages.count, 1)
        XCTAssertEqual(pages[0].words.map(\.text), ["R&D é"])
    }

    /// Papers in two other councils' styles (not the seeds'), records counted by hand from their
    /// HTML (papers/EXPECTED.md): at least 85% must load, with their values.
    func testOtherCouncilPapersLoad() throws {
        try requirePoppler()
        let docs = try ["northfield_q2", "westmere_laa"].map { n in
            (name: n, data: try Data(contentsOf: Self.dir.appendingPathComponent("papers/\(n).pdf")))
        }
        let r = Ingester(reference: IngestTestSupport.reference).ingest(docs)
        XCTAssertEqual(r.failures, [])
        let expected: [String: [String: Int]] = ["northfield_q2": ["indicators": 24, "actions": 5, "risks": 4],
                                                 "westmere_laa": ["indicators": 10, "actions": 7, "risks": 0]]
        var found = 0, total = 0
        for (doc, kinds) in expected {
            for (kind, n) in kinds {
                let got = IngestTestSupport.rows(r, kind, where: "document", is: doc).count
                found += min(got, n)
                total += n
                XCTAssertLessThanOrEqual(got, n, "\(doc) \(kind): more records than the paper holds")
            }
        }
        print("other-council PDFs: \(found) of \(total) records loaded")
        XCTAssertGreaterThanOrEqual(Double(found), 0.85 * Double(total), "\(found) of \(total)")
        // A row from the second page (the table runs over the break under its repeated header).
        let ni191 = try XCTUnwrap(IngestTestSupport.rows(r, "indicators", where: "code", is: "NI 192").first)
        XCTAssertEqual(ni191["actual"], "35.2")
        XCTAssertEqual(ni191["target"], "36")
        XCTAssertEqual(ni191["status"], "amber")
        XCTAssertEqual(ni191["owner"], "Phil Grant")
        XCTAssertEqual(ni191["page"], "2")
        let wrapped = try XCTUnwrap(IngestTestSupport.rows(r, "indicators", where: "code", is: "NI 47").first)
        XCTAssertEqual(wrapped["title"], "People killed or seriously injured in road traffic accidents (three-year rolling average)")
        XCTAssertEqual(wrapped["page"], "1")
    }

    /// Each seed printed to PDF ingests as its text does: at least 95% of the records (by table and
    /// key) and of their fields the same.
    func testSeedPDFsMatchTheirText() throws {
        try requirePoppler()
        let seeds = try IngestTestSupport.seeds()
        guard seeds.count >= 5 else { throw XCTSkip("the seeds are not beside the repository") }
        var recordsSame = 0, recordsAll = 0, fieldsSame = 0, fieldsAll = 0
        for seed in seeds {
            let pdf = try Data(contentsOf: Self.dir.appendingPathComponent("seeds/\(seed.name).pdf"))
            let ing = Ingester(reference: IngestTestSupport.reference)
            let text = ing.ingest([seed]), printed = ing.ingest([(seed.name, pdf)])
            XCTAssertEqual(printed.failures, [])
            let c = SeedComparison(text: text, pdf: printed)
            print("seed \(seed.name): records \(c.recordsSame)/\(c.recordsAll), fields \(c.fieldsSame)/\(c.fieldsAll)")
            for m in c.missing.prefix(5) { print("  missing: \(m)") }
            recordsSame += c.recordsSame; recordsAll += c.recordsAll; fieldsSame += c.fieldsSame; fieldsAll += c.fieldsAll
        }
        print("seed PDFs vs text: records \(recordsSame)/\(recordsAll), fields \(fieldsSame)/\(fieldsAll)")
        // The issue asks for 95% of both (a training-set figure: the reader was fixed looking at these).
        // Measured on branch pdf13c: records 1200/1249 (96.1%), fields 15089/15839 (95.3%); on pdf13b
        // 95.4% and 94.7% (columns named only by a header, empty in every row, were merged).
        XCTAssertGreaterThanOrEqual(Double(recordsSame), 0.95 * Double(recordsAll))
        XCTAssertGreaterThanOrEqual(Double(fieldsSame), 0.95 * Double(fieldsAll))
    }

    func testBadPDFsFailWithAMessage() throws {
        try requirePoppler()
        let cases = [("truncated", "truncated or damaged"), ("encrypted", "encrypted"), ("scan", "no text layer; run OCR first")]
        for (name, message) in cases {
            let data = try Data(contentsOf: Self.dir.appendingPathComponent("bad/\(name).pdf"))
            let r = Ingester().ingest(files: [(name: name, fileName: name + ".pdf", data: data)])
            XCTAssertEqual(r.failures.count, 1, name)
            XCTAssertTrue(r.failures.first?.hasPrefix("\(name).pdf: ") == true, r.failures.description)
            XCTAssertTrue(r.failures.first?.contains(message) == true, r.failures.description)
        }
    }

    func testChildProcessIsStoppedAtTheTimeLimit() throws {
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("planq-slow-\(UUID().uuidString).sh")
        try Data("#!/bin/sh\nexec sleep 30\n".utf8).write(to: script)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        defer { try? FileManager.default.removeItem(at: script) }
        let slow = PDFTextExtractor(executable: script.path, arguments: [], timeout: 0.5)
        let t0 = Date()
        XCTAssertThrowsError(try slow.extract(Data("%PDF-1.4\n%%EOF\n".utf8))) { e in
            XCTAssertTrue((e as? DecodeFailure)?.message.contains("was stopped") == true, "\(e)")
        }
        XCTAssertLessThan(Date().timeIntervalSince(t0), 10)
        let chatty = PDFTextExtractor(executable: "/usr/bin/yes", arguments: [], maxOutputBytes: 1 << 16)
        XCTAssertThrowsError(try chatty.extract(Data("%PDF-1.4\n%%EOF\n".utf8))) { e in
            XCTAssertTrue((e as? DecodeFailure)?.message.contains("word boxes") == true, "\(e)")
        }
    }
}
