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
            return Vector(.int(counts(argument.map(validBytes), o)[...]))
        case .lag, .lead, .first, .last, .min, .max:
            guard let a = argument else { throw missingArgument(function) }
            let source = function == .min || function == .max
                ? extremes(SortKeyEncoder.valueWords(a), validBytes(a), max: function == .max, o)
                : offsets(function, offset, o)
            return a.gatherOptional(source)
        case .sum, .avg:
            guard let a = argument else { throw missingArgument(function) }
            let valid = validBytes(a)
            switch a.data {
            case .int(let v):
                return try function == .sum ? sumInt(v, valid, o) : avgInt(v, valid, o)
            case .double(let v):
                return sumDouble(v, valid, average: function == .avg, o)
            default:
                // Only an all-null argument gets here (the binder admits numbers and null).
                let zeros = ContiguousArray<UInt8>(repeating: 0, count: o.count)
                return type == .double
                    ? sumDouble(ContiguousArray(repeating: 0, count: o.count)[...], zeros, average: true, o)
                    : try sumInt(ContiguousArray(repeating: 0, count: o.count)[...], zeros, o)
            }
        }
    }

    static func missingArgument(_ f: WindowFunction) -> Diagnostic {
        Diagnostic("internal error: \(f.rawValue)() over a window has no argument column")
    }

    /// One byte per row, 1 where the value is not null.
    static func validBytes(_ v: Vector) -> ContiguousArray<UInt8> {
        let n = v.count
        if case .null = v.data { return ContiguousArray(repeating: 0, count: n) }
        guard let m = v.validity else { return ContiguousArray(repeating: 1, count: n) }
        var out = ContiguousArray<UInt8>(repeating: 0, count: n)
        out.withUnsafeMutableBufferPointer { p in
            for i in 0..<n where m.isValid(i) { p[i] = 1 }
        }
        return out
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

    /// `count()` (rows) or `count(x)` (non-null values), up to the end of each peer group.
    static func counts(_ valid: ContiguousArray<UInt8>?, _ o: WindowOrdering) -> ContiguousArray<Int64> {
        var out = ContiguousArray<Int64>(repeating: 0, count: o.count)
        let ones = valid ?? ContiguousArray(repeating: 1, count: o.count)
        out.withUnsafeMutableBufferPointer { res in
            o.permutation.withUnsafeBufferPointer { perm in
                ones.withUnsafeBufferPointer { ok in
                    var c: Int64 = 0
                    forEachPeerGroup(o, partition: { _ in c = 0 }) { a, b in
                        for i in a..<b { c += Int64(ok[Int(perm[i])]) }
                        for i in a..<b { res[Int(perm[i])] = c }
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

    /// Source rows of the running `min`/`max` (by order words; nulls skipped; the first of equals wins).
    static func extremes(_ words: ContiguousArray<UInt64>, _ valid: ContiguousArray<UInt8>, max: Bool,
                         _ o: WindowOrdering) -> ContiguousArray<Int32> {
        var out = ContiguousArray<Int32>(repeating: -1, count: o.count)
        let flip: UInt64 = max ? ~0 : 0
        out.withUnsafeMutableBufferPointer { res in
            o.permutation.withUnsafeBufferPointer { perm in
                words.withUnsafeBufferPointer { w in
                    valid.withUnsafeBufferPointer { ok in
                        var best: Int32 = -1
                        var bestWord: UInt64 = 0
                        forEachPeerGroup(o, partition: { _ in best = -1 }) { a, b in
                            for i in a..<b {
                                let r = Int(perm[i])
                                let x = w[r] ^ flip
                                if ok[r] != 0 && (best < 0 || x < bestWord) { best = Int32(r); bestWord = x }
                            }
                            for i in a..<b { res[Int(perm[i])] = best }
                        }
                    }
                }
            }
        }
        return out
    }

    /// Exact running (or partition) `sum` of integers; an error when a total does not fit in 64 bits.
    static func sumInt(_ values: ArraySlice<Int64>, _ valid: ContiguousArray<UInt8>, _ o: WindowOrdering) throws -> Vector {
        var out = ContiguousArray<Int64>(repeating: 0, count: o.count)
        var has = ContiguousArray<UInt8>(repeating: 0, count: o.count)
        var overflow = false
        out.withUnsafeMutableBufferPointer { res in
            has.withUnsafeMutableBufferPointer { hs in
                o.permutation.withUnsafeBufferPointer { perm in
                    values.withUnsafeBufferPointer { v in
                        valid.withUnsafeBufferPointer { ok in
                            var low: Int64 = 0, wraps: Int64 = 0
                            var any: UInt8 = 0
                            forEachPeerGroup(o, partition: { _ in low = 0; wraps = 0; any = 0 }) { a, b in
                                for i in a..<b {
                                    let r = Int(perm[i])
                                    if ok[r] != 0 { addWide(&low, &wraps, v[r]); any = 1 }
                                }
                                if wraps != 0 { overflow = true }
                                for i in a..<b {
                                    let r = Int(perm[i])
                                    res[r] = low
                                    hs[r] = any
                                }
                            }
                        }
                    }
                }
            }
        }
        if overflow {
            throw Diagnostic("integer overflow in sum() over a window: a total does not fit in a 64-bit integer",
                             help: "sum a double instead, for example sum(x * 1.0) over (...)")
        }
        return Vector(.int(out[...]), validity: mask(has))
    }

    /// Running (or partition) `avg` of integers from an exact 128-bit sum.
    static func avgInt(_ values: ArraySlice<Int64>, _ valid: ContiguousArray<UInt8>, _ o: WindowOrdering) throws -> Vector {
        var out = ContiguousArray<Double>(repeating: 0, count: o.count)
        var has = ContiguousArray<UInt8>(repeating: 0, count: o.count)
        out.withUnsafeMutableBufferPointer { res in
            has.withUnsafeMutableBufferPointer { hs in
                o.permutation.withUnsafeBufferPointer { perm in
                    values.withUnsafeBufferPointer { v in
                        valid.withUnsafeBufferPointer { ok in
                            var low: Int64 = 0, wraps: Int64 = 0, n: Int64 = 0
                            forEachPeerGroup(o, partition: { _ in low = 0; wraps = 0; n = 0 }) { a, b in
                                for i in a..<b {
                                    let r = Int(perm[i])
                                    if ok[r] != 0 { addWide(&low, &wraps, v[r]); n += 1 }
                                }
                                let c = Double(n)
                                let avg = wraps == 0 ? Double(low) / c : (Double(wraps) * 18_446_744_073_709_551_616.0 + Double(low)) / c
                                for i in a..<b {
                                    let r = Int(perm[i])
                                    res[r] = n > 0 ? avg : 0
                                    hs[r] = n > 0 ? 1 : 0
                                }
                            }
                        }
                    }
                }
            }
        }
        return Vector(.double(out[...]), validity: mask(has))
    }

    /// Running (or partition) `sum` or `avg` of doubles, compensated as planq's aggregates are.
    static func sumDouble(_ values: ArraySlice<Double>, _ valid: ContiguousArray<UInt8>, average: Bool,
                          _ o: WindowOrdering) -> Vector {
        var out = ContiguousArray<Double>(repeating: 0, count: o.count)
        var has = ContiguousArray<UInt8>(repeating: 0, count: o.count)
        out.withUnsafeMutableBufferPointer { res in
            has.withUnsafeMutableBufferPointer { hs in
                o.permutation.withUnsafeBufferPointer { perm in
                    values.withUnsafeBufferPointer { v in
                        valid.withUnsafeBufferPointer { ok in
                            var sum = 0.0, comp = 0.0, n = 0
                            forEachPeerGroup(o, partition: { _ in sum = 0; comp = 0; n = 0 }) { a, b in
                                for i in a..<b {
                                    let r = Int(perm[i])
                                    if ok[r] != 0 { addCompensated(&sum, &comp, v[r]); n += 1 }
                                }
                                // inf + (-inf) compensation is NaN: fall back to the plain sum then.
                                let total = comp.isFinite ? sum + comp : sum
                                let value = average ? total / Double(max(n, 1)) : total
                                for i in a..<b {
                                    let r = Int(perm[i])
                                    res[r] = value
                                    hs[r] = n > 0 ? 1 : 0
                                }
                            }
                        }
                    }
                }
            }
        }
        return Vector(.double(out[...]), validity: mask(has))
    }
}
