import XCTest
@testable import PlanQ

/// ``KeySorter`` against a reference stable sort, over every method it picks
/// (insertion, counting, comparison, radix; constant words skipped) and several words.
final class KeySorterTests: XCTestCase {
    /// The reference: row numbers sorted by their words, ties in input order.
    func reference(_ words: [UInt64], width: Int, rows: [UInt32]) -> [UInt32] {
        rows.enumerated().sorted { x, y in
            let a = Int(x.element) * width, b = Int(y.element) * width
            for k in 0..<width where words[a + k] != words[b + k] { return words[a + k] < words[b + k] }
            return x.offset < y.offset
        }.map(\.element)
    }

    func check(count n: Int, width: Int, range: UInt64, seed: UInt64, file: StaticString = #filePath, line: UInt = #line) {
        var random = SeededRandom(seed: seed)
        var words = (0..<(n * width)).map { _ in range == 0 ? 7 : UInt64.random(in: 0...range, using: &random) }
        // Offset the words far from zero, so the sorter must subtract the minimum.
        if range < 1 << 40 { words = words.map { $0 &+ (1 << 50) } }
        // Rows in a scrambled start order: stability is about that order, not row numbers.
        let rows = (0..<n).map { UInt32($0) }.shuffled(using: &random)
        let expected = reference(words, width: width, rows: rows)
        var got = ContiguousArray(rows)
        words.withUnsafeBufferPointer { w in
            got.withUnsafeMutableBufferPointer { r in
                var sorter = KeySorter(words: w, width: width)
                sorter.sort(r)
            }
        }
        XCTAssertEqual(Array(got), expected, "n \(n), width \(width), range \(range)", file: file, line: line)
    }

    func testInsertionSortOfAFewRows() {
        for n in [0, 1, 2, 5, 24] { check(count: n, width: 2, range: 3, seed: UInt64(n)) }
    }

    func testCountingSortOfSmallRanges() {
        check(count: 1_000, width: 1, range: 99, seed: 1)
        check(count: 5_000, width: 1, range: 1, seed: 2)
        check(count: 300, width: 1, range: 700, seed: 3)
    }

    func testComparisonSortOfWideRanges() {
        check(count: 100, width: 1, range: UInt64.max, seed: 4)
        check(count: 384, width: 1, range: 1 << 40, seed: 5)
    }

    func testRadixSortOfWideRanges() {
        check(count: 10_000, width: 1, range: UInt64.max, seed: 6)
        check(count: 4_000, width: 1, range: 1 << 20, seed: 7)
        check(count: 4_000, width: 1, range: 1 << 33, seed: 8)
    }

    func testSeveralWordsAndConstantWords() {
        check(count: 3_000, width: 3, range: 4, seed: 9)
        check(count: 3_000, width: 2, range: UInt64.max, seed: 10)
        check(count: 500, width: 2, range: 0, seed: 11)
    }

    /// The encoder's words order nulls last in both directions and doubles numerically.
    func testEncodedKeysSortAsPlanqSorts() {
        let v = Vector(.double(ContiguousArray<Double>([2.5, -1, 0, -0.0, .infinity, 7, 2.5])[...]),
                       validity: ValidityMask(count: 7, allValid: true).with(null: 5))
        for descending in [false, true] {
            let (words, w) = SortKeyEncoder.encode([(v, descending)], count: 7)
            XCTAssertEqual(w, 2, "a key with nulls has a null word")
            let perm = SortKeyEncoder.permutation(words, width: w, count: 7)
            XCTAssertEqual(Array(perm), descending ? [4, 0, 6, 2, 3, 1, 5] : [1, 2, 3, 0, 6, 4, 5])
        }
    }
}

private extension ValidityMask {
    func with(null i: Int) -> ValidityMask {
        var m = self
        m.set(i, valid: false)
        return m
    }
}

/// The one-word pair path (``KeySorter/sortPairs(_:)``) against the same reference.
final class KeySorterPairTests: XCTestCase {
    func testPairsSortByWordThenRow() {
        for (n, range) in [(0, 5), (20, 3), (200, 1 << 30), (300, 50), (5_000, 100), (5_000, 1 << 20), (20_000, UInt64.max), (3_000, 0)] as [(Int, UInt64)] {
            var random = SeededRandom(seed: UInt64(n) &+ range)
            let words = (0..<n).map { _ in (range == 0 ? 3 : UInt64.random(in: 0...range, using: &random)) &+ (range < 1 << 40 ? 1 << 45 : 0) }
            var pairs = ContiguousArray((0..<n).map { KeySorter.Keyed(key: words[$0], position: UInt32($0)) })
            words.withUnsafeBufferPointer { w in
                pairs.withUnsafeMutableBufferPointer { p in
                    var sorter = KeySorter(words: w, width: 1)
                    sorter.sortPairs(p)
                }
            }
            let expected = (0..<n).sorted { words[$0] != words[$1] ? words[$0] < words[$1] : $0 < $1 }
            XCTAssertEqual(pairs.map { Int($0.position) }, expected, "n \(n), range \(range)")
        }
    }

    /// A few hundred pairs over a wide but skewed range (most in one bucket): the fallback.
    func testSkewedWideRangeFallsBack() {
        var random = SeededRandom(seed: 42)
        let words: [UInt64] = (0..<300).map { i in i == 17 ? UInt64.max - 5 : UInt64.random(in: 0...40, using: &random) }
        var pairs = ContiguousArray((0..<300).map { KeySorter.Keyed(key: words[$0], position: UInt32($0)) })
        words.withUnsafeBufferPointer { w in
            pairs.withUnsafeMutableBufferPointer { p in
                var sorter = KeySorter(words: w, width: 1)
                sorter.sortPairs(p)
            }
        }
        let expected = (0..<300).sorted { words[$0] != words[$1] ? words[$0] < words[$1] : $0 < $1 }
        XCTAssertEqual(pairs.map { Int($0.position) }, expected)
    }
}
