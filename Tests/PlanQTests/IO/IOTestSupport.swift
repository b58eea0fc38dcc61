import Foundation
import XCTest
@testable import PlanQ

/// Fixture files in a fresh temporary folder, and helpers to assert on loads and errors.
final class IOFixture {
    let dir: String

    init() {
        dir = NSTemporaryDirectory() + "planq-io-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: dir) }

    /// Writes `text` to `name` in the folder and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        let path = dir + "/" + name
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }
}

/// The rendered (uncoloured) diagnostic `body` throws, or a failure message.
func renderedError(_ body: () throws -> Any) -> String {
    do {
        _ = try body()
        return "no error"
    } catch let d as Diagnostic {
        return DiagnosticRenderer(color: false).render(d)
    } catch {
        return "unexpected error \(error)"
    }
}

/// Loads CSV text given inline.
func csv(_ text: String, schema: TableSchema = TableSchema(), name: String = "t.csv") throws -> Table {
    try CSVReader(schema: schema).read(bytes: Array(text.utf8), name: name, tableName: "t")
}

/// Loads JSON lines text given inline.
func jsonl(_ text: String, schema: TableSchema = TableSchema(), name: String = "t.jsonl") throws -> Table {
    try JSONLinesReader(schema: schema).read(bytes: Array(text.utf8), name: name, tableName: "t")
}
