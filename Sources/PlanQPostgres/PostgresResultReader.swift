import Foundation
import NIOCore
import PlanQ
import PostgresNIO

/// Turns the rows PostgreSQL returned for a compiled query into a planq result ``Table``
/// whose columns have the types planq's binder gave the query, so every `--format` prints
/// them exactly as it prints a local result.
///
/// postgres-nio receives results in binary; each cell is read by its PostgreSQL type and
/// converted to the planq type expected: `numeric` (what PostgreSQL's `sum` of `bigint`
/// returns) becomes an exact int, and one outside the Int64 range is planq's integer
/// overflow error, as locally; text naming an enum value becomes that value's code.
public struct PostgresResultReader {
    /// The result's column names and planq types, in order.
    public var columns: [(name: String, type: DataType)]

    /// A reader for a result of `columns`.
    public init(columns: [(name: String, type: DataType)]) {
        self.columns = columns
    }

    /// PostgreSQL counts dates from 2000-01-01, planq from 1970-01-01.
    static let postgresEpochDays: Int32 = 10_957

    /// Builds the result table from `rows`.
    public func table(_ rows: [PostgresRow]) throws -> Table {
        var builders = columns.map { ColumnAccumulator(type: $0.type, count: rows.count) }
        for (r, row) in rows.enumerated() {
            var i = 0
            for cell in row {
                guard i < builders.count else { break }
                try builders[i].append(cell, row: r, column: columns[i].name)
                i += 1
            }
            if i != builders.count {
                throw Diagnostic("PostgreSQL returned \(i) columns where the query has \(builders.count)")
            }
        }
        let built = zip(columns, builders).map { Column(name: $0.name, vector: $1.vector()) }
        return Table(name: "result", columns: built, rowCount: rows.count)
    }
}

/// One result column being filled: a typed buffer and its nulls.
struct ColumnAccumulator {
    let type: DataType
    var ints: [Int64] = [], doubles: [Double] = [], days: [Int32] = [], bools: [UInt8] = [], codes: [UInt32] = []
    var validity: ValidityMask
    var hasNull = false
    let dictionary = StringDictionary()

    init(type: DataType, count: Int) {
        self.type = type
        validity = ValidityMask(count: count, allValid: true)
    }

    /// Appends `cell` (row `row` of column `column`, for messages) converted to `type`.
    mutating func append(_ cell: PostgresCell, row: Int, column: String) throws {
        guard var bytes = cell.bytes, type != .null else {
            appendNull(row)
            return
        }
        func mismatch() -> Diagnostic {
            Diagnostic("column '\(column)': PostgreSQL returned \(cell.dataType) where planq expects \(type)")
        }
        switch type {
        case .null: appendNull(row)
        case .int:
            switch cell.dataType {
            case .int8, .int4, .int2: ints.append(try integer(&bytes, cell.dataType))
            case .numeric:
                let d = try cell.decode(Decimal.self)
                let text = d.description
                guard let i = Int64(text) else {
                    if text.contains(".") || text == "NaN" { throw mismatch() }
                    throw Diagnostic("integer overflow: column '\(column)' is outside the 64-bit range (\(text))")
                }
                ints.append(i)
            default: throw mismatch()
            }
        case .double:
            switch cell.dataType {
            case .float8:
                guard let b = bytes.readInteger(as: UInt64.self) else { throw mismatch() }
                doubles.append(Double(bitPattern: b))
            case .float4:
                guard let b = bytes.readInteger(as: UInt32.self) else { throw mismatch() }
                doubles.append(Double(Float(bitPattern: b)))
            case .int8, .int4, .int2: doubles.append(Double(try integer(&bytes, cell.dataType)))
            case .numeric:
                let d = try cell.decode(Decimal.self)
                guard let x = Double(d.description) else { throw mismatch() }
                doubles.append(x)
            default: throw mismatch()
            }
        case .bool:
            guard cell.dataType == .bool, let b = bytes.readInteger(as: UInt8.self) else { throw mismatch() }
            bools.append(b != 0 ? 1 : 0)
        case .date:
            guard cell.dataType == .date, let d = bytes.readInteger(as: Int32.self) else { throw mismatch() }
            // ±infinity have no planq counterpart.
            guard d != Int32.max, d != Int32.min else {
                throw Diagnostic("column '\(column)': PostgreSQL returned an infinite date, which planq cannot show")
            }
            let (days, overflow) = d.addingReportingOverflow(PostgresResultReader.postgresEpochDays)
            if overflow { throw Diagnostic("column '\(column)': a date outside planq's range") }
            self.days.append(days)
        case .text:
            codes.append(dictionary.intern(try text(cell, &bytes, mismatch)))
        case .enumeration(let e):
            let s = try text(cell, &bytes, mismatch)
            guard let code = e.code(of: s) else {
                throw Diagnostic("column '\(column)': '\(s)' is not a value of enum \(e.name) (\(e.values.joined(separator: ", ")))")
            }
            codes.append(code)
        }
    }

    private func integer(_ bytes: inout ByteBuffer, _ t: PostgresDataType) throws -> Int64 {
        let v: Int64?
        switch t {
        case .int8: v = bytes.readInteger(as: Int64.self)
        case .int4: v = bytes.readInteger(as: Int32.self).map(Int64.init)
        default: v = bytes.readInteger(as: Int16.self).map(Int64.init)
        }
        guard let v else { throw Diagnostic("PostgreSQL sent a short \(t) value") }
        return v
    }

    private func text(_ cell: PostgresCell, _ bytes: inout ByteBuffer, _ mismatch: () -> Diagnostic) throws -> String {
        switch cell.dataType {
        case .text, .varchar, .bpchar, .name, .unknown:
            return bytes.readString(length: bytes.readableBytes) ?? ""
        default: throw mismatch()
        }
    }

    private mutating func appendNull(_ row: Int) {
        hasNull = true
        validity.set(row, valid: false)
        switch type {
        case .int: ints.append(0)
        case .double: doubles.append(0)
        case .date: days.append(0)
        case .bool: bools.append(0)
        case .text, .enumeration: codes.append(0)
        case .null: break
        }
    }

    /// The finished column. A text column of only nulls still gets a dictionary entry for code 0.
    func vector() -> Vector {
        let mask = hasNull ? validity : nil
        switch type {
        case .null: return Vector(.null(validity.count))
        case .int: return Vector(.int(ArraySlice(ints)), validity: mask)
        case .double: return Vector(.double(ArraySlice(doubles)), validity: mask)
        case .date: return Vector(.date(ArraySlice(days)), validity: mask)
        case .bool: return Vector(.bool(ArraySlice(bools)), validity: mask)
        case .text:
            if dictionary.count == 0 && !codes.isEmpty { _ = dictionary.intern("") }
            return Vector(.text(ArraySlice(codes), dictionary), validity: mask)
        case .enumeration(let e): return Vector(.enumeration(ArraySlice(codes), e), validity: mask)
        }
    }
}
