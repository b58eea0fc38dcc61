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
            n.withUnsafeMutableBufferPointer { cnt in
                mean.withUnsafeMutableBufferPointer { mu in
                    m2.withUnsafeMutableBufferPointer { m in
                        forEachValidRow(gids, mask) { g, i in
                            let x = p[i], c = cnt[g] + 1
                            cnt[g] = c
                            let d = x - mu[g]
                            let u = mu[g] + d / c
                            mu[g] = u
                            m[g] += d * (x - u)
                        }
                    }
                }
            }
        }
    }

    /// Chan et al.'s pairwise combination of two (count, mean, M2) states.
    func merge(_ other: Accumulator, map: UnsafeBufferPointer<UInt32>) throws {
        guard let o = other as? StddevAccumulator else { throw mergeMismatch(self, other) }
        for g in 0..<min(map.count, o.n.count) where map[g] != skipGroup && o.n[g] > 0 {
            let t = Int(map[g])
            let na = n[t], nb = o.n[g], total = na + nb
            let d = o.mean[g] - mean[t]
            mean[t] += d * nb / total
            m2[t] += o.m2[g] + d * d * na * nb / total
            n[t] = total
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
        let both = ValidityMask.and(args[0].validity, args[1].validity)
        a.withUnsafeBufferPointer { p in
            b.withUnsafeBufferPointer { q in
                n.withUnsafeMutableBufferPointer { cnt in
                    mx.withUnsafeMutableBufferPointer { ux in
                        my.withUnsafeMutableBufferPointer { uy in
                            sxx.withUnsafeMutableBufferPointer { cxx in
                                syy.withUnsafeMutableBufferPointer { cyy in
                                    sxy.withUnsafeMutableBufferPointer { cxy in
                                        @inline(__always) func add(_ g: Int, _ x: Double, _ y: Double) {
                                            let c = cnt[g] + 1
                                            cnt[g] = c
                                            let dx = x - ux[g], dy = y - uy[g]
                                            let nx = ux[g] + dx / c, ny = uy[g] + dy / c
                                            ux[g] = nx
                                            uy[g] = ny
                                            cxx[g] += dx * (x - nx)
                                            cyy[g] += dy * (y - ny)
                                            cxy[g] += dx * (y - ny)
                                        }
                                        if let both {
                                            for i in 0..<gids.count where both.isValid(i) { add(Int(gids[i]), p[i], q[i]) }
                                        } else {
                                            for i in 0..<gids.count { add(Int(gids[i]), p[i], q[i]) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Pairwise combination of two co-moment states (Chan et al., extended to covariance).
    func merge(_ other: Accumulator, map: UnsafeBufferPointer<UInt32>) throws {
        guard let o = other as? CorrAccumulator else { throw mergeMismatch(self, other) }
        for g in 0..<min(map.count, o.n.count) where map[g] != skipGroup && o.n[g] > 0 {
            let t = Int(map[g])
            let na = n[t], nb = o.n[g], total = na + nb
            let dx = o.mx[g] - mx[t], dy = o.my[g] - my[t]
            let w = na * nb / total
            mx[t] += dx * nb / total
            my[t] += dy * nb / total
            sxx[t] += o.sxx[g] + dx * dx * w
            syy[t] += o.syy[g] + dy * dy * w
            sxy[t] += o.sxy[g] + dx * dy * w
            n[t] = total
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
