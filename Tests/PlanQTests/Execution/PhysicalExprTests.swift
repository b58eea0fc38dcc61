import Foundation
import XCTest
@testable import PlanQ

/// Issue 16 (design step): operators and kernels run on ``PhysicalExpr`` trees
/// built directly — no parser, binder or catalog — and every operator of
/// Execution's enums has its own answer (no fallback arm).
final class PhysicalExprTests: XCTestCase {
    let context = ExecutionContext(today: 0)

    /// An int vector; nil entries are nulls.
    func ints(_ xs: [Int64?]) -> Vector {
        var mask = ValidityMask(count: xs.count, allValid: true)
        for (i, x) in xs.enumerated() where x == nil { mask.set(i, valid: false) }
        return Vector(.int(ContiguousArray(xs.map { $0 ?? 0 })[...]), validity: xs.contains(nil) ? mask : nil)
    }

    func doubles(_ xs: [Double?]) -> Vector {
        var mask = ValidityMask(count: xs.count, allValid: true)
        for (i, x) in xs.enumerated() where x == nil { mask.set(i, valid: false) }
        return Vector(.double(ContiguousArray(xs.map { $0 ?? 0 })[...]), validity: xs.contains(nil) ? mask : nil)
    }

    func values(_ v: Vector) -> [Value] { (0..<v.count).map { v.value(at: $0) } }

    func eval(_ e: PhysicalExpr, _ columns: [Vector]) throws -> [Value] {
        let batch = Batch(columns: columns, count: columns.first?.count ?? 0)
        return values(try ExpressionExecutor(context: context).evaluate(e, batch))
    }

    let a = PhysicalExpr.slot(SlotIndex(0), .int)
    let b = PhysicalExpr.slot(SlotIndex(1), .int)

    func testEveryComparisonOperatorHasItsOwnAnswer() throws {
        let x = ints([1, 2, 3, nil]), y = ints([2, 2, 2, 2])
        let expected: [ComparisonOp: [Value]] = [
            .eq: [.bool(false), .bool(true), .bool(false), .null],
            .ne: [.bool(true), .bool(false), .bool(true), .null],
            .lt: [.bool(true), .bool(false), .bool(false), .null],
            .le: [.bool(true), .bool(true), .bool(false), .null],
            .gt: [.bool(false), .bool(false), .bool(true), .null],
            .ge: [.bool(false), .bool(true), .bool(true), .null],
        ]
        XCTAssertEqual(Set(expected.keys), Set(ComparisonOp.allCases))
        for op in ComparisonOp.allCases {
            // Column against column, column against a constant, and constant against column (flipped).
            XCTAssertEqual(try eval(.compare(op, a, b), [x, y]), expected[op], "\(op)")
            XCTAssertEqual(try eval(.compare(op, a, .constant(.int(2), .int)), [x]), expected[op], "\(op) const")
            XCTAssertEqual(try eval(.compare(op.flipped, .constant(.int(2), .int), a), [x]), expected[op], "\(op) flipped")
        }
    }

    func testEveryArithmeticOperatorOnIntsAndDoubles() throws {
        let x = ints([7, -7, 5, nil]), y = ints([2, 2, 0, 1])
        let intExpected: [ArithmeticOp: [Value]] = [
            .add: [.int(9), .int(-5), .int(5), .null],
            .sub: [.int(5), .int(-9), .int(5), .null],
            .mul: [.int(14), .int(-14), .int(0), .null],
            .intDiv: [.int(3), .int(-3), .null, .null],
            .mod: [.int(1), .int(-1), .null, .null],
        ]
        for (op, want) in intExpected {
            XCTAssertEqual(try eval(.arithmetic(op, a, b, .int), [x, y]), want, "\(op)")
        }
        let p = PhysicalExpr.slot(SlotIndex(0), .double), q = PhysicalExpr.slot(SlotIndex(1), .double)
        let dx = doubles([7, -7, 5, nil]), dy = doubles([2, 2, 0, 1])
        let doubleExpected: [ArithmeticOp: [Value]] = [
            .add: [.double(9), .double(-5), .double(5), .null],
            .sub: [.double(5), .double(-9), .double(5), .null],
            .mul: [.double(14), .double(-14), .double(0), .null],
            .div: [.double(3.5), .double(-3.5), .null, .null],
            .intDiv: [.double(3), .double(-3), .null, .null],
            .mod: [.double(1), .double(-1), .null, .null],
        ]
        XCTAssertEqual(Set(doubleExpected.keys), Set(ArithmeticOp.allCases))
        for (op, want) in doubleExpected {
            XCTAssertEqual(try eval(.arithmetic(op, p, q, .double), [dx, dy]), want, "\(op)")
        }
    }

