/// A validity bitmap: bit `i` set means row `i` is not null.
///
/// Stored as 64-bit words with a bit offset, so slicing a batch out of a column
/// shares the column's words instead of copying them. A vector with no nulls
/// carries no mask at all (`nil`), which lets kernels take their fast path.
public struct ValidityMask: Sendable {
    public private(set) var words: ContiguousArray<UInt64>
    /// Bit index of row 0 within `words`.
    public let offset: Int
    public let count: Int

    /// A mask of `count` rows, all valid or all null.
    public init(count: Int, allValid: Bool) {
        let n = (count + 63) >> 6
        words = ContiguousArray(repeating: allValid ? ~0 : 0, count: n)
        offset = 0
        self.count = count
    }

    public init(words: ContiguousArray<UInt64>, offset: Int = 0, count: Int) {
        self.words = words
        self.offset = offset
        self.count = count
    }

    /// Builds a mask from a byte per row (non-zero = valid).
    public init(bytes: UnsafeBufferPointer<UInt8>) {
        var w = ContiguousArray<UInt64>(repeating: 0, count: (bytes.count + 63) >> 6)
        w.withUnsafeMutableBufferPointer { wp in
            for i in 0..<bytes.count where bytes[i] != 0 {
                wp[i >> 6] |= 1 << UInt64(i & 63)
            }
        }
        words = w
        offset = 0
        count = bytes.count
    }

    @inline(__always)
    public func isValid(_ i: Int) -> Bool {
        let b = offset + i
        return words[b >> 6] >> UInt64(b & 63) & 1 == 1
    }

    public mutating func set(_ i: Int, valid: Bool) {
        precondition(offset == 0)
        if valid { words[i >> 6] |= 1 << UInt64(i & 63) } else { words[i >> 6] &= ~(1 << UInt64(i & 63)) }
    }

    /// Rows `start..<start+count` sharing storage.
    public func slice(_ start: Int, _ count: Int) -> ValidityMask {
        ValidityMask(words: words, offset: offset + start, count: count)
    }

    /// Number of null rows.
    public var nullCount: Int {
        var n = 0
        for i in 0..<count where !isValid(i) { n += 1 }
        return n
    }

    /// True when every row is valid (a mask that can be dropped).
    public var allValid: Bool {
        if offset == 0 {
            let full = count >> 6
            for i in 0..<full where words[i] != ~0 { return false }
            for i in (full << 6)..<count where !isValid(i) { return false }
            return true
        }
        for i in 0..<count where !isValid(i) { return false }
        return true
    }

    /// A copy with offset 0 (word-aligned), so word-wise operations apply.
    public func aligned() -> ValidityMask {
        if offset == 0 { return self }
        var out = ValidityMask(count: count, allValid: false)
        for i in 0..<count where isValid(i) { out.set(i, valid: true) }
        return out
    }

    /// Rows valid in both masks; `nil` stands for all-valid.
    public static func and(_ a: ValidityMask?, _ b: ValidityMask?) -> ValidityMask? {
        guard let a else { return b }
        guard let b else { return a }
        let x = a.aligned(), y = b.aligned()
        // A mask sliced at offset 0 keeps its whole column's words (a 2,147-row column has 34
        // for a 2,048-row batch), so the two may differ in length: use the words `count` needs.
        let n = (a.count + 63) >> 6
        var w = ContiguousArray(x.words.prefix(n))
        y.words.withUnsafeBufferPointer { yp in
            w.withUnsafeMutableBufferPointer { wp in
                for i in 0..<n { wp[i] &= yp[i] }
            }
        }
        return ValidityMask(words: w, offset: 0, count: a.count)
    }

    /// The mask of the rows picked by `sel`, or nil if all of them are valid.
    public func gather(_ sel: UnsafeBufferPointer<UInt32>) -> ValidityMask? {
        var out = ValidityMask(count: sel.count, allValid: true)
        var anyNull = false
        for (j, i) in sel.enumerated() where !isValid(Int(i)) {
            out.set(j, valid: false)
            anyNull = true
        }
        return anyNull ? out : nil
    }
}
