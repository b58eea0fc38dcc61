import Foundation
import XCTest
@testable import PlanQ

/// The SQL text the compiler emits for a few queries per dialect, kept in
/// `Tests/Fixtures/sql/compiled.txt` (`PLANQ_REWRITE=1` rewrites it for review), and
/// the errors for what a dialect cannot express.
///
///     dialect postgres          (applies to the cases after it)
///     sql | error
///     <planq query>
///     ----
///     <SQL, or the rendered error>
final class SQLCompilerTests: XCTestCase {
    static let file = GoldenQueryTests.root.appendingPathComponent("Fixtures/sql/compiled.txt")

    func testCompiledSQLMatchesTheFile() throws {
        let text = try String(contentsOf: Self.file, encoding: .utf8)
        let catalog = try DataDirectory.load(GoldenQueryTests.root.appendingPathComponent("Fixtures/plans").path)
        let today = CivilDate(year: 2009, month: 6, day: 30).days
        var out: [String] = []
        var dialect = SQLDialect.postgres
        var lines = text.components(separatedBy: "\n")[...]
        var cases = 0
        var failures: [String] = []
        while let line = lines.popFirst() {
            if line.hasPrefix("dialect "), let d = SQLDialect.named(String(line.dropFirst(8))) {
                dialect = d
                out.append(line)
                continue
            }
            guard line == "sql" || line == "error" else { out.append(line); continue }
            var query: [String] = []
            while let l = lines.popFirst(), l != "----" { query.append(l) }
            var expected: [String] = []
            while let l = lines.first, !l.isEmpty { expected.append(l); lines.removeFirst() }
            let source = SourceText(name: "<query>", text: query.joined(separator: "\n"))
            var actual: [String]
            do {
                let sql = try SQLCompiler.compile(source, catalog: catalog, today: today, dialect: dialect)
                actual = (line == "sql" ? [] : ["(no error)"]) + sql.joined(separator: ";\n").components(separatedBy: "\n")
            } catch let d as Diagnostic {
                actual = DiagnosticRenderer(color: false).render(d).components(separatedBy: "\n").filter { !$0.isEmpty }
                if line == "sql" { actual.insert("(unexpected error)", at: 0) }
            }
            cases += 1
            if actual != expected {
                failures.append("\(dialect.rawValue): \(query.joined(separator: " "))\n--- expected\n\(expected.joined(separator: "\n"))\n--- actual\n\(actual.joined(separator: "\n"))")
            }
            out += [line] + query + ["----"] + actual
        }
        if ProcessInfo.processInfo.environment["PLANQ_REWRITE"] == "1" {
            try out.joined(separator: "\n").write(to: Self.file, atomically: true, encoding: .utf8)
            print("sql: rewrote \(Self.file.path) (\(cases) cases); review the diff")
            return
        }
        for f in failures { XCTFail(f) }
        XCTAssertGreaterThan(cases, 10)
    }

    /// Every dialect spells identifiers and strings so that quotes inside survive.
    func testQuotingOfNamesAndStrings() {
        XCTAssertEqual(SQLDialect.postgres.quote("a\"b"), "\"a\"\"b\"")
        XCTAssertEqual(SQLDialect.spark.quote("a`b"), "`a``b`")
        XCTAssertEqual(SQLDialect.duckdb.string("o'neil"), "'o''neil'")
        XCTAssertEqual(SQLDialect.spark.string("o'neil \\ x"), "'o\\'neil \\\\ x'")
        XCTAssertEqual(SQLDialect.postgres.integer(Int64.min), "CAST('-9223372036854775808' AS BIGINT)")
        XCTAssertEqual(SQLDialect.spark.double(0.5), "0.5D")
    }

    /// `explain` has no SQL form: an error with the caret, not SQL.
    func testExplainIsRefused() throws {
        let catalog = try DataDirectory.load(GoldenQueryTests.root.appendingPathComponent("Fixtures/plans").path)
        XCTAssertThrowsError(try SQLCompiler.compile(SourceText(name: "<query>", text: "explain indicators"),
                                                     catalog: catalog, today: 0, dialect: .duckdb)) { e in
            XCTAssertTrue((e as? Diagnostic)?.message.contains("explain") ?? false, "\(e)")
        }
    }
}
