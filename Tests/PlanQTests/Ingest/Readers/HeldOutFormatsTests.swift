import Foundation
import XCTest
@testable import PlanQ

/// The held-out documents of issue 13 (Tests/Fixtures/formats/heldout, made by
/// make_heldout_fixtures.py): one per format (HTML, PDF printed by Chromium, xlsx, CSV) in four more
/// councils' styles, each with a labels file written from the lists the script builds it from.
/// The readers and recognisers are not tuned on them.
///
/// How records are counted: a label is found when an output row of its kind in its document has
/// the label's NI code (when it has one), else the label's reference, else a title (action, risk)
/// that starts with the label's first 24 letters or digits; each output row answers one label.
/// Fields are the label's non-empty target, actual (as numbers), status (exact), owner (the label
/// occurs in the output's owner) and due (exact), of the records found.
final class HeldOutFormatsTests: XCTestCase {
    static let dir = IngestTestSupport.root.appendingPathComponent("Tests/Fixtures/formats/heldout")

    /// One label: its kind and fields by column name.
    typealias Label = [String: String]

    /// A document's score: labels, records found, fields checked, fields right.
    struct Score: CustomStringConvertible {
        var labels = 0, found = 0, fields = 0, right = 0
        var misses: [String] = []
        var recordShare: Double { labels == 0 ? 1 : Double(found) / Double(labels) }
        var description: String {
            String(format: "records %d/%d (%.1f%%), fields %d/%d (%.1f%%)", found, labels, 100 * recordShare, right, fields,
                   fields == 0 ? 100 : 100 * Double(right) / Double(fields))
        }
    }

    static func labels(_ name: String) throws -> [Label] {
        let text = try String(contentsOf: dir.appendingPathComponent("labels/\(name).tsv"), encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        let header = lines.removeFirst()
        return lines.map { cells in Dictionary(uniqueKeysWithValues: zip(header, cells + Array(repeating: "", count: max(0, header.count - cells.count)))) }
    }

    static func key(_ s: String) -> String { String(s.lowercased().filter { $0.isLetter || $0.isNumber }) }

    static func number(_ s: String) -> Double? {
        Double(s.filter { $0.isNumber || $0 == "." || $0 == "-" })
    }

    /// Scores the ingest of `file` (in heldout/) against its labels.
    static func score(_ file: String) throws -> Score {
        let url = dir.appendingPathComponent(file)
        let name = url.deletingPathExtension().lastPathComponent
        let r = Ingester(reference: IngestTestSupport.reference)
            .ingest(files: [(name: name, fileName: file, data: try Data(contentsOf: url))])
        var s = Score()
        var used: Set<String> = []
        for label in try labels(name) {
            s.labels += 1
            let kind = label["kind"] ?? ""
            let rows = (r.table(kind)?.rows ?? []).filter { $0["document"] == name && !used.contains($0["id"] ?? "") }
            let title = key(label["title"] ?? "").prefix(24)
            let row = rows.first { row in
                if let code = label["code"], !code.isEmpty { return row["code"] == code }
                if let ref = label["ref"], !ref.isEmpty, key(row["ref"] ?? "") == key(ref) { return true }
                let text = key(row["title"] ?? row["action"] ?? row["risk"] ?? "")
                return !title.isEmpty && text.hasPrefix(title)
            }
            guard let row else { s.misses.append("\(kind) \(label["code"] ?? "") \(label["ref"] ?? "") \(label["title"]?.prefix(40) ?? "")"); continue }
            used.insert(row["id"] ?? "")
            s.found += 1
            for field in ["target", "actual", "status", "owner", "due"] {
                guard let want = label[field], !want.isEmpty else { continue }
                s.fields += 1
                let got = row[field] ?? ""
                let ok: Bool
                switch field {
                case "target", "actual": ok = number(got).map { abs($0 - (number(want) ?? .nan)) < 1e-9 } ?? false
                case "owner": ok = key(got).contains(key(want))
                default: ok = got == want
                }
                if ok { s.right += 1 } else { s.misses.append("\(kind) \(label["code"] ?? label["ref"] ?? "") \(field): want '\(want)' got '\(got)'") }
            }
        }
        return s
    }

    func check(_ file: String) throws -> Score {
        let s = try Self.score(file)
        print("held-out \(file): \(s)")
        for m in s.misses { print("  held-out miss \(file): \(m)") }
        XCTAssertGreaterThan(s.labels, 0)
        return s
    }

    // The floors are the issue's 85% of records; the figures (held-out, then training) are in heldout/README.md.
    func testHTMLScorecard() throws { XCTAssertGreaterThanOrEqual(try check("pendlebury_scorecard.html").recordShare, 0.85) }

    func testPrintedPDF() throws {
        if PDFTextExtractor.locate("pdftotext") == nil { throw XCTSkip("pdftotext (poppler-utils) is not installed; scripts/test installs it") }
        XCTAssertGreaterThanOrEqual(try check("thornbury_laa_q4.pdf").recordShare, 0.85)
    }

    func testHTMLSourceOfThePDF() throws { XCTAssertGreaterThanOrEqual(try check("thornbury_laa_q4.html").recordShare, 0.85) }

    func testWorkbook() throws { XCTAssertGreaterThanOrEqual(try check("wyvern_return.xlsx").recordShare, 0.85) }

    func testOpenDataCSV() throws { XCTAssertGreaterThanOrEqual(try check("oakvale_open_data.csv").recordShare, 0.85) }
}
