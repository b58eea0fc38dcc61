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
                        @inline(__always) func add(_ g: Int, _ x: Int64) {
                            let (r, o) = s[g].addingReportingOverflow(x)
                            // Overflow adding a positive value wrapped past the top; a negative one, past the bottom.
                            if o { w[g] &+= x > 0 ? 1 : -1 }
                            s[g] = r
                            h[g] = 1
                        }
                        if let mask {
                            for i in 0..<gids.count where mask.isValid(i) { add(Int(gids[i]), p[i]) }
                        } else {
                            for i in 0..<gids.count { add(Int(gids[i]), p[i]) }
                        }
                    }
                }
            }
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
                        @inline(__always) func add(_ g: Int, _ x: Double) {
                            let sum = s[g], t = sum + x
                            if Swift.abs(sum) >= Swift.abs(x) { c[g] += (sum - t) + x } else { c[g] += (x - t) + sum }
                            s[g] = t
                            n[g] &+= 1
                        }
                        if let mask {
                            for i in 0..<gids.count where mask.isValid(i) { add(Int(gids[i]), p[i]) }
                        } else {
                            for i in 0..<gids.count { add(Int(gids[i]), p[i]) }
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
