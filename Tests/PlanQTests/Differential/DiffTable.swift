import Foundation
import GRDB
@testable import PlanQ

/// A random table held as plain rows, loadable into both planq (as a columnar
/// ``Table``) and SQLite (with an explicit `rid` giving input order).
///
/// Cells use planq's ``Value``: enums hold their code as `.int`, dates their day
/// number, bools `.bool`.
struct DiffTable {
    struct ColumnSpec { var name: String; var type: DiffType }

    var name: String
    var columns: [ColumnSpec]
    var rows: [[Value]]

    /// The fraction of nulls in column `c` (0 for an empty table).
    func nullRate(_ c: Int) -> Double {
        rows.isEmpty ? 0 : Double(rows.filter { $0[c].isNull }.count) / Double(rows.count)
    }

    /// True when some double cell is large enough that summation order shows in the last digits.
    var largestDouble: Double {
        var m = 0.0
        for r in rows { for v in r { if case .double(let d) = v, d.isFinite { m = max(m, abs(d)) } } }
        return m
    }

    /// The largest integer magnitude (as a double): `avg` of integers is summed in doubles.
    var largestInt: Double {
        var m = 0.0
        for r in rows { for v in r { if case .int(let i) = v { m = max(m, Swift.abs(Double(i))) } } }
        return m
    }

    /// The planq table: one typed vector per column plus a validity mask.
    func planqTable() -> PlanQ.Table {
        let cols = columns.indices.map { c -> PlanQ.Column in
            let values = rows.map { $0[c] }
            var mask = ValidityMask(count: values.count, allValid: true)
            var anyNull = false
            for (i, v) in values.enumerated() where v.isNull { mask.set(i, valid: false); anyNull = true }
            let data: VectorData
            switch columns[c].type {
            case .int:
                data = .int(ContiguousArray(values.map { if case .int(let x) = $0 { return x } else { return 0 } })[...])
            case .double:
                data = .double(ContiguousArray(values.map { if case .double(let x) = $0 { return x } else { return 0 } })[...])
            case .bool:
                data = .bool(ContiguousArray(values.map { if case .bool(let x) = $0 { return x ? 1 : 0 } else { return 0 } })[...])
            case .date:
                data = .date(ContiguousArray(values.map { if case .date(let x) = $0 { return x } else { return 0 } })[...])
            case .rag:
                data = .enumeration(ContiguousArray(values.map { if case .int(let x) = $0 { return UInt32(x) } else { return 0 } })[...], EnumType.rag)
            case .text:
                let dict = StringDictionary()
                data = .text(ContiguousArray(values.map { if case .text(let s) = $0 { return dict.intern(s) } else { return dict.intern("") } })[...], dict)
            }
            return PlanQ.Column(name: columns[c].name, vector: Vector(data, validity: anyNull ? mask : nil))
        }
        return PlanQ.Table(name: name, columns: cols, rowCount: rows.count)
    }

    /// Creates and fills the table in SQLite; `rid` is the row's input position.
    func load(into db: Database) throws {
        let defs = columns.map { "\"\($0.name)\" \($0.type.sqlType)" }.joined(separator: ", ")
        try db.execute(sql: "CREATE TABLE \"\(name)\" (rid INTEGER PRIMARY KEY, \(defs))")
        let marks = Array(repeating: "?", count: columns.count + 1).joined(separator: ", ")
        let insert = try db.makeStatement(sql: "INSERT INTO \"\(name)\" VALUES (\(marks))")
        for (i, row) in rows.enumerated() {
            var args: [DatabaseValueConvertible?] = [i]
            for (c, v) in row.enumerated() { args.append(Self.sqlValue(v, columns[c].type)) }
            try insert.execute(arguments: StatementArguments(args))
        }
    }

    static func sqlValue(_ v: Value, _ t: DiffType) -> DatabaseValueConvertible? {
        switch v {
        case .null: return nil
        case .int(let x): return x
        case .double(let x): return x
        case .bool(let b): return b ? 1 : 0
        case .date(let d): return CivilDate(days: d).description
        case .text(let s): return s
        }
    }

    /// The table as text for a failure report: header, then one line per row.
    func dump() -> String {
        var lines = ["table \(name) (\(rows.count) rows): " + columns.map { "\($0.name) \($0.type.rawValue)" }.joined(separator: ", ")]
        for r in rows.prefix(60) {
            lines.append("  " + zip(r, columns).map { v, c in
                if c.type == .rag, case .int(let k) = v { return DiffType.ragValues[Int(k)] }
                if case .text(let s) = v { return s.debugDescription }
                return v.description
            }.joined(separator: " | "))
        }
        if rows.count > 60 { lines.append("  ... \(rows.count - 60) more rows") }
        return lines.joined(separator: "\n")
    }
}
