/// Stable sorts of row numbers by ``SortKeyEncoder`` words, the one sort the
/// `sort by` operator, `top n` and window specifications share.
///
/// A range of rows is sorted one word at a time from the last word to the first
/// (least significant digit first), each pass stable, so rows equal on every word
/// keep the order they had: input order, when the caller starts from it. Each pass
/// picks its method from the word's range within the range of rows: skipped when
/// the word is constant, a counting sort when the range is small (integer and enum
/// keys, `id4` in 1...100), an insertion sort for a handful of rows, a comparison
/// sort of (word, position) pairs for a few hundred, and a byte-wise LSD radix sort
/// over the significant bytes otherwise. No closure or enum is evaluated per row.
struct KeySorter {
    /// Below this many rows a pass is an insertion sort over all words at once.
    static let insertionLimit = 24
    /// Below this many rows a wide-range pass is a comparison sort (radix histograms cost more).
    static let comparisonLimit = 384
    /// The largest value range a counting sort handles (histogram entries).
    static let countingLimit = 1 << 16

    /// A word and the row's position in the range before the pass (ties break on it: stable).
    struct Keyed: Comparable {
        var key: UInt64
        var position: UInt32

        @inline(__always)
        static func < (a: Keyed, b: Keyed) -> Bool {
            a.key != b.key ? a.key < b.key : a.position < b.position
        }
    }

    /// Words, `width` per row, row-major (as ``SortKeyEncoder/encode(_:count:)`` lays them out).
    let words: UnsafeBufferPointer<UInt64>
    let width: Int
    // Scratch buffers, grown to the largest range sorted; one sorter per thread.
    private var keys = ContiguousArray<UInt64>()
    private var keys2 = ContiguousArray<UInt64>()
    private var rows2 = ContiguousArray<UInt32>()
    private var pairs = ContiguousArray<Keyed>()
    private var histogram = ContiguousArray<Int>()
    private var pairs2 = ContiguousArray<Keyed>()

    init(words: UnsafeBufferPointer<UInt64>, width: Int) {
        self.words = words
        self.width = width
    }

    /// Whether rows `x` and `y` have the same words.
    @inline(__always)
    func equal(_ x: UInt32, _ y: UInt32) -> Bool {
        let xo = Int(x) * width, yo = Int(y) * width
        for k in 0..<width where words[xo + k] != words[yo + k] { return false }
        return true
    }

    /// Whether row `x` sorts strictly before row `y`.
    @inline(__always)
    func less(_ x: UInt32, _ y: UInt32) -> Bool {
        let xo = Int(x) * width, yo = Int(y) * width
        for k in 0..<width where words[xo + k] != words[yo + k] { return words[xo + k] < words[yo + k] }
        return false
    }

    /// Sorts the row numbers in `rows` by their words; equal rows keep their order.
    mutating func sort(_ rows: UnsafeMutableBufferPointer<UInt32>) {
        let m = rows.count
        if m < 2 || width == 0 { return }
        if m <= Self.insertionLimit {
            insertionSort(rows)
            return
        }
        grow(m)
        for j in stride(from: width - 1, through: 0, by: -1) {
            sortPass(rows, word: j)
        }
    }

    private mutating func grow(_ m: Int) {
        if keys.count < m {
            keys = ContiguousArray(repeating: 0, count: m)
            keys2 = ContiguousArray(repeating: 0, count: m)
            rows2 = ContiguousArray(repeating: 0, count: m)
            pairs = ContiguousArray(repeating: Keyed(key: 0, position: 0), count: m)
        }
    }

    private func insertionSort(_ rows: UnsafeMutableBufferPointer<UInt32>) {
        for i in 1..<rows.count {
            let x = rows[i]
            var j = i
            while j > 0 && less(x, rows[j - 1]) {
                rows[j] = rows[j - 1]
                j -= 1
            }
            rows[j] = x
        }
    }

    /// One stable pass by word `j`.
    private mutating func sortPass(_ rows: UnsafeMutableBufferPointer<UInt32>, word j: Int) {
        let m = rows.count
        let w = width
        var lo = UInt64.max, hi: UInt64 = 0
        keys.withUnsafeMutableBufferPointer { k in
            for i in 0..<m {
                let x = words[Int(rows[i]) * w + j]
                k[i] = x
                lo = min(lo, x)
                hi = max(hi, x)
            }
        }
        if lo == hi { return }
        let range = hi - lo
        if range < UInt64(Self.countingLimit) && Int(range) <= 2 * m + 256 {
            countingPass(rows, lo: lo, buckets: Int(range) + 1)
        } else if m <= Self.comparisonLimit {
            comparisonPass(rows)
        } else {
            radixPass(rows, lo: lo, bytes: (64 - range.leadingZeroBitCount + 7) / 8)
        }
    }

