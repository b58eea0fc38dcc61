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

    func merge(_ other: Accumulator, map: UnsafeBufferPointer<UInt32>) throws {
        guard let o = other as? QuantileAccumulator else { throw mergeMismatch(self, other) }
        // Remap into scratch arrays with raw pointers, then append in bulk (per-element
        // appends to these arrays cost ~300 instructions a value, measured).
        let n = o.groupOf.count
        var groups = ContiguousArray<UInt32>(repeating: 0, count: n)
        var kept = ContiguousArray<Double>(repeating: 0, count: n)
        var m = 0
        o.groupOf.withUnsafeBufferPointer { g in
            o.values.withUnsafeBufferPointer { v in
                groups.withUnsafeMutableBufferPointer { og in
                    kept.withUnsafeMutableBufferPointer { ov in
                        for i in 0..<n {
                            let from = Int(g[i])
                            guard from < map.count, map[from] != skipGroup else { continue }
                            og[m] = map[from]
                            ov[m] = v[i]
                            m += 1
                        }
                    }
                }
            }
        }
        groupOf.append(contentsOf: groups[0..<m])
        values.append(contentsOf: kept[0..<m])
    }

    /// - Complexity: O(rows): a counting sort by group, then a selection (not a
    ///   sort) of the one or two ranks each group needs.
    func finish(_ groups: ContiguousArray<UInt32>, totalRows: Int) throws -> Vector {
        var starts = ContiguousArray<Int>(repeating: 0, count: groupCount + 1)
        groupOf.withUnsafeBufferPointer { gs in
            starts.withUnsafeMutableBufferPointer { st in
                for g in gs { st[Int(g) + 1] += 1 }
                for i in 0..<groupCount { st[i + 1] += st[i] }
            }
        }
        var fill = starts
        var sorted = ContiguousArray<Double>(repeating: 0, count: values.count)
        groupOf.withUnsafeBufferPointer { gs in
            values.withUnsafeBufferPointer { vs in
                sorted.withUnsafeMutableBufferPointer { out in
                    fill.withUnsafeMutableBufferPointer { f in
                        for i in 0..<gs.count {
                            let g = Int(gs[i])
                            out[f[g]] = vs[i]
                            f[g] += 1
                        }
                    }
                }
            }
        }
        var mask: ValidityMask?
        var out = ContiguousArray<Double>()
        out.reserveCapacity(groups.count)
        sorted.withUnsafeMutableBufferPointer { all in
            for (r, g) in groups.enumerated() {
                let lo = starts[Int(g)], hi = starts[Int(g) + 1]
                if lo == hi {
                    if mask == nil { mask = ValidityMask(count: groups.count, allValid: true) }
                    mask?.set(r, valid: false)
                    out.append(0)
                    continue
                }
                let part = UnsafeMutableBufferPointer(rebasing: all[lo..<hi])
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
                out.append(a + (b - a) * (pos - Double(below)))
            }
        }
        return Vector(.double(out[...]), validity: mask)
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
    static func make(_ call: AggregateCall) -> Accumulator {
        let argType = call.args.first?.type ?? .null
        switch call.function {
        case .count: return call.args.isEmpty ? CountStarAccumulator(share: false) : CountAccumulator()
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
