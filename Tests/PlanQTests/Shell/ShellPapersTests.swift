import Foundation
import XCTest
@testable import PlanQ
@testable import PlanQShell

/// Finding the National Indicator list for `.ingest` the way `planq ingest` does.
final class ShellPapersTests: XCTestCase {
    func testReferenceListIsFoundAboveTheDocuments() throws {
        try XCTSkipIf(ProcessInfo.processInfo.environment["PLANQ_REFERENCE"] != nil, "PLANQ_REFERENCE overrides the search")
        let root = NSTemporaryDirectory() + "planq-ref-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let docs = root + "/council/papers/2009"
        try FileManager.default.createDirectory(atPath: docs, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/shared/reference", withIntermediateDirectories: true)
        try "code,number,title\n".write(toFile: root + "/shared/reference/national-indicators.csv", atomically: true, encoding: .utf8)
        XCTAssertEqual(Shell.referenceList(near: docs + "/q3.pdf").map { URL(fileURLWithPath: $0).standardizedFileURL.path },
                       URL(fileURLWithPath: root + "/shared/reference/national-indicators.csv").standardizedFileURL.path)
        // Five folders up is as far as the search goes (from the documents; the working
        // folder is searched too, so only the documents' side is checked here).
        let deep = root + "/a/b/c/d/e/f"
        try FileManager.default.createDirectory(atPath: deep, withIntermediateDirectories: true)
        let found = Shell.referenceList(near: deep + "/x.txt")
        XCTAssertNotEqual(found.map { URL(fileURLWithPath: $0).standardizedFileURL.path },
                          URL(fileURLWithPath: root + "/shared/reference/national-indicators.csv").standardizedFileURL.path)
    }
}
