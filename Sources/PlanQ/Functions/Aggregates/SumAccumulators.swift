/// `sum` of integers: exact, and an error (not a wrap) when a group's total does
/// not fit in 64 bits. Null when a group has no values.
///
/// The running sum may leave the 64-bit range and come back (`max + 1 - 1`): each
/// wrap is counted (+1 past the top, -1 past the bottom), so the true total is
/// `sums + wraps * 2^64` and the answer does not depend on the order of rows.
final class SumIntAccumulator: Accumulator {
    var sums = ContiguousArray<Int64>()
    var wraps = ContiguousArray<Int64>()
    var has = ContiguousArray<UInt8>()

    func resize(_ groups: Int) {
        grow(&sums, groups, 0)
        grow(&wraps, groups, 0)
        grow(&has, groups, 0)
    }

    func update(_ gids: UnsafeBufferPointer<UInt32>, _ args: [Vector]) throws {
        guard case .int(let a) = args[0].data else { return }
        let mask = args[0].validity
        a.withUnsafeBufferPointer { p in
            sums.withUnsafeMutableBufferPointer { s in
                wraps.withUnsafeMutableBufferPointer { w in
                    has.withUnsafeMutableBufferPointer { h in
                        forEachValidRow(gids, mask) { g, i in
                            addWide(&s[g], &w[g], p[i])
                            h[g] = 1
                        }
                    }
                }
            }
        }
    }

    func merge(_ other: Accumulator, map: UnsafeBufferPointer<UInt32>) throws {
        guard let o = other as? SumIntAccumulator else { throw mergeMismatch(self, other) }
        // A thread's partial total may overflow while the whole total fits (or the
        // reverse): carry the wraps, and decide only in `finish`.
        for g in 0..<min(map.count, o.sums.count) where map[g] != skipGroup && o.has[g] != 0 {
            let t = Int(map[g])
            addWide(&sums[t], &wraps[t], o.sums[g])
            wraps[t] &+= o.wraps[g]
            has[t] = 1
        }
    }

    func finish(_ groups: ContiguousArray<UInt32>, totalRows: Int) throws -> Vector {
        for g in groups where wraps[Int(g)] != 0 {
            throw Diagnostic("integer overflow in sum(): a group's total does not fit in a 64-bit integer",
                             help: "sum a double instead, for example sum(x * 1.0)")
        }
        return Vector(.int(ContiguousArray(groups.map { sums[Int($0)] })[...]), validity: maskFromFlags(has, groups))
    }
}

/// `avg` of integers: an exact 128-bit running sum per group (a 64-bit low word
/// that wraps plus a count of wraps), so no cast to double per value and no
/// rounding until the final division.
final class AvgIntAccumulator: Accumulator {
    var low = ContiguousArray<Int64>()
    var wraps = ContiguousArray<Int64>()
    var counts = ContiguousArray<Int64>()

    func resize(_ groups: Int) {
        grow(&low, groups, 0)
        grow(&wraps, groups, 0)
        grow(&counts, groups, 0)
    }

    func update(_ gids: UnsafeBufferPointer<UInt32>, _ args: [Vector]) throws {
        guard case .int(let a) = args[0].data else { return }
        let mask = args[0].validity
        a.withUnsafeBufferPointer { p in
            low.withUnsafeMutableBufferPointer { s in
                wraps.withUnsafeMutableBufferPointer { w in
                    counts.withUnsafeMutableBufferPointer { c in
                        forEachValidRow(gids, mask) { g, i in
                            addWide(&s[g], &w[g], p[i])
                            c[g] &+= 1
                        }
                    }
                }
            }
        }
    }

    func merge(_ other: Accumulator, map: UnsafeBufferPointer<UInt32>) throws {
        guard let o = other as? AvgIntAccumulator else { throw mergeMismatch(self, other) }
        for g in 0..<min(map.count, o.low.count) where map[g] != skipGroup {
            let t = Int(map[g])
            addWide(&low[t], &wraps[t], o.low[g])
            wraps[t] &+= o.wraps[g]
            counts[t] &+= o.counts[g]
        }
    }

    func finish(_ groups: ContiguousArray<UInt32>, totalRows: Int) throws -> Vector {
        var mask: ValidityMask?
        var out = ContiguousArray<Double>()
        out.reserveCapacity(groups.count)
        for (r, g) in groups.enumerated() {
            let i = Int(g)
            if counts[i] == 0 {
                if mask == nil { mask = ValidityMask(count: groups.count, allValid: true) }
                mask?.set(r, valid: false)
                out.append(0)
                continue
            }
            let n = Double(counts[i])
            // Divide each word separately so that huge totals do not round twice as much.
            out.append(wraps[i] == 0 ? Double(low[i]) / n : (Double(wraps[i]) * 18_446_744_073_709_551_616.0 + Double(low[i])) / n)
        }
        return Vector(.double(out[...]), validity: mask)
    }
}

/// `sum` and `avg` of doubles with Neumaier's compensated summation, so that
/// adding many values loses no more than the final rounding.
final class SumDoubleAccumulator: Accumulator {
    var sums = ContiguousArray<Double>()
    var compensation = ContiguousArray<Double>()
    var counts = ContiguousArray<Int64>()
    let average: Bool

    init(average: Bool) { self.average = average }

    func resize(_ groups: Int) {
        grow(&sums, groups, 0)
        grow(&compensation, groups, 0)
        grow(&counts, groups, 0)
    }

    func update(_ gids: UnsafeBufferPointer<UInt32>, _ args: [Vector]) throws {
        guard case .double(let a) = args[0].data else { return }
        let mask = args[0].validity
        a.withUnsafeBufferPointer { p in
            sums.withUnsafeMutableBufferPointer { s in
                compensation.withUnsafeMutableBufferPointer { c in
                    counts.withUnsafeMutableBufferPointer { n in
                        forEachValidRow(gids, mask) { g, i in
                            addCompensated(&s[g], &c[g], p[i])
                            n[g] &+= 1
                        }
                    }
                }
            }
        }
    }

    func merge(_ other: Accumulator, map: UnsafeBufferPointer<UInt32>) throws {
        guard let o = other as? SumDoubleAccumulator else { throw mergeMismatch(self, other) }
        sums.withUnsafeMutableBufferPointer { s in
            compensation.withUnsafeMutableBufferPointer { c in
                counts.withUnsafeMutableBufferPointer { n in
                    o.sums.withUnsafeBufferPointer { os in
                        o.compensation.withUnsafeBufferPointer { oc in
                            o.counts.withUnsafeBufferPointer { on in
                                for g in 0..<min(map.count, os.count) where map[g] != skipGroup && on[g] != 0 {
                                    let t = Int(map[g])
                                    addCompensated(&s[t], &c[t], os[g])
                                    c[t] += oc[g]
                                    n[t] &+= on[g]
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    func finish(_ groups: ContiguousArray<UInt32>, totalRows: Int) throws -> Vector {
        var mask: ValidityMask?
        var out = ContiguousArray<Double>()
        out.reserveCapacity(groups.count)
        for (r, g) in groups.enumerated() {
            let i = Int(g)
            if counts[i] == 0 {
                if mask == nil { mask = ValidityMask(count: groups.count, allValid: true) }
                mask?.set(r, valid: false)
                out.append(0)
                continue
            }
            // inf + (-inf) compensation is NaN: fall back to the plain sum then.
            let c = compensation[i]
            let total = c.isFinite ? sums[i] + c : sums[i]
            out.append(average ? total / Double(counts[i]) : total)
        }
        return Vector(.double(out[...]), validity: mask)
    }
}
