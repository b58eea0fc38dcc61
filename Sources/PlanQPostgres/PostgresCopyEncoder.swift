import Foundation
import NIOCore
import PlanQ

/// Encodes a planq ``Table``'s rows in PostgreSQL's COPY text format: one line a row, columns
/// separated by tabs, `\N` for null, and backslash, tab, newline and carriage return escaped.
struct PostgresCopyEncoder {
    let table: Table

    /// The column type each planq type is stored as. Enums are text (their order is in
    /// `planq_enums`), the same spelling the SQL compiler uses for PostgreSQL.
    static func columnType(_ t: DataType) -> String {
        switch t {
        case .int, .null: return "bigint"
        case .double: return "double precision"
        case .bool: return "boolean"
        case .date: return "date"
        case .text, .enumeration: return "text"
        }
    }

    /// Appends rows `range` to `buffer`, each followed by its 1-based row number (the
    /// ``PostgresLoadLayout/rowOrderColumn``). Throws for a text value PostgreSQL cannot store (NUL).
    func encode(rows range: Range<Int>, into buffer: inout ByteBuffer) throws {
        let columns = table.columns
        for row in range {
            for (ci, column) in columns.enumerated() {
                if ci > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
                let v = column.vector
                if v.isNull(row) {
                    buffer.writeStaticString("\\N")
                    continue
                }
                switch v.data {
                case .null: buffer.writeStaticString("\\N")
                case .bool(let a): buffer.writeInteger(a[a.startIndex + row] != 0 ? UInt8(ascii: "t") : UInt8(ascii: "f"))
                case .int(let a): buffer.writeString(String(a[a.startIndex + row]))
                case .double(let a): buffer.writeString(Self.double(a[a.startIndex + row]))
                case .date(let a): buffer.writeString(Self.date(a[a.startIndex + row]))
                case .text(let a, let d): try writeText(d[a[a.startIndex + row]], column: column.name, row: row, into: &buffer)
                case .enumeration(let a, let e):
                    let code = Int(a[a.startIndex + row])
                    try writeText(code < e.values.count ? e.values[code] : "", column: column.name, row: row, into: &buffer)
                }
            }
            if !columns.isEmpty { buffer.writeInteger(UInt8(ascii: "\t")) }
            buffer.writeString(String(row + 1))
            buffer.writeInteger(UInt8(ascii: "\n"))
        }
    }

    /// A double as PostgreSQL reads it back exactly (Swift prints the shortest round-trip form).
    static func double(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d > 0 ? "Infinity" : "-Infinity" }
        return "\(d)"
    }

    /// A date as PostgreSQL's input reads it: ISO, with `BC` for years before 1 (year 0 is 1 BC).
    static func date(_ days: Int32) -> String {
        let c = CivilDate(days: days)
        guard c.year <= 0 else { return c.description }
        let pad = { (n: Int, w: Int) in String(repeating: "0", count: max(0, w - String(n).count)) + String(n) }
        return "\(pad(1 - c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2)) BC"
    }

    private func writeText(_ s: String, column: String, row: Int, into buffer: inout ByteBuffer) throws {
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
            case UInt8(ascii: "\t"): buffer.writeStaticString("\\t")
            case UInt8(ascii: "\n"): buffer.writeStaticString("\\n")
            case UInt8(ascii: "\r"): buffer.writeStaticString("\\r")
            case 0:
                throw Diagnostic("\(table.name).\(column), row \(row + 1): PostgreSQL text cannot hold a NUL character (\\0)")
            default: buffer.writeInteger(b)
            }
        }
    }
}
