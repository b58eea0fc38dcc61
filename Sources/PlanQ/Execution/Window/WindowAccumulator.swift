/// The state of one running window aggregate (``WindowKernels/running(_:zero:_:)``):
/// rows are added a peer group at a time, and each row of the group gets `value()`.
///
/// Implementations read typed buffers they were made with; they are structs, so the
/// generic loop is specialised per accumulator and nothing is boxed per row.
protocol WindowAccumulator {
    associatedtype Output
    /// Starts again at a partition's first row.
    mutating func reset()
    /// Adds input row `r` (nulls are skipped by the accumulator).
    mutating func add(_ r: Int)
    /// The value over the rows added since the last reset, and whether it is non-null.
    mutating func value() -> (Output, Bool)
}

extension WindowKernels {
    /// `count()` (every row valid) or `count(x)` (valid: x is not null); never null.
    struct Count: WindowAccumulator {
        let valid: UnsafeBufferPointer<UInt8>
        var n: Int64 = 0

        init(valid: UnsafeBufferPointer<UInt8>) { self.valid = valid }
        mutating func reset() { n = 0 }
        @inline(__always) mutating func add(_ r: Int) { n += Int64(valid[r]) }
        func value() -> (Int64, Bool) { (n, true) }
    }

    /// Running `min`/`max` as the source row of the best value by order words (`flip`
    /// all ones for max); nulls skipped, the first of equals wins, -1 for none.
    struct Extreme: WindowAccumulator {
        let words: UnsafeBufferPointer<UInt64>
        let valid: UnsafeBufferPointer<UInt8>
        let flip: UInt64
        var best: Int32 = -1
        var bestWord: UInt64 = 0

        init(words: UnsafeBufferPointer<UInt64>, valid: UnsafeBufferPointer<UInt8>, flip: UInt64) {
            self.words = words
            self.valid = valid
            self.flip = flip
        }

        mutating func reset() { best = -1 }
        @inline(__always) mutating func add(_ r: Int) {
            let x = words[r] ^ flip
            if valid[r] != 0 && (best < 0 || x < bestWord) {
                best = Int32(r)
                bestWord = x
            }
        }
        func value() -> (Int32, Bool) { (best, true) }
    }

    /// Exact `sum` of integers in 128 bits; `overflowed` when a total it returned did not fit in 64.
    struct IntSum: WindowAccumulator {
        let values: UnsafeBufferPointer<Int64>
        let valid: UnsafeBufferPointer<UInt8>
        var low: Int64 = 0, wraps: Int64 = 0
        var any = false
        var overflowed = false

        init(values: UnsafeBufferPointer<Int64>, valid: UnsafeBufferPointer<UInt8>) {
            self.values = values
            self.valid = valid
        }

        mutating func reset() { low = 0; wraps = 0; any = false }
        @inline(__always) mutating func add(_ r: Int) {
            if valid[r] != 0 { addWide(&low, &wraps, values[r]); any = true }
        }
        mutating func value() -> (Int64, Bool) {
            if wraps != 0 { overflowed = true }
            return (low, any)
        }
    }

    /// `avg` of integers from an exact 128-bit sum; null over no values.
    struct IntAverage: WindowAccumulator {
        let values: UnsafeBufferPointer<Int64>
        let valid: UnsafeBufferPointer<UInt8>
        var low: Int64 = 0, wraps: Int64 = 0, n: Int64 = 0

        init(values: UnsafeBufferPointer<Int64>, valid: UnsafeBufferPointer<UInt8>) {
            self.values = values
            self.valid = valid
        }

        mutating func reset() { low = 0; wraps = 0; n = 0 }
        @inline(__always) mutating func add(_ r: Int) {
            if valid[r] != 0 { addWide(&low, &wraps, values[r]); n += 1 }
        }
        func value() -> (Double, Bool) {
            guard n > 0 else { return (0, false) }
            let c = Double(n)
            let total = wraps == 0 ? Double(low) : Double(wraps) * 18_446_744_073_709_551_616.0 + Double(low)
            return (total / c, true)
        }
    }

    /// `sum` or `avg` of doubles, compensated as planq's aggregates are; null over no values.
    struct DoubleSum: WindowAccumulator {
        let values: UnsafeBufferPointer<Double>
        let valid: UnsafeBufferPointer<UInt8>
        let average: Bool
        var sum = 0.0, comp = 0.0, n = 0

        init(values: UnsafeBufferPointer<Double>, valid: UnsafeBufferPointer<UInt8>, average: Bool) {
            self.values = values
            self.valid = valid
            self.average = average
        }

        mutating func reset() { sum = 0; comp = 0; n = 0 }
        @inline(__always) mutating func add(_ r: Int) {
            if valid[r] != 0 { addCompensated(&sum, &comp, values[r]); n += 1 }
        }
        func value() -> (Double, Bool) {
            guard n > 0 else { return (0, false) }
            // inf + (-inf) compensation is NaN: fall back to the plain sum then.
            let total = comp.isFinite ? sum + comp : sum
            return (average ? total / Double(n) : total, true)
        }
    }
}
