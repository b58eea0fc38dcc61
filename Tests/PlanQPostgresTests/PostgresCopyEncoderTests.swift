import Foundation
import NIOCore
import PlanQ
@testable import PlanQPostgres
import XCTest

/// COPY's text format: tabs between columns, `\N` for null, escapes, BC dates, exact doubles,
/// and the row number planq appends as `planq_row`.
final class PostgresCopyEncoderTests: XCTestCase {
    func encoded(_ table: Table) throws -> String {
        var buffer = ByteBuffer()
        try PostgresCopyEncoder(table: table).encode(rows: 0..<table.rowCount, into: &buffer)
        return buffer.readString(length: buffer.readableBytes) ?? ""
    }

    func testEveryTypeAndNull() throws {
        let d = StringDictionary()
        let codes: [UInt32] = [d.intern("a\tb\\c"), d.intern("line\nbreak\r"), 0]
        var textValid = ValidityMask(count: 3, allValid: true)
        textValid.set(2, valid: false)
        var intValid = ValidityMask(count: 3, allValid: true)
        intValid.set(1, valid: false)
        let table = Table(name: "t", columns: [
            Column(name: "i", vector: Vector(.int([1, 0, -9_223_372_036_854_775_808]), validity: intValid)),
            Column(name: "x", vector: Vector(.double([0.1, .infinity, .nan]))),
            Column(name: "b", vector: Vector(.bool([1, 0, 1]))),
            Column(name: "d", vector: Vector(.date([CivilDate(year: 2009, month: 3, day: 31).days,
                                                     CivilDate(year: 0, month: 2, day: 29).days,
                                                     CivilDate(year: -44, month: 3, day: 15).days]))),
            Column(name: "s", vector: Vector(.text(ArraySlice(codes), d), validity: textValid)),
            Column(name: "e", vector: Vector(.enumeration([2, 0, 1], EnumType.rag))),
        ])
        XCTAssertEqual(try encoded(table), """
        1\t0.1\tt\t2009-03-31\ta\\tb\\\\c\tgreen\t1
        \\N\tInfinity\tf\t0001-02-29 BC\tline\\nbreak\\r\tred\t2
        -9223372036854775808\tNaN\tt\t0045-03-15 BC\t\\N\tamber\t3

        """)
    }

    func testNulCharacterIsRefusedByName() {
        let d = StringDictionary()
        let table = Table(name: "notes", columns: [Column(name: "body", vector: Vector(.text([d.intern("a\0b")], d)))])
        XCTAssertThrowsError(try encoded(table)) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "notes.body, row 1: PostgreSQL text cannot hold a NUL character (\\0)")
        }
    }

    func testColumnTypesMatchTheSQLCompilersSpelling() {
        XCTAssertEqual(PostgresCopyEncoder.columnType(.int), "bigint")
        XCTAssertEqual(PostgresCopyEncoder.columnType(.double), "double precision")
        XCTAssertEqual(PostgresCopyEncoder.columnType(.enumeration(.rag)), "text")
        XCTAssertEqual(PostgresCopyEncoder.columnType(.date), "date")
    }
}
