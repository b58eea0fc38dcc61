import Foundation
import XCTest

/// `planq report` end to end: files written atomically, nothing written on error,
/// parameters, and the HTML rendered by headless Chromium.
final class ReportCommandTests: XCTestCase {
    typealias S = ReportTestSupport
    var dir = ""

    override func setUp() {
        dir = NSTemporaryDirectory() + "planq-report-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    /// Runs `exe` (planq, Chromium, Python) with `args`.
    func run(_ exe: URL, _ args: [String]) throws -> CLIRun { try CLIRunner().run(exe, args) }

    /// Runs the built `planq` with `args`.
    func planq(_ args: [String]) throws -> CLIRun { try CLIRunner().planq(args) }

    func testWritesHTMLAndMarkdownFiles() throws {
        let html = dir + "/pack.html", md = dir + "/pack.md"
        var r = try planq(["report", S.report("scrutiny-pack"), "--data", S.fixture, "-o", html])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, "")
        XCTAssertTrue(try String(contentsOfFile: html, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
        r = try planq(["report", S.report("scrutiny-pack"), "--data", S.fixture, "-o", md])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(try String(contentsOfFile: md, encoding: .utf8).hasPrefix("# Scrutiny pack\n"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".tmp") }
        XCTAssertEqual(leftovers, [])
    }

    func testQueryErrorWritesNothing() throws {
        let bad = dir + "/bad.pqr", out = dir + "/out.html", kept = dir + "/kept.html"
        try "title: t\nsection: Good\nquery:\n  plans\nsection: Bad\nquery:\n  risks group by ownr\n"
            .write(toFile: bad, atomically: true, encoding: .utf8)
        var r = try planq(["report", bad, "--data", S.fixture, "-o", out])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.hasPrefix("\(bad):7:18: error: in section 'Bad': unknown column 'ownr'; did you mean 'owner'?\n"), r.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out), "a failed report must write nothing")
        try "old".write(toFile: kept, atomically: true, encoding: .utf8)
        r = try planq(["report", bad, "--data", S.fixture, "-o", kept])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(try String(contentsOfFile: kept, encoding: .utf8), "old")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir).sorted(), ["bad.pqr", "kept.html"])
    }

    func testParametersAreLiteralsNeverSyntax() throws {
        // The whole value is one text literal: no theme holds it, which for a parameter is an
        // error naming it (an injected 'or true' would have matched every row instead).
        var r = try planq(["report", S.report("theme-profile"), "--data", S.fixture, "--format", "markdown",
                           "--param", "theme=Health\" or true or \"x"])
        XCTAssertEqual(r.status, 1, r.err)
        XCTAssertTrue(r.err.contains(#"error: in section 'Outcomes': parameter 'theme': no theme is "Health\" or true or \"x""#), r.err)
        XCTAssertFalse(r.out.contains("NI 15"))
        r = try planq(["report", S.report("theme-profile"), "--data", S.fixture, "--param", "them=Health"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.contains("error: the report has no parameter 'them'"), r.err)
        XCTAssertTrue(r.err.contains("help: did you mean 'theme'?"), r.err)
        r = try planq(["report", S.report("theme-profile"), "--data", S.fixture, "--param", "as_of=31/03/2009"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.contains("'31/03/2009' is not a date"), r.err)
        XCTAssertEqual(try planq(["report", S.report("theme-profile"), "--format", "pdf"]).status, 2)
        XCTAssertEqual(try planq(["report"]).status, 2)
    }

    /// Renders the fixture's scrutiny pack in headless Chromium and looks for the
    /// three RAG fills in the screenshot.
    func testChromiumShowsRedAmberAndGreen() throws {
        guard let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: FileManager.default.isExecutableFile) else {
            throw XCTSkip("chromium is not installed (apt-get install -y chromium); skipping the screenshot check")
        }
        let html = dir + "/pack.html", png = dir + "/pack.png"
        let r = try planq(["report", S.report("scrutiny-pack"), "--data", S.fixture, "-o", html])
        XCTAssertEqual(r.status, 0, r.err)
        let shot = try run(URL(fileURLWithPath: chromium),
                           ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                            "--screenshot=\(png)", "--window-size=1200,2000", "file://\(html)"])
        XCTAssertEqual(shot.status, 0, shot.err)
        let pixels = try run(URL(fileURLWithPath: "/usr/bin/env"),
                             ["python3", S.root.appendingPathComponent("scripts/rag-pixels.py").path, png])
        XCTAssertEqual(pixels.status, 0, pixels.err)
        let counts = try JSONDecoder().decode([String: Int].self, from: Data(pixels.out.utf8))
        for colour in ["red", "amber", "green"] {
            XCTAssertGreaterThan(counts[colour] ?? 0, 500, "too few \(colour) pixels: \(pixels.out)")
        }
        // Printing follows the stylesheet's @page: A4 is 595 x 842 points.
        let pdf = dir + "/pack.pdf"
        let printed = try run(URL(fileURLWithPath: chromium),
                              ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                               "--print-to-pdf=\(pdf)", "file://\(html)"])
        XCTAssertEqual(printed.status, 0, printed.err)
        let bytes = String(decoding: try Data(contentsOf: URL(fileURLWithPath: pdf)), as: UTF8.self)
        XCTAssertNotNil(bytes.range(of: #"/MediaBox \[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]"#, options: .regularExpression),
                        "PDF pages are not A4")
    }
}
