import Foundation
@testable import PlanQ

/// Writes the folder `scripts/sql-diff` reads: `tables/<dataset>.jsonl` (one line per
/// table: name, typed columns, rows) and `cases.jsonl` (one line per query: planq's
/// result or error, and the SQL or the compile error per dialect).
struct SQLDiffWriter {
    let folder: String
    var cases = ""

    init(folder: String) {
        self.folder = folder
        try? FileManager.default.createDirectory(atPath: folder + "/tables", withIntermediateDirectories: true)
    }

    mutating func finish() throws {
        try cases.write(toFile: folder + "/cases.jsonl", atomically: true, encoding: .utf8)
    }

    /// Every table of a catalog, with a `planq_row` column numbering rows in load order.
    func dataset(_ name: String, _ catalog: Catalog) throws {
        var lines = ""
        for tname in catalog.tableNames {
            guard let t = catalog.table(tname) else { continue }
            let cols = t.columns.map { c -> String in
                var s = "{\"name\":\(Self.json(c.name)),\"type\":\(Self.json(Self.typeName(c.type)))"
                if let e = c.type.enumType { s += ",\"values\":[\(e.values.map(Self.json).joined(separator: ","))]" }
                return s + "}"
            }
            var rows: [String] = []
            rows.reserveCapacity(t.rowCount)
            for r in 0..<t.rowCount {
                rows.append("[" + t.columns.indices.map { Self.json(t.value(row: r, column: $0)) }.joined(separator: ",") + "]")
            }
            lines += "{\"name\":\(Self.json(t.name)),\"columns\":[\(cols.joined(separator: ","))],\"rows\":[\(rows.joined(separator: ","))]}\n"
        }
        try lines.write(toFile: "\(folder)/tables/\(name).jsonl", atomically: true, encoding: .utf8)
    }

    /// One case: planq's own result of the last statement, and each dialect's SQL.
    mutating func query(id: String, dataset: String, text: String, catalog: Catalog, today: Int32) throws {
        let source = SourceText(name: "<query>", text: text)
        // A copy: a named result (table NAME = ...) must not outlive its case.
        let engine = Engine(catalog: catalog.copy(), today: today)
        engine.explainsEmptyResults = false
        var expected: String
        var types = "[]"
        do {
            let results = try engine.run(source)
            guard let t = results.last?.table else { return }
            types = "[" + t.columns.map { Self.json(Self.typeName($0.type)) }.joined(separator: ",") + "]"
            let rows = (0..<t.rowCount).map { r in
                "[" + t.columns.indices.map { Self.json(t.value(row: r, column: $0)) }.joined(separator: ",") + "]"
            }
            expected = "{\"columns\":[\(t.columns.map { Self.json($0.name) }.joined(separator: ","))],\"rows\":[\(rows.joined(separator: ","))]}"
        } catch {
            let message = (error as? Diagnostic)?.message ?? "\(error)"
            expected = "{\"error\":\(Self.json(message))}"
        }
        var sql: [String] = []
        for d in SQLDialect.allCases {
            do {
                let statements = try SQLCompiler.compile(source, catalog: catalog, today: today, dialect: d,
                                                         options: .init(rowOrderColumn: SQLDiffExport.rowOrder))
                sql.append("\(Self.json(d.rawValue)):{\"sql\":\(Self.json(statements.last ?? ""))}")
            } catch {
                let message = (error as? Diagnostic).map { DiagnosticRenderer(color: false).render($0) } ?? "\(error)"
                sql.append("\(Self.json(d.rawValue)):{\"error\":\(Self.json(message))}")
            }
        }
        cases += "{\"id\":\(Self.json(id)),\"dataset\":\(Self.json(dataset)),\"query\":\(Self.json(text)),\"types\":\(types),\"expected\":\(expected),\"dialects\":{\(sql.joined(separator: ","))}}\n"
    }

    static func typeName(_ t: DataType) -> String {
        switch t {
        case .enumeration: return "enum"
        default: return t.description
        }
    }

    static func json(_ v: Value) -> String {
        switch v {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d):
            if d.isNaN { return "\"NaN\"" }
            if d.isInfinite { return d > 0 ? "\"Infinity\"" : "\"-Infinity\"" }
            return "\(d)"
        case .date(let d): return json(CivilDate(days: d).description)
        case .text(let s): return json(s)
        }
    }

    static func json(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || u.value == 0x7F || u.value == 0x2028 || u.value == 0x2029 {
                    out += String(format: "\\u%04X", u.value)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