    /// Counting sort on `key - lo` (stable).
    private mutating func countingPass(_ rows: UnsafeMutableBufferPointer<UInt32>, lo: UInt64, buckets: Int) {
        let m = rows.count
        if histogram.count < buckets + 1 { histogram = ContiguousArray(repeating: 0, count: buckets + 1) }
        histogram.withUnsafeMutableBufferPointer { h in
            keys.withUnsafeBufferPointer { k in
                rows2.withUnsafeMutableBufferPointer { out in
                    for b in 0...buckets { h[b] = 0 }
                    for i in 0..<m { h[Int(k[i] &- lo) + 1] += 1 }
                    for b in 0..<buckets { h[b + 1] += h[b] }
                    for i in 0..<m {
                        let b = Int(k[i] &- lo)
                        out[h[b]] = rows[i]
                        h[b] += 1
                    }
                    for i in 0..<m { rows[i] = out[i] }
                }
            }
        }
    }

    /// Comparison sort of (word, position) pairs (positions break ties: stable).
    private mutating func comparisonPass(_ rows: UnsafeMutableBufferPointer<UInt32>) {
        let m = rows.count
        pairs.withUnsafeMutableBufferPointer { p in
            keys.withUnsafeBufferPointer { k in
                rows2.withUnsafeMutableBufferPointer { saved in
                    for i in 0..<m {
                        p[i] = Keyed(key: k[i], position: UInt32(i))
                        saved[i] = rows[i]
                    }
                    var seg = UnsafeMutableBufferPointer(rebasing: p[0..<m])
                    seg.sort()
                    for i in 0..<m { rows[i] = saved[Int(seg[i].position)] }
                }
            }
        }
    }

    /// LSD radix sort on the low `bytes` bytes of `key - lo`, one byte per round, constant bytes skipped.
    private mutating func radixPass(_ rows: UnsafeMutableBufferPointer<UInt32>, lo: UInt64, bytes: Int) {
        let m = rows.count
        if histogram.count < 256 * bytes { histogram = ContiguousArray(repeating: 0, count: 256 * bytes) }
        histogram.withUnsafeMutableBufferPointer { h in
            keys.withUnsafeMutableBufferPointer { k0 in
                keys2.withUnsafeMutableBufferPointer { k1 in
                    rows2.withUnsafeMutableBufferPointer { r1 in
                        for b in 0..<(256 * bytes) { h[b] = 0 }
                        // Every byte's histogram in one read of the keys.
                        for i in 0..<m {
                            let x = k0[i] &- lo
                            k0[i] = x
                            for d in 0..<bytes { h[d * 256 + Int(truncatingIfNeeded: x >> UInt64(8 * d)) & 255] += 1 }
                        }
                        var srcK = k0, dstK = k1
                        var srcR = rows, dstR = r1
                        var inScratch = false
                        for d in 0..<bytes {
                            let base = d * 256
                            var constant = false
                            for b in 0..<256 where h[base + b] != 0 {
                                constant = h[base + b] == m
                                break
                            }
                            if constant { continue }
                            var sum = 0
                            for b in 0..<256 {
                                let c = h[base + b]
                                h[base + b] = sum
                                sum += c
                            }
                            let shift = UInt64(8 * d)
                            for i in 0..<m {
                                let x = srcK[i]
                                let b = base + Int(truncatingIfNeeded: x >> shift) & 255
                                let at = h[b]
                                h[b] = at + 1
                                dstK[at] = x
                                dstR[at] = srcR[i]
                            }
                            swap(&srcK, &dstK)
                            swap(&srcR, &dstR)
                            inScratch.toggle()
                        }
                        if inScratch {
                            for i in 0..<m { rows[i] = srcR[i] }
                        }
                    }
                }
            }
        }
    }

