import Dispatch

/// `median` and `percentile(x, p)`: exact, by collecting (group, value) pairs and
/// sorting each group's values once at the end; linear interpolation between
/// the two nearest ranks (the same rule as DuckDB's `quantile_cont`).
final class QuantileAccumulator: Accumulator {
    var groupOf = ContiguousArray<UInt32>()
    var values = ContiguousArray<Double>()
    let fraction: Double
    var groupCount = 0

    init(fraction: Double) { self.fraction = fraction }

    func resize(_ groups: Int) { groupCount = max(groupCount, groups) }

    func expectRows(_ rows: Int) {
        groupOf.reserveCapacity(rows)
        values.reserveCapacity(rows)
    }

    func update(_ gids: UnsafeBufferPointer<UInt32>, _ args: [Vector]) throws {
        guard case .double(let a) = args[0].data else { return }
        let mask = args[0].validity
        // No reserveCapacity here: reserving exactly `count + n` every batch defeats
        // geometric growth and made this quadratic (measured: 300 s at 1e7 rows).
        a.withUnsafeBufferPointer { p in
            if mask == nil && !p.contains(where: { $0.isNaN }) {
                groupOf.append(contentsOf: gids)
                values.append(contentsOf: p)
                return
            }
            for i in 0..<gids.count where mask?.isValid(i) ?? true && !p[i].isNaN {
                groupOf.append(gids[i])
                values.append(p[i])
            }
        }
    }

    /// Another thread's values, kept as they are with the map of their groups
    /// into ours: `finish` scatters every part straight into place, so merging
    /// copies nothing (copying half the values again cost q6 its 2-thread speed-up).
    private var parts: [(groupOf: ContiguousArray<UInt32>, values: ContiguousArray<Double>, map: ContiguousArray<UInt32>)] = []

    func merge(_ other: Accumulator, map: UnsafeBufferPointer<UInt32>) throws {
        guard let o = other as? QuantileAccumulator else { throw mergeMismatch(self, other) }
        parts.append((o.groupOf, o.values, ContiguousArray(map)))
        parts.append(contentsOf: o.parts.map { part in
            // A part the other accumulator had merged: compose the two maps.
            (part.groupOf, part.values, ContiguousArray(part.map.map { g in
                Int(g) < map.count && g != skipGroup ? map[Int(g)] : skipGroup
            }))
        })
    }

