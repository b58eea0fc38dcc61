/// The output order of a grouping or `distinct` without `sort by`, the same
/// whatever the strategy (direct-indexed, packed or hashed) and the number of
/// threads, so that a plan change never reorders a report:
///
/// - when every key is an enum or a bool: by key, first key first, each in its
///   declared order (red, amber, green; false, true), null last;
/// - otherwise: in order of each group's first row (first appearance in the
///   rows that reach the grouping).
///
/// Each state records, per group id, the position of the group's first row:
/// the row's rank in arrival order in a serial run, or `Batch.origin + i`
/// (its place in the scanned table) on several threads. Merging keeps the
/// smaller position; finishing orders groups by it.
enum GroupOrder {
    /// Marks groups not seen yet.
    static let unseen = Int64.max

    /// Records `base + i` as the position of row `i` where it is smaller than
    /// the group's position so far.
    static func note(_ gids: UnsafeBufferPointer<UInt32>, base: Int64, slots: Int, into first: inout ContiguousArray<Int64>) {
        if first.count < slots { first.append(contentsOf: repeatElement(unseen, count: slots - first.count)) }
        first.withUnsafeMutableBufferPointer { f in
            for i in 0..<gids.count {
                let g = Int(gids[i]), p = base + Int64(i)
                if p < f[g] { f[g] = p }
            }
        }
    }

    /// Records `positions[i]` for the group of row `i` where it is smaller than the group's position so far.
    static func note(_ gids: UnsafeBufferPointer<UInt32>, positions: ContiguousArray<Int64>, slots: Int,
                     into first: inout ContiguousArray<Int64>) {
        if first.count < slots { first.append(contentsOf: repeatElement(unseen, count: slots - first.count)) }
        first.withUnsafeMutableBufferPointer { f in
            positions.withUnsafeBufferPointer { p in
                for i in 0..<gids.count {
                    let g = Int(gids[i])
                    if p[i] < f[g] { f[g] = p[i] }
                }
            }
        }
    }

    /// Records `positions[i]` for the group of row `i` where it is smaller than the group's position so far.
    static func note(_ gids: UnsafeBufferPointer<UInt32>, positions p: UnsafeBufferPointer<Int64>, slots: Int,
                     into first: inout ContiguousArray<Int64>) {
        if first.count < slots { first.append(contentsOf: repeatElement(unseen, count: slots - first.count)) }
        first.withUnsafeMutableBufferPointer { f in
            for i in 0..<gids.count {
                let g = Int(gids[i])
                if p[i] < f[g] { f[g] = p[i] }
            }
        }
    }

    /// Positions of `groups`, in that order.
    static func positions(_ groups: ContiguousArray<UInt32>, _ first: ContiguousArray<Int64>) -> ContiguousArray<Int64> {
        ContiguousArray(groups.map { first.indices.contains(Int($0)) ? first[Int($0)] : unseen })
    }

    /// Folds `theirs` (by their group id) into `mine` through `map` (their id →
    /// my id, or ``skipGroup``), keeping the smaller position.
    static func merge(_ theirs: ContiguousArray<Int64>, map: UnsafeBufferPointer<UInt32>, slots: Int,
                      into mine: inout ContiguousArray<Int64>) {
        if mine.count < slots { mine.append(contentsOf: repeatElement(unseen, count: slots - mine.count)) }
        mine.withUnsafeMutableBufferPointer { m in
            for g in 0..<min(theirs.count, map.count) where map[g] != skipGroup && theirs[g] != unseen {
                let to = Int(map[g])
                if theirs[g] < m[to] { m[to] = theirs[g] }
            }
        }
    }

    /// `groups` ordered by their first positions.
    static func ordered(_ groups: ContiguousArray<UInt32>, first: ContiguousArray<Int64>) -> ContiguousArray<UInt32> {
        ContiguousArray(permutation(positions(groups, first)).map { groups[Int($0)] })
    }

    /// The indices of `positions` in ascending order of position. Positions are
    /// distinct (one row is the first of at most one group), so the order is total.
    /// When they fall in a range not much larger than their number (a table's
    /// rows), they are placed by counting, linear in time (a 1e7-group result is
    /// not sorted by comparison); otherwise they are sorted.
    static func permutation(_ positions: ContiguousArray<Int64>) -> ContiguousArray<UInt32> {
        let n = positions.count
        guard n > 1 else { return ContiguousArray((0..<n).map { UInt32($0) }) }
        var lo = Int64.max, hi = Int64.min
        for p in positions { lo = min(lo, p); hi = max(hi, p) }
        let (span, overflow) = hi.subtractingReportingOverflow(lo)
        if !overflow && span < Int64(8 * n + 1024) && hi != unseen {
            var slot = ContiguousArray<Int32>(repeating: -1, count: Int(span) + 1)
            var duplicate = false
            for (i, p) in positions.enumerated() {
                let k = Int(p - lo)
                if slot[k] >= 0 { duplicate = true; break }
                slot[k] = Int32(i)
            }
            if !duplicate {
                var out = ContiguousArray<UInt32>()
                out.reserveCapacity(n)
                for s in slot where s >= 0 { out.append(UInt32(s)) }
                return out
            }
        }
        var idx = ContiguousArray((0..<n).map { UInt32($0) })
        positions.withUnsafeBufferPointer { p in
            idx.sort { p[Int($0)] != p[Int($1)] ? p[Int($0)] < p[Int($1)] : $0 < $1 }
        }
        return idx
    }

    /// Whether every key is an enum, a bool or null: then groups are ordered by key.
    static func byDeclaredOrder(_ types: [DataType]) -> Bool {
        !types.isEmpty && types.allSatisfy {
            switch $0 {
            case .enumeration, .bool, .null: return true
            default: return false
            }
        }
    }

    /// The rows of enum/bool key columns in key order: first key first, codes in
    /// declared order, null last.
    static func keyPermutation(_ keys: [Vector], count n: Int) -> ContiguousArray<UInt32> {
        let codes: [ContiguousArray<UInt64>] = keys.map { v in
            ContiguousArray((0..<n).map { r -> UInt64 in
                if v.isNull(r) { return UInt64.max }
                switch v.data {
                case .enumeration(let a, _): return UInt64(a[a.startIndex + r])
                case .bool(let a): return UInt64(a[a.startIndex + r])
                default: return UInt64.max
                }
            })
        }
        var idx = ContiguousArray((0..<n).map { UInt32($0) })
        idx.sort { a, b in
            for c in codes where c[Int(a)] != c[Int(b)] { return c[Int(a)] < c[Int(b)] }
            return a < b
        }
        return idx
    }
}
