/// The running state of one aggregate for every group, kept columnar: one typed
/// array per state field, indexed by group id (DataFusion's `GroupsAccumulator`).
///
/// `update` is called once per batch with the batch's group ids; its loop is
/// specialised for the argument's physical type.
protocol Accumulator: AnyObject {
    /// Makes room for group ids below `groups`.
    func resize(_ groups: Int)
    func update(_ gids: UnsafeBufferPointer<UInt32>, _ args: [Vector]) throws
    /// The final values of `groups`, in that order. `totalRows` is the number of
    /// rows that reached the grouping (for `share()`).
    func finish(_ groups: ContiguousArray<UInt32>, totalRows: Int) throws -> Vector
    /// Folds another accumulator of the same kind into this one (the merge step of
    /// parallel aggregation): `other`'s group `g` goes into this one's group
    /// `map[g]`, skipped when `map[g]` is ``skipGroup``. `resize` has been called.
    func merge(_ other: Accumulator, map: UnsafeBufferPointer<UInt32>) throws
    /// Called once before the first update with the rows expected (0 if unknown);
    /// accumulators that keep every value reserve room once instead of regrowing.
    func expectRows(_ rows: Int)
}

extension Accumulator {
    /// Most accumulators keep per-group state only: nothing to reserve.
    func expectRows(_ rows: Int) {}
}

/// The group-map entry that leaves a group out of a merge (it belongs to another partition).
let skipGroup = UInt32.max

/// The error for merging accumulators of different kinds (a planner bug, never user input).
func mergeMismatch(_ a: Accumulator, _ b: Accumulator) -> Diagnostic {
    Diagnostic("internal error: cannot merge \(type(of: b)) into \(type(of: a))")
}

/// Grows a per-group state array, filling new slots with `value`.
@inline(__always)
func grow<T>(_ a: inout ContiguousArray<T>, _ n: Int, _ value: T) {
    if a.count < n { a.append(contentsOf: repeatElement(value, count: n - a.count)) }
}

/// Calls `body(group, row)` for every row of the batch whose argument is valid
/// (every row when `mask` is nil), so the null test stays out of the all-valid loop.
@inline(__always)
func forEachValidRow(_ gids: UnsafeBufferPointer<UInt32>, _ mask: ValidityMask?, _ body: (Int, Int) -> Void) {
    if let mask {
        for i in 0..<gids.count where mask.isValid(i) { body(Int(gids[i]), i) }
    } else {
        for i in 0..<gids.count { body(Int(gids[i]), i) }
    }
}

/// Adds `x` to an exact 128-bit total kept as a 64-bit low word that wraps plus
/// a count of wraps (+1 past the top, -1 past the bottom), so the true total is
/// `low + wraps * 2^64` whatever the order of the additions.
@inline(__always)
func addWide(_ low: inout Int64, _ wraps: inout Int64, _ x: Int64) {
    let (r, o) = low.addingReportingOverflow(x)
    low = r
    if o { wraps &+= x < 0 ? -1 : 1 }
}

/// Neumaier's compensated step: adds `x` to `sum`, keeping the lost low-order
/// bits in `compensation`.
@inline(__always)
func addCompensated(_ sum: inout Double, _ compensation: inout Double, _ x: Double) {
    let t = sum + x
    if Swift.abs(sum) >= Swift.abs(x) { compensation += (sum - t) + x } else { compensation += (x - t) + sum }
    sum = t
}

/// A validity mask for the groups whose `has` flag is 0, or nil when all have values.
func maskFromFlags(_ has: ContiguousArray<UInt8>, _ groups: ContiguousArray<UInt32>) -> ValidityMask? {
    var mask: ValidityMask?
    for (r, g) in groups.enumerated() where has[Int(g)] == 0 {
        if mask == nil { mask = ValidityMask(count: groups.count, allValid: true) }
        mask?.set(r, valid: false)
    }
    return mask
}

/// `count()` and `share()`: rows per group.
final class CountStarAccumulator: Accumulator {
    var counts = ContiguousArray<Int64>()
    let share: Bool
    init(share: Bool) { self.share = share }

    func resize(_ groups: Int) { grow(&counts, groups, 0) }

    func update(_ gids: UnsafeBufferPointer<UInt32>, _ args: [Vector]) throws {
        counts.withUnsafeMutableBufferPointer { c in
            for g in gids { c[Int(g)] &+= 1 }
        }
    }

    func merge(_ other: Accumulator, map: UnsafeBufferPointer<UInt32>) throws {
        guard let o = other as? CountStarAccumulator else { throw mergeMismatch(self, other) }
        mergeCounts(&counts, o.counts, map)
    }

    func finish(_ groups: ContiguousArray<UInt32>, totalRows: Int) throws -> Vector {
        if share {
            let t = Double(totalRows)
            return Vector(.double(ContiguousArray(groups.map { t == 0 ? 0 : Double(counts[Int($0)]) / t })[...]))
        }
        return Vector(.int(ContiguousArray(groups.map { counts[Int($0)] })[...]))
    }
}

/// `count(x)`: non-null values per group.
final class CountAccumulator: Accumulator {
    var counts = ContiguousArray<Int64>()

    func resize(_ groups: Int) { grow(&counts, groups, 0) }

    func update(_ gids: UnsafeBufferPointer<UInt32>, _ args: [Vector]) throws {
        let v = args[0]
        if case .null = v.data { return }
        var honourNulls = true
        #if DEBUG
        honourNulls = !FaultInjection.countIncludesNulls
        #endif
        counts.withUnsafeMutableBufferPointer { c in
            if honourNulls, let mask = v.validity {
                for i in 0..<gids.count where mask.isValid(i) { c[Int(gids[i])] &+= 1 }
            } else {
                for g in gids { c[Int(g)] &+= 1 }
            }
        }
    }

    func merge(_ other: Accumulator, map: UnsafeBufferPointer<UInt32>) throws {
        guard let o = other as? CountAccumulator else { throw mergeMismatch(self, other) }
        mergeCounts(&counts, o.counts, map)
    }

    func finish(_ groups: ContiguousArray<UInt32>, totalRows: Int) throws -> Vector {
        Vector(.int(ContiguousArray(groups.map { counts[Int($0)] })[...]))
    }
}

/// Adds `other[g]` into `counts[map[g]]` for every mapped group.
func mergeCounts(_ counts: inout ContiguousArray<Int64>, _ other: ContiguousArray<Int64>, _ map: UnsafeBufferPointer<UInt32>) {
    counts.withUnsafeMutableBufferPointer { c in
        other.withUnsafeBufferPointer { o in
            for g in 0..<min(map.count, o.count) where map[g] != skipGroup { c[Int(map[g])] &+= o[g] }
        }
    }
}
