import Foundation
import XCTest
@testable import PlanQ

/// Runs every `Tests/Queries/*.test` file. Set `PLANQ_REWRITE=1` to rewrite the
/// expected blocks from actual output (then review the diff: never accept silently).
final class GoldenQueryTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testGoldenFiles() throws {
        let dir = Self.root.appendingPathComponent("Queries")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".test") }.sorted()
        XCTAssertFalse(files.isEmpty, "no golden files in \(dir.path)")
        var catalogs: [String: Catalog] = [:]
        var total = 0
        let rewrite = ProcessInfo.processInfo.environment["PLANQ_REWRITE"] == "1"
        for f in files {
            let path = dir.appendingPathComponent(f).path
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let cases = try GoldenFile.parse(text, file: f)
            var lines = text.components(separatedBy: "\n")
            var offset = 0
            for c in cases {
                total += 1
                if catalogs[c.data] == nil {
                    catalogs[c.data] = try DataDirectory.load(Self.root.appendingPathComponent("Fixtures/\(c.data)").path)
                }
                guard let catalog = catalogs[c.data] else { continue }
                let actual = GoldenFile.run(c, catalog: catalog)
                if actual != c.expected {
                    if rewrite {
                        // Never silent: each rewritten case is listed for review of the diff.
                        print("golden: rewrote Tests/Queries/\(f):\(c.line)")
                        let start = c.separatorLine + offset
                        lines.replaceSubrange(start..<(start + c.expected.count), with: actual)
                        offset += actual.count - c.expected.count
                    } else {
                        XCTFail("""
                        Tests/Queries/\(f):\(c.line): mismatch for
                        \(c.query)
                        --- expected
                        \(c.expected.joined(separator: "\n"))
                        --- actual
                        \(actual.joined(separator: "\n"))
                        """)
                    }
                }
            }
            if rewrite { try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8) }
        }
        print("golden: \(total) cases in \(files.count) files")
    }
}
