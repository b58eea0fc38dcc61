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

    func update(_ gids: UnsafeBufferPointer<UInt32>, _ args: [Vector]) throws {
        guard case .double(let a) = args[0].data else { return }
        let v = args[0]
        for i in 0..<gids.count where !v.isNull(i) {
            let x = a[a.startIndex + i]
            if x.isNaN { continue }
            groupOf.append(gids[i])
            values.append(x)
        }
    }

    func finish(_ groups: ContiguousArray<UInt32>, totalRows: Int) throws -> Vector {
        // Counting sort by group, then sort each group's slice.
        var starts = ContiguousArray<Int>(repeating: 0, count: groupCount + 1)
        for g in groupOf { starts[Int(g) + 1] += 1 }
        for i in 0..<groupCount { starts[i + 1] += starts[i] }
        var fill = starts
        var sorted = ContiguousArray<Double>(repeating: 0, count: values.count)
        for (g, x) in zip(groupOf, values) {
            sorted[fill[Int(g)]] = x
            fill[Int(g)] += 1
        }
        var mask: ValidityMask?
        var out = ContiguousArray<Double>()
        for (r, g) in groups.enumerated() {
            let lo = starts[Int(g)], hi = starts[Int(g) + 1]
            if lo == hi {
                if mask == nil { mask = ValidityMask(count: groups.count, allValid: true) }
                mask?.set(r, valid: false)
                out.append(0)
                continue
            }
            sorted[lo..<hi].sort()
            let pos = fraction * Double(hi - lo - 1)
            let below = Int(pos.rounded(.down)), above = min(hi - lo - 1, below + 1)
            let a = sorted[lo + below], b = sorted[lo + above]
            out.append(a + (b - a) * (pos - Double(below)))
        }
        return Vector(.double(out[...]), validity: mask)
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
        case .avg: return SumDoubleAccumulator(average: true)
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
