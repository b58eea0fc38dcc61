/// The window functions, computed column-at-a-time over a ``WindowOrdering``.
///
/// Each kernel switches on the function and payload type once, then runs a loop
/// over contiguous typed buffers in window order, writing each result at its
/// input row (rows keep their input order). Aggregates over a sorted window run
/// up to the end of the current row's peer group (SQL's default frame, `RANGE
/// BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW`); without `sort by` the only peer
/// group is the whole partition, so the same loop gives whole-partition values.
enum WindowKernels {
    /// The result column of `function` over `ordering` (`argument` as computed below the window).
    static func compute(_ function: WindowFunction, offset: Int, argument: Vector?, type: DataType,
                        _ o: WindowOrdering) throws -> Vector {
        switch function {
        case .row_number, .rank, .dense_rank:
            return Vector(.int(ranks(function, o)[...]))
        case .count:
            let valid = argument.map(SortKeyEncoder.validBytes) ?? ContiguousArray(repeating: 1, count: o.count)
            return valid.withUnsafeBufferPointer { ok in
                var acc = Count(valid: ok)
                return Vector(.int(running(&acc, zero: 0, o).values[...]))
            }
        case .lag, .lead, .first, .last, .min, .max:
            guard let a = argument else { throw missingArgument(function) }
            let source: ContiguousArray<Int32>
            if function == .min || function == .max {
                let words = SortKeyEncoder.valueWords(a), valid = SortKeyEncoder.validBytes(a)
                source = words.withUnsafeBufferPointer { w in
                    valid.withUnsafeBufferPointer { ok in
                        var acc = Extreme(words: w, valid: ok, flip: function == .max ? ~0 : 0)
                        return running(&acc, zero: -1, o).values
                    }
                }
            } else {
                source = offsets(function, offset, o)
            }
            return a.gatherOptional(source)
        case .sum, .avg:
            guard let a = argument else { throw missingArgument(function) }
            var valid = SortKeyEncoder.validBytes(a)
            var data = a.data
            if case .int = data {} else if case .double = data {} else {
                // Only an all-null argument gets here (the binder admits numbers and null).
                valid = ContiguousArray(repeating: 0, count: o.count)
                data = type == .double ? .double(ContiguousArray(repeating: 0, count: o.count)[...])
                                       : .int(ContiguousArray(repeating: 0, count: o.count)[...])
            }
            return try valid.withUnsafeBufferPointer { ok -> Vector in
                switch data {
                case .int(let v):
                    return try v.withUnsafeBufferPointer { vp -> Vector in
                        if function == .avg {
                            var acc = IntAverage(values: vp, valid: ok)
                            let (out, has) = running(&acc, zero: 0, o)
                            return Vector(.double(out[...]), validity: mask(has))
                        }
                        var acc = IntSum(values: vp, valid: ok)
                        let (out, has) = running(&acc, zero: 0, o)
                        if acc.overflowed {
                            throw Diagnostic("integer overflow in sum() over a window: a total does not fit in a 64-bit integer",
                                             help: "sum a double instead, for example sum(x * 1.0) over (...)")
                        }
                        return Vector(.int(out[...]), validity: mask(has))
                    }
                case .double(let v):
                    return v.withUnsafeBufferPointer { vp in
                        var acc = DoubleSum(values: vp, valid: ok, average: function == .avg)
                        let (out, has) = running(&acc, zero: 0, o)
                        return Vector(.double(out[...]), validity: mask(has))
                    }
                default:
                    throw Diagnostic("internal error: \(function.rawValue)() over a window of a non-number")
                }
            }
        }
    }

    static func missingArgument(_ f: WindowFunction) -> Diagnostic {
        Diagnostic("internal error: \(f.rawValue)() over a window has no argument column")
    }

    /// A validity mask from result flags, or nil when every row has a value.
    static func mask(_ has: ContiguousArray<UInt8>) -> ValidityMask? {
        guard has.contains(0) else { return nil }
        return has.withUnsafeBufferPointer { ValidityMask(bytes: $0) }
    }

