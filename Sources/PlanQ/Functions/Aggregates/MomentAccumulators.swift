import Foundation

/// `stddev` (sample standard deviation) by Welford's online update, which stays
/// accurate where sum-of-squares formulas cancel catastrophically. Null for fewer than two values.
final class StddevAccumulator: Accumulator {
    var n = ContiguousArray<Double>()
    var mean = ContiguousArray<Double>()
    var m2 = ContiguousArray<Double>()

    func resize(_ groups: Int) {
        grow(&n, groups, 0)
        grow(&mean, groups, 0)
        grow(&m2, groups, 0)
    }

    func update(_ gids: UnsafeBufferPointer<UInt32>, _ args: [Vector]) throws {
        guard case .double(let a) = args[0].data else { return }
        let mask = args[0].validity
        a.withUnsafeBufferPointer { p in
            for i in 0..<gids.count {
                if let mask, !mask.isValid(i) { continue }
                let g = Int(gids[i]), x = p[i]
                n[g] += 1
                let d = x - mean[g]
                mean[g] += d / n[g]
                m2[g] += d * (x - mean[g])
            }
        }
    }

    func finish(_ groups: ContiguousArray<UInt32>, totalRows: Int) throws -> Vector {
        var mask: ValidityMask?
        let out = ContiguousArray(groups.enumerated().map { (r, g) -> Double in
            let i = Int(g)
            if n[i] < 2 {
                if mask == nil { mask = ValidityMask(count: groups.count, allValid: true) }
                mask?.set(r, valid: false)
                return 0
            }
            return (m2[i] / (n[i] - 1)).squareRoot()
        })
        return Vector(.double(out[...]), validity: mask)
    }
}

/// `corr(x, y)`: Pearson correlation from online co-moments over rows where both are non-null.
/// Null for fewer than two pairs or when either variance is zero.
final class CorrAccumulator: Accumulator {
    var n = ContiguousArray<Double>()
    var mx = ContiguousArray<Double>(), my = ContiguousArray<Double>()
    var sxx = ContiguousArray<Double>(), syy = ContiguousArray<Double>(), sxy = ContiguousArray<Double>()

    func resize(_ groups: Int) {
        for i in 0..<6 {
            switch i {
            case 0: grow(&n, groups, 0)
            case 1: grow(&mx, groups, 0)
            case 2: grow(&my, groups, 0)
            case 3: grow(&sxx, groups, 0)
            case 4: grow(&syy, groups, 0)
            default: grow(&sxy, groups, 0)
            }
        }
    }

    func update(_ gids: UnsafeBufferPointer<UInt32>, _ args: [Vector]) throws {
        guard case .double(let a) = args[0].data, case .double(let b) = args[1].data else { return }
        let va = args[0], vb = args[1]
        a.withUnsafeBufferPointer { p in
            b.withUnsafeBufferPointer { q in
                for i in 0..<gids.count where !va.isNull(i) && !vb.isNull(i) {
                    let g = Int(gids[i]), x = p[i], y = q[i]
                    n[g] += 1
                    let dx = x - mx[g]
                    mx[g] += dx / n[g]
                    let dy = y - my[g]
                    my[g] += dy / n[g]
                    sxx[g] += dx * (x - mx[g])
                    syy[g] += dy * (y - my[g])
                    sxy[g] += dx * (y - my[g])
                }
            }
        }
    }

    func finish(_ groups: ContiguousArray<UInt32>, totalRows: Int) throws -> Vector {
        var mask: ValidityMask?
        let out = ContiguousArray(groups.enumerated().map { (r, g) -> Double in
            let i = Int(g)
            let denom = (sxx[i] * syy[i]).squareRoot()
            if n[i] < 2 || denom == 0 || !denom.isFinite {
                if mask == nil { mask = ValidityMask(count: groups.count, allValid: true) }
                mask?.set(r, valid: false)
                return 0
            }
            return max(-1, min(1, sxy[i] / denom))
        })
        return Vector(.double(out[...]), validity: mask)
    }
}