    /// - Complexity: O(rows): a counting sort by group, then a selection (not a
    ///   sort) of the one or two ranks each group needs. With merged parts, each
    ///   part is counted and scattered on its own thread, and the groups'
    ///   selections are split between the threads.
    func finish(_ groups: ContiguousArray<UInt32>, totalRows: Int) throws -> Vector {
        let identity = ContiguousArray<UInt32>()
        let all = [(groupOf, values, identity)] + parts
        let width = all.count
        let g1 = groupCount + 1
        // counts[p * g1 + g + 1]: values of part p in group g (mapped).
        var counts = ContiguousArray<Int>(repeating: 0, count: width * g1)
        counts.withUnsafeMutableBufferPointer { cs in
            let c = cs
            QuantileAccumulator.forEach(width) { p in
                let (gs, _, map) = all[p]
                let base = p * g1
                gs.withUnsafeBufferPointer { g in
                    map.withUnsafeBufferPointer { m in
                        if m.isEmpty {
                            for x in g { c[base + Int(x) + 1] += 1 }
                        } else {
                            for x in g where Int(x) < m.count && m[Int(x)] != skipGroup { c[base + Int(m[Int(x)]) + 1] += 1 }
                        }
                    }
                }
            }
        }
        // starts[g]: first slot of group g; fill[p * g1 + g]: next slot of part p in group g.
        var starts = ContiguousArray<Int>(repeating: 0, count: g1)
        var fill = ContiguousArray<Int>(repeating: 0, count: width * g1)
        counts.withUnsafeBufferPointer { c in
            starts.withUnsafeMutableBufferPointer { st in
                fill.withUnsafeMutableBufferPointer { f in
                    var next = 0
                    for g in 0..<groupCount {
                        st[g] = next
                        for p in 0..<width {
                            f[p * g1 + g] = next
                            next += c[p * g1 + g + 1]
                        }
                    }
                    st[groupCount] = next
                }
            }
        }
        let total = starts[groupCount]
        var sorted = ContiguousArray<Double>(repeating: 0, count: total)
        sorted.withUnsafeMutableBufferPointer { outs in
            fill.withUnsafeMutableBufferPointer { fs in
                let out = outs, f = fs
                QuantileAccumulator.forEach(width) { p in
                    let (gs, vs, map) = all[p]
                    let base = p * g1
                    gs.withUnsafeBufferPointer { g in
                        vs.withUnsafeBufferPointer { v in
                            map.withUnsafeBufferPointer { m in
                                for i in 0..<g.count {
                                    var grp = Int(g[i])
                                    if !m.isEmpty {
                                        guard grp < m.count, m[grp] != skipGroup else { continue }
                                        grp = Int(m[grp])
                                    }
                                    out[f[base + grp]] = v[i]
                                    f[base + grp] += 1
                                }
                            }
                        }
                    }
                }
            }
        }
        var out = ContiguousArray<Double>(repeating: 0, count: groups.count)
        var empty = ContiguousArray<Bool>(repeating: false, count: groups.count)
        let fraction = self.fraction
        sorted.withUnsafeMutableBufferPointer { allValues in
            out.withUnsafeMutableBufferPointer { os in
                empty.withUnsafeMutableBufferPointer { es in
                    starts.withUnsafeBufferPointer { st in
                        groups.withUnsafeBufferPointer { gs in
                            let values = allValues, o = os, e = es
                            let chunks = width, per = (gs.count + chunks - 1) / max(chunks, 1)
                            QuantileAccumulator.forEach(chunks) { t in
                                let from = t * per, to = min(gs.count, from + per)
                                guard from < to else { return }
                                for r in from..<to {
                                    let g = Int(gs[r])
                                    let lo = st[g], hi = st[g + 1]
                                    if lo == hi { e[r] = true; continue }
                                    let part = UnsafeMutableBufferPointer(rebasing: values[lo..<hi])
                                    let pos = fraction * Double(hi - lo - 1)
                                    let below = Int(pos.rounded(.down)), above = min(hi - lo - 1, below + 1)
                                    QuantileAccumulator.select(part, below)
                                    let a = part[below]
                                    // After selecting rank `below`, rank `below + 1` is the minimum of the right part.
                                    var b = a
                                    if above > below {
                                        b = part[above]
                                        for i in (above + 1)..<part.count where part[i] < b { b = part[i] }
                                    }
                                    o[r] = a + (b - a) * (pos - Double(below))
                                }
                            }
                        }
                    }
                }
            }
        }
        var mask: ValidityMask?
        for r in 0..<groups.count where empty[r] {
            if mask == nil { mask = ValidityMask(count: groups.count, allValid: true) }
            mask?.set(r, valid: false)
        }
        return Vector(.double(out[...]), validity: mask)
    }

    /// Runs `body` for 0..<n, on n threads when n > 1 (one per merged part).
    private static func forEach(_ n: Int, _ body: (Int) -> Void) {
        ParallelTasks.forEach(n, body)
    }