    /// Sorts (word, row) pairs of a one-word key in place, by word then row: the path
    /// for the common single key without nulls, where carrying the word beside the row
    /// keeps every pass on contiguous memory (no gather through row numbers).
    /// The pairs must arrive in ascending `position` order: the counting and radix
    /// passes are stable, so equal words then stay in row order.
    mutating func sortPairs(_ seg: UnsafeMutableBufferPointer<Keyed>) {
        let m = seg.count
        if m < 2 { return }
        if m <= Self.insertionLimit {
            for i in 1..<m {
                let x = seg[i]
                var j = i
                while j > 0 && x < seg[j - 1] {
                    seg[j] = seg[j - 1]
                    j -= 1
                }
                seg[j] = x
            }
            return
        }
        var lo = UInt64.max, hi: UInt64 = 0
        for i in 0..<m {
            lo = min(lo, seg[i].key)
            hi = max(hi, seg[i].key)
        }
        if lo == hi { return }
        let range = hi - lo
        if pairs2.count < m { pairs2 = ContiguousArray(repeating: Keyed(key: 0, position: 0), count: m) }
        if m <= Self.comparisonLimit && !(range < 256 && Int(range) <= m) {
            bucketSort(seg, lo: lo, range: range)
            return
        }
        let bytes = (64 - range.leadingZeroBitCount + 7) / 8
        if range < UInt64(Self.countingLimit) && Int(range) <= 2 * m + 256 {
            let buckets = Int(range) + 1
            if histogram.count < buckets + 1 { histogram = ContiguousArray(repeating: 0, count: buckets + 1) }
            histogram.withUnsafeMutableBufferPointer { h in
                pairs2.withUnsafeMutableBufferPointer { out in
                    for b in 0...buckets { h[b] = 0 }
                    for i in 0..<m { h[Int(seg[i].key &- lo) + 1] += 1 }
                    for b in 0..<buckets { h[b + 1] += h[b] }
                    for i in 0..<m {
                        let b = Int(seg[i].key &- lo)
                        out[h[b]] = seg[i]
                        h[b] += 1
                    }
                    for i in 0..<m { seg[i] = out[i] }
                }
            }
            return
        }
        if histogram.count < 256 * bytes { histogram = ContiguousArray(repeating: 0, count: 256 * bytes) }
        histogram.withUnsafeMutableBufferPointer { h in
            pairs2.withUnsafeMutableBufferPointer { scratch in
                for b in 0..<(256 * bytes) { h[b] = 0 }
                for i in 0..<m {
                    let x = seg[i].key &- lo
                    for d in 0..<bytes { h[d * 256 + Int(truncatingIfNeeded: x >> UInt64(8 * d)) & 255] += 1 }
                }
                var src = seg, dst = scratch
                var inScratch = false
                for d in 0..<bytes {
                    let base = d * 256
                    var constant = false
                    for b in 0..<256 where h[base + b] != 0 {
                        constant = h[base + b] == m
                        break
                    }
                    if constant { continue }
                    var sum = 0
                    for b in 0..<256 {
                        let c = h[base + b]
                        h[base + b] = sum
                        sum += c
                    }
                    let shift = UInt64(8 * d)
                    for i in 0..<m {
                        let x = src[i]
                        let b = base + Int(truncatingIfNeeded: (x.key &- lo) >> shift) & 255
                        let at = h[b]
                        h[b] = at + 1
                        dst[at] = x
                    }
                    swap(&src, &dst)
                    inScratch.toggle()
                }
                if inScratch {
                    for i in 0..<m { seg[i] = src[i] }
                }
            }
        }
    }

    /// A few hundred pairs over a wide range: one stable counting pass on the top 8
    /// significant bits of `key - lo` (256 buckets, most holding 0-2 pairs), then an
    /// insertion sort, which only moves pairs within their bucket. Skewed keys (a
    /// bucket of more than 32) fall back to the standard sort.
    private mutating func bucketSort(_ seg: UnsafeMutableBufferPointer<Keyed>, lo: UInt64, range: UInt64) {
        let m = seg.count
        let bits = 64 - range.leadingZeroBitCount
        let shift = UInt64(max(0, bits - 8))
        if histogram.count < 257 { histogram = ContiguousArray(repeating: 0, count: 257) }
        var skewed = false
        histogram.withUnsafeMutableBufferPointer { h in
            pairs2.withUnsafeMutableBufferPointer { out in
                for b in 0..<257 { h[b] = 0 }
                for i in 0..<m { h[Int(truncatingIfNeeded: (seg[i].key &- lo) >> shift) + 1] += 1 }
                for b in 0..<256 {
                    if h[b + 1] > 32 { skewed = true }
                    h[b + 1] += h[b]
                }
                if skewed { return }
                for i in 0..<m {
                    let b = Int(truncatingIfNeeded: (seg[i].key &- lo) >> shift)
                    out[h[b]] = seg[i]
                    h[b] += 1
                }
                for i in 0..<m { seg[i] = out[i] }
            }
        }
        if skewed {
            var s = seg
            s.sort()
            return
        }
        for i in 1..<m {
            let x = seg[i]
            var j = i
            while j > 0 && x < seg[j - 1] {
                seg[j] = seg[j - 1]
                j -= 1
            }
            seg[j] = x
        }
    }
}
