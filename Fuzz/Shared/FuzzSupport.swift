import Foundation
import PlanQ

/// What every fuzz target shares: the fixed catalog queries run against, and a
/// cap on input size so libFuzzer spends its time on structure, not on length.
enum FuzzSupport {
    /// Inputs longer than this are ignored (libFuzzer's `-max_len` also applies).
    static let maxInput = 64 * 1024

    /// The bundled plans (`datasets/`, 171 rows in five tables) plus the `numbers`
    /// fixture as `t`, loaded once. The fuzz script runs from the repository root;
    /// `PLANQ_FUZZ_ROOT` overrides that.
    static let catalog: Catalog = {
        let root = ProcessInfo.processInfo.environment["PLANQ_FUZZ_ROOT"] ?? FileManager.default.currentDirectoryPath
        do {
            let c = try DataDirectory.load(root + "/datasets")
            let numbers = try DataDirectory.load(root + "/Tests/Fixtures/numbers")
            for (_, table) in numbers.tables { c.add(table) }
            return c
        } catch {
            fatalError("fuzz: cannot load the fixed catalog from \(root): \(error)")
        }
    }()

    /// A fixed `today` so runs are reproducible.
    static let today = CivilDate(year: 2009, month: 6, day: 30).days

    /// The input as text, the way the CLI decodes a query (invalid UTF-8 repaired).
    static func text(_ data: UnsafePointer<UInt8>, _ size: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    }
}

extension FuzzSupport {
    /// Loader schemas tried on every input: nothing declared (all inferred), and one
    /// that types the first header names `a`..`f` so the typed field parsers run.
    static let schemas: [TableSchema] = [
        TableSchema(),
        TableSchema(columnTypes: ["a": .int, "b": .double, "c": .date, "d": .bool,
                                  "e": .enumeration(.rag), "f": .text],
                    nullTokens: ["NA", "N/A"]),
    ]

    /// Limits for the `query` target: small enough that no single input runs long.
    /// (The bundled tables grew wider with the performance model: a 10,000-row join rendered in every
    /// format under ASan took over the 10 s timeout, so joins stop at 5,000 rows here.)
    static let limits = ExecutionLimits(maxRows: 5_000)

    /// Invariants of any loaded table: every column has the table's row count and
    /// every row renders.
    static func check(_ t: Table) {
        for c in t.columns where c.count != t.rowCount {
            fatalError("column \(c.name) has \(c.count) rows, table has \(t.rowCount)")
        }
        for format in ResultFormat.allCases {
            _ = ResultWriter.render(t, format: format)
        }
    }
}