    /// Moves the `k`-th smallest value to position `k`, smaller ones before it and
    /// larger ones after (Hoare's quickselect with a median-of-three pivot; no NaNs).
    /// - Complexity: O(n) expected.
    static func select(_ a: UnsafeMutableBufferPointer<Double>, _ k: Int) {
        var lo = 0, hi = a.count - 1
        while hi > lo {
            let mid = lo + (hi - lo) / 2
            if a[mid] < a[lo] { a.swapAt(mid, lo) }
            if a[hi] < a[lo] { a.swapAt(hi, lo) }
            if a[hi] < a[mid] { a.swapAt(hi, mid) }
            let pivot = a[mid]
            var i = lo, j = hi
            while i <= j {
                while a[i] < pivot { i += 1 }
                while a[j] > pivot { j -= 1 }
                if i <= j {
                    a.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if k <= j { hi = j } else if k >= i { lo = i } else { return }
        }
    }
}

/// `count_distinct(x)`: (group, normalised value) pairs, sorted and counted once at the end.
final class CountDistinctAccumulator: Accumulator {
    let normalizer: KeyNormalizer
    var pairs = ContiguousArray<(UInt32, UInt64)>()
    var groupCount = 0
    private var scratch = ContiguousArray<UInt64>()

    init(type: DataType) { normalizer = KeyNormalizer(types: [type]) }

    func resize(_ groups: Int) { groupCount = max(groupCount, groups) }

    func update(_ gids: UnsafeBufferPointer<UInt32>, _ args: [Vector]) throws {
        let v = args[0], n = gids.count, w = normalizer.width
        if scratch.count < n * w { scratch = ContiguousArray(repeating: 0, count: n * w) }
        scratch.withUnsafeMutableBufferPointer { normalizer.normalize([v], count: n, into: $0) }
        for i in 0..<n where !v.isNull(i) { pairs.append((gids[i], scratch[i * w])) }
    }

    /// Values are compared as normalised words; text words are only comparable
    /// within one normaliser, so those are re-interned into this one.
    func merge(_ other: Accumulator, map: UnsafeBufferPointer<UInt32>) throws {
        guard let o = other as? CountDistinctAccumulator else { throw mergeMismatch(self, other) }
        var remap: ContiguousArray<UInt32>?
        if let theirs = o.normalizer.interners[0], let ours = normalizer.interners[0] {
            remap = ContiguousArray(theirs.strings.map { ours.intern($0) })
        }
        for (g, x) in o.pairs where Int(g) < map.count && map[Int(g)] != skipGroup {
            pairs.append((map[Int(g)], remap.map { UInt64($0[Int(x)]) } ?? x))
        }
    }

    func finish(_ groups: ContiguousArray<UInt32>, totalRows: Int) throws -> Vector {
        pairs.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        var counts = ContiguousArray<Int64>(repeating: 0, count: groupCount)
        var prev: (UInt32, UInt64)?
        for p in pairs {
            if let q = prev, q.0 == p.0, q.1 == p.1 { continue }
            counts[Int(p.0)] += 1
            prev = p
        }
        return Vector(.int(ContiguousArray(groups.map { counts[Int($0)] })[...]))
    }
}

/// Makes the accumulator for an aggregate call.
enum AccumulatorFactory {
    static func make(_ call: PhysicalAggregateCall) -> Accumulator {
        let argType = call.args.first?.type ?? .null
        switch call.function {
        case .count: return call.args.isEmpty ? CountStarAccumulator(share: false) : CountAccumulator()
        // The conditional aggregates' argument is already `case when C then E end`.
        case .count_if: return CountAccumulator()
        case .sum_if: return argType == .double ? SumDoubleAccumulator(average: false) : SumIntAccumulator()
        case .avg_if: return argType == .int ? AvgIntAccumulator() : SumDoubleAccumulator(average: true)
        case .string_agg: return StringAggAccumulator(separator: call.separator)
        case .share: return CountStarAccumulator(share: true)
        case .count_distinct: return CountDistinctAccumulator(type: argType)
        case .sum: return argType == .double ? SumDoubleAccumulator(average: false) : SumIntAccumulator()
        case .avg: return argType == .int ? AvgIntAccumulator() : SumDoubleAccumulator(average: true)
        case .median: return QuantileAccumulator(fraction: 0.5)
        case .percentile: return QuantileAccumulator(fraction: call.fraction)
        case .stddev: return StddevAccumulator()
        case .corr: return CorrAccumulator()
        case .min, .max:
            let isMax = call.function == .max
            switch argType {
            case .double:
                return MinMaxAccumulator<Double>(isMax: isMax, zero: 0, extract: { if case .double(let a) = $0 { return a } else { return nil } }, make: { .double($0) })
            case .date:
                return MinMaxAccumulator<Int32>(isMax: isMax, zero: 0, extract: { if case .date(let a) = $0 { return a } else { return nil } }, make: { .date($0) })
            case .bool:
                return MinMaxAccumulator<UInt8>(isMax: isMax, zero: 0, extract: { if case .bool(let a) = $0 { return a } else { return nil } }, make: { .bool($0) })
            case .enumeration(let e):
                return MinMaxAccumulator<UInt32>(isMax: isMax, zero: 0, extract: { if case .enumeration(let a, _) = $0 { return a } else { return nil } }, make: { .enumeration($0, e) })
            case .text:
                return TextMinMaxAccumulator(isMax: isMax)
            default:
                return MinMaxAccumulator<Int64>(isMax: isMax, zero: 0, extract: { if case .int(let a) = $0 { return a } else { return nil } }, make: { .int($0) })
            }
        }
    }
}
