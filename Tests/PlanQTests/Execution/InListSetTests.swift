import Foundation
import XCTest
@testable import PlanQ

/// `x [not] in (...)` through ``InListSet``: long lists (hashed, the `in (query)` path)
/// give the same answers as short ones (compared value by value), nulls included.
final class InListSetTests: XCTestCase {
    let context = ExecutionContext(today: 0)

    func eval(_ e: PhysicalExpr, _ column: Vector) throws -> [Value] {
        let v = try ExpressionExecutor(context: context).evaluate(e, Batch(columns: [column], count: column.count))
        return (0..<v.count).map { v.value(at: $0) }
    }

    func ints(_ xs: [Int64?]) -> Vector {
        var mask = ValidityMask(count: xs.count, allValid: true)
        for (i, x) in xs.enumerated() where x == nil { mask.set(i, valid: false) }
        return Vector(.int(ContiguousArray(xs.map { $0 ?? 0 })[...]), validity: xs.contains(nil) ? mask : nil)
    }

    func testLongIntListMatchesValueByValue() throws {
        let column = ints([1, 7, nil, 1_000, -3, 4_999])
        let kept: [Int] = (0..<5_000).filter { (i: Int) -> Bool in i % 7 == 0 || i == 4_999 }
        let list: [Value] = kept.map { Value.int(Int64($0)) }
        let x = PhysicalExpr.slot(SlotIndex(0), .int)
        XCTAssertEqual(try eval(.inList(x, InListSet(list), negated: false), column),
                       [.bool(false), .bool(true), .null, .bool(false), .bool(false), .bool(true)])
        XCTAssertEqual(try eval(.inList(x, InListSet(list), negated: true), column),
                       [.bool(true), .bool(false), .null, .bool(true), .bool(true), .bool(false)])
        // A null in the list: no match is null, not false (SQL), so `not in` keeps nothing.
        XCTAssertEqual(try eval(.inList(x, InListSet(list + [.null]), negated: true), column),
                       [.null, .bool(false), .null, .null, .null, .bool(false)])
    }

    func testLongDoubleAndDateListsAndShortListsAgree() throws {
        let d = Vector(.double(ContiguousArray<Double>([0.5, -0.0, 2, .nan, 3.25])[...]))
        let dx = PhysicalExpr.slot(SlotIndex(0), .double)
        let long = InListSet([.double(0), .double(3.25), .int(2)] + (10..<20).map { .double(Double($0) + 0.1) })
        let short = InListSet([.double(0), .double(3.25), .int(2)])
        let expected: [Value] = [.bool(false), .bool(true), .bool(true), .bool(false), .bool(true)]
        XCTAssertEqual(try eval(.inList(dx, long, negated: false), d), expected)
        XCTAssertEqual(try eval(.inList(dx, short, negated: false), d), expected)
        let dates = Vector(.date(ContiguousArray<Int32>([14_000, 14_001, 14_002])[...]))
        let set = InListSet((13_990..<14_001).map { Value.date(Int32($0)) } + [.date(14_002)])
        XCTAssertEqual(try eval(.inList(.slot(SlotIndex(0), .date), set, negated: false), dates),
                       [.bool(true), .bool(false), .bool(true)])
    }

    func testLongTextListUsesOneTablePerDictionary() throws {
        let dict = StringDictionary(unique: ["alpha", "beta", "gamma", "Alpha"])
        let column = Vector(.text(ContiguousArray<UInt32>([0, 1, 2, 3, 0])[...], dict))
        let set = InListSet((0..<1_000).map { Value.text("v\($0)") } + [.text("beta"), .text("alpha")])
        let executor = ExpressionExecutor(context: context)
        let e = PhysicalExpr.inList(.slot(SlotIndex(0), .text), set, negated: false)
        for _ in 0..<3 {
            let v = try executor.evaluate(e, Batch(columns: [column], count: 5))
            XCTAssertEqual((0..<5).map { v.value(at: $0) }, [.bool(true), .bool(true), .bool(false), .bool(false), .bool(true)])
        }
        XCTAssertEqual(executor.boolTables.count, 1, "the 0/1 table is computed once for the dictionary")
    }
}
