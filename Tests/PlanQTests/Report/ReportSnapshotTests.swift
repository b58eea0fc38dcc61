import XCTest
@testable import PlanQ

/// The whole Markdown rendering of each shipped report on the fixture dataset, kept in
/// `Tests/Fixtures/reports/*.expected.md` so a change of look shows up in review.
/// `PLANQ_REWRITE=1 swift test --filter ReportSnapshotTests` rewrites them (check the diff).
final class ReportSnapshotTests: XCTestCase {
    typealias S = ReportTestSupport

    func testMarkdownSnapshots() throws {
        let rewrite = ProcessInfo.processInfo.environment["PLANQ_REWRITE"] == "1"
        for name in ["scrutiny-pack", "theme-profile", "plan-summary"] {
            let result = try S.run(name, data: S.fixture, label: "Tests/Fixtures/reports")
            let doc = try ReportRenderer.render(result, format: .markdown)
            let path = S.fixture + "/\(name).expected.md"
            if rewrite {
                try doc.write(toFile: path, atomically: true, encoding: .utf8)
                continue
            }
            let expected = try String(contentsOfFile: path, encoding: .utf8)
            if doc != expected {
                let a = doc.split(separator: "\n", omittingEmptySubsequences: false)
                let b = expected.split(separator: "\n", omittingEmptySubsequences: false)
                let line = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
                XCTFail("\(path):\(line + 1): rendered Markdown differs\n  got:      \(line < a.count ? String(a[line]) : "<end>")\n  expected: \(line < b.count ? String(b[line]) : "<end>")")
            }
        }
    }
}