    /// Calls `body(a, b)` for each peer group `[a, b)` of positions, and `partition(a)` at each partition start.
    @inline(__always)
    static func forEachPeerGroup(_ o: WindowOrdering, partition: (Int) -> Void, _ body: (Int, Int) -> Void) {
        o.peerStart.withUnsafeBufferPointer { peer in
            for s in 0..<(o.partitionStarts.count - 1) {
                let a = o.partitionStarts[s], b = o.partitionStarts[s + 1]
                partition(a)
                var g = a
                while g < b {
                    var h = g + 1
                    while h < b && peer[h] == 0 { h += 1 }
                    body(g, h)
                    g = h
                }
            }
        }
    }

    /// `row_number()`, `rank()` (1 + rows before the peer group) and `dense_rank()` (peer groups so far).
    static func ranks(_ function: WindowFunction, _ o: WindowOrdering) -> ContiguousArray<Int64> {
        var f = function
        #if DEBUG
        if FaultInjection.rankIgnoresPeers && f == .rank { f = .row_number }
        #endif
        var out = ContiguousArray<Int64>(repeating: 0, count: o.count)
        out.withUnsafeMutableBufferPointer { res in
            o.permutation.withUnsafeBufferPointer { perm in
                var start = 0
                var dense: Int64 = 0
                // One loop per function: the choice is made once, not per row.
                switch f {
                case .row_number:
                    forEachPeerGroup(o, partition: { start = $0 }) { a, b in
                        for i in a..<b { res[Int(perm[i])] = Int64(i - start + 1) }
                    }
                case .rank:
                    forEachPeerGroup(o, partition: { start = $0 }) { a, b in
                        for i in a..<b { res[Int(perm[i])] = Int64(a - start + 1) }
                    }
                default:
                    forEachPeerGroup(o, partition: { _ in dense = 0 }) { a, b in
                        dense += 1
                        for i in a..<b { res[Int(perm[i])] = dense }
                    }
                }
            }
        }
        return out
    }

    /// Source rows for `lag`/`lead` (`k` positions back or ahead in the partition) and
    /// `first`/`last` (the partition's first and last row in window order); -1 is null.
    static func offsets(_ f: WindowFunction, _ k: Int, _ o: WindowOrdering) -> ContiguousArray<Int32> {
        var out = ContiguousArray<Int32>(repeating: -1, count: o.count)
        out.withUnsafeMutableBufferPointer { res in
            o.permutation.withUnsafeBufferPointer { perm in
                for s in 0..<(o.partitionStarts.count - 1) {
                    let a = o.partitionStarts[s], b = o.partitionStarts[s + 1]
                    switch f {
                    case .lag:
                        for i in a..<b { res[Int(perm[i])] = i - a >= k ? Int32(perm[i - k]) : -1 }
                    case .lead:
                        for i in a..<b { res[Int(perm[i])] = b - i > k ? Int32(perm[i + k]) : -1 }
                    case .first:
                        for i in a..<b { res[Int(perm[i])] = Int32(perm[a]) }
                    default:
                        for i in a..<b { res[Int(perm[i])] = Int32(perm[b - 1]) }
                    }
                }
            }
        }
        return out
    }

    /// The running (or partition) value of an accumulator at every row: rows are added a
    /// peer group at a time (up to the end of the current row's peers, SQL's default frame),
    /// and every row of the group gets the value; `has` is 0 where the value is null.
    /// Generic over the accumulator so each instance compiles to its own plain loop.
    static func running<A: WindowAccumulator>(_ acc: inout A, zero: A.Output,
                                              _ o: WindowOrdering) -> (values: ContiguousArray<A.Output>, has: ContiguousArray<UInt8>) {
        var out = ContiguousArray<A.Output>(repeating: zero, count: o.count)
        var has = ContiguousArray<UInt8>(repeating: 0, count: o.count)
        out.withUnsafeMutableBufferPointer { res in
            has.withUnsafeMutableBufferPointer { hs in
                o.permutation.withUnsafeBufferPointer { perm in
                    forEachPeerGroup(o, partition: { _ in acc.reset() }) { a, b in
                        for i in a..<b { acc.add(Int(perm[i])) }
                        let (value, valid) = acc.value()
                        let flag: UInt8 = valid ? 1 : 0
                        for i in a..<b {
                            let r = Int(perm[i])
                            res[r] = value
                            hs[r] = flag
                        }
                    }
                }
            }
        }
        return (out, has)
    }
}