    func testIntegerOverflowIsAnError() {
        let x = ints([Int64.max]), y = ints([1])
        XCTAssertThrowsError(try eval(.arithmetic(.add, a, b, .int), [x, y])) { e in
            XCTAssertTrue("\(e)".contains("integer overflow"), "\(e)")
        }
    }

    func testTextMatchKindsOnADictionaryColumn() throws {
        let d = StringDictionary(unique: ["Community Safety", "Housing", "safer streets"])
        let v = Vector(.text([0, 1, 2, 0][...], d))
        let s = PhysicalExpr.slot(SlotIndex(0), .text)
        func run(_ k: TextMatchKind, _ p: String, negated: Bool = false) throws -> [Value] {
            try eval(.textMatch(k, s, .constant(.text(p), .text), negated: negated), [v])
        }
        XCTAssertEqual(try run(.contains, "safe"), [.bool(true), .bool(false), .bool(true), .bool(true)])
        XCTAssertEqual(try run(.startsWith, "housing"), [.bool(false), .bool(true), .bool(false), .bool(false)])
        XCTAssertEqual(try run(.endsWith, "streets"), [.bool(false), .bool(false), .bool(true), .bool(false)])
        XCTAssertEqual(try run(.like, "%ty"), [.bool(true), .bool(false), .bool(false), .bool(true)])
        XCTAssertEqual(try run(.matches, "^[A-Z]"), [.bool(true), .bool(true), .bool(false), .bool(true)])
        XCTAssertEqual(try run(.contains, "safe", negated: true), [.bool(false), .bool(true), .bool(false), .bool(false)])
    }

    func testFilterAndProjectionOperatorsWithoutTheBinder() throws {
        let source = MaterializedSource(columns: [ints([1, 5, nil, 9]), ints([10, 20, 30, 40])], count: 4, context: context)
        let filter = Filter(child: source, predicate: .compare(.gt, a, .constant(.int(2), .int)), label: "a > 2", context: context)
        let project = Projection(child: filter, exprs: [.arithmetic(.add, a, b, .int), b], label: "a + b, b", context: context)
        let (cols, n) = try PhysicalOperator.drain(project, columns: 2)
        XCTAssertEqual(n, 2)
        XCTAssertEqual(values(cols[0]), [.int(25), .int(49)])
        XCTAssertEqual(values(cols[1]), [.int(20), .int(40)])
    }

    func testSortOperatorWithoutTheBinder() throws {
        let source = MaterializedSource(columns: [ints([3, nil, 1, 2])], count: 4, context: context)
        let sort = Sort(child: source, keys: [(a, true)], width: 1, label: "a desc", context: context)
        let (cols, _) = try PhysicalOperator.drain(sort, columns: 1)
        XCTAssertEqual(values(cols[0]), [.int(3), .int(2), .int(1), .null])
    }

    func testLoweringMapsIDsToSlotsAndFailsAtPlanTimeOnAMissingColumn() throws {
        let low = ExpressionLowering(slots: [ColumnID(7): SlotIndex(1), ColumnID(3): SlotIndex(0)])
        let e = BoundExpr.compare(.ge, .column(ColumnID(7), .int), .arithmetic(.add, .column(ColumnID(3), .int), .constant(.int(1), .int), .int))
        guard case .compare(.ge, .slot(let s1, .int), .arithmetic(.add, .slot(let s0, .int), .constant(.int(1), .int), .int)) = try low.lower(e) else {
            return XCTFail("unexpected lowering")
        }
        XCTAssertEqual(s1, SlotIndex(1))
        XCTAssertEqual(s0, SlotIndex(0))
        XCTAssertThrowsError(try low.lower(.column(ColumnID(99), .int))) { e in
            XCTAssertTrue("\(e)".contains("internal error: column #99"), "\(e)")
        }
    }

    func testParserOperatorsMapOnlyIntoTheirOwnFamily() {
        let all: [BinaryOp] = [.or, .and, .eq, .ne, .lt, .le, .gt, .ge, .add, .sub, .mul, .div, .intDiv, .mod, .concat]
        XCTAssertEqual(all.compactMap { ArithmeticOp($0) }, [.add, .sub, .mul, .div, .intDiv, .mod])
        XCTAssertEqual(all.compactMap { ComparisonOp($0) }, [.eq, .ne, .lt, .le, .gt, .ge])
        for op in all { if let k = ArithmeticOp(op) { XCTAssertEqual(k.rawValue, op.rawValue) } }
        for op in all { if let k = ComparisonOp(op) { XCTAssertEqual(k.rawValue, op.rawValue) } }
        for op in ComparisonOp.allCases { XCTAssertEqual(op.flipped.flipped, op) }
    }
}
