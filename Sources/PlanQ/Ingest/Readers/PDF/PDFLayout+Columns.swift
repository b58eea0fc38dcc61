import Foundation

extension PDFLayout {
    /// Column boundaries (x positions, left to right) of a table's lines: the middles of gutters,
    /// vertical bands at least ``PDFPageMetrics/minGutter`` wide that at most a few lines cross
    /// (a period heading centred over the columns it spans) and that separate words on both sides
    /// in at least two lines.
    static func boundaries(_ lines: [PDFTextLine], metrics m: PDFPageMetrics) -> [Double] {
        guard lines.count >= 2 else { return [] }
        let minX = lines.map(\.x0).min() ?? 0, maxX = lines.map(\.x1).max() ?? 0
        let step = 0.5
        let binCount = Int(((maxX - minX) / step).rounded(.up)) + 1
        guard binCount > 2, binCount < 20_000 else { return [] }
        // How many lines cover each half-point band.
        var count = [Int](repeating: 0, count: binCount)
        var stamp = [Int](repeating: -1, count: binCount)
        for (li, line) in lines.enumerated() {
            for w in line.words {
                let a = max(0, Int(((w.x0 - minX) / step).rounded(.down)))
                let b = min(binCount - 1, Int(((w.x1 - minX) / step).rounded(.up)))
                guard a <= b else { continue }
                for k in a...b where stamp[k] != li {
                    stamp[k] = li
                    count[k] += 1
                }
            }
        }
        let allow = lines.count >= 5 ? max(1, lines.count / 8) : 0
        var out: [Double] = []
        var k = 0
        while k < binCount {
            guard count[k] <= allow else { k += 1; continue }
            var e = k
            while e < binCount && count[e] <= allow { e += 1 }
            defer { k = e }
            // Columns a paper leaves empty in every row (targets not yet set) are named by their
            // header alone, so their words are crossed by too few lines to end the band: the band
            // then holds several clear stretches (it may run to the table's right edge), each with
            // a header word on both sides. Each is a gutter (a heading spanning columns never
            // leaves two: it covers the gutter it crosses).
            let clearStretches = stretches(count, k..<e, minWidth: m.minGutter / step).filter { z in
                let a = minX + Double(z.lowerBound) * step, b = minX + Double(z.upperBound) * step
                return lines.contains { l in l.words.contains { $0.x1 <= a + step } && l.words.contains { $0.x0 >= b - step } }
            }
            if clearStretches.count >= 2 {
                out.append(contentsOf: clearStretches.map { minX + Double($0.lowerBound + $0.upperBound) / 2 * step })
                continue
            }
            // Interior bands only, wide enough, and separating words in two lines or more.
            guard k > 0, e < binCount else { continue }
            let left = minX + Double(k) * step, right = minX + Double(e) * step
            guard right - left >= m.minGutter else { continue }
            let support = lines.filter { l in
                l.words.contains { $0.x1 <= left + step } && l.words.contains { $0.x0 >= right - step }
            }.count
            guard support >= 2 else { continue }
            // The boundary sits in the widest stretch no line crosses, when there is one.
            var best: (Int, Int)? = nil
            var z = k
            while z < e {
                guard count[z] == 0 else { z += 1; continue }
                var ze = z
                while ze < e && count[ze] == 0 { ze += 1 }
                if best.map({ ze - z > $0.1 - $0.0 }) ?? true { best = (z, ze) }
                z = ze
            }
            if let (a, b) = best, Double(b - a) * step >= 1 {
                out.append(minX + Double(a + b) / 2 * step)
            } else {
                out.append((left + right) / 2)
            }
        }
        return out
    }

    /// The runs of `range` (bin indices) where `count` is zero, at least `minWidth` bins wide.
    static func stretches(_ count: [Int], _ range: Range<Int>, minWidth: Double) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var z = range.lowerBound
        while z < range.upperBound {
            guard count[z] == 0 else { z += 1; continue }
            var ze = z
            while ze < range.upperBound && count[ze] == 0 { ze += 1 }
            if Double(ze - z) >= minWidth { out.append(z..<ze) }
            z = ze
        }
        return out
    }

    /// The column (0-based) holding x position `x` under `bounds`.
    static func column(_ x: Double, _ bounds: [Double]) -> Int {
        var lo = 0, hi = bounds.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if bounds[mid] <= x { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Whether a table found at the top of a page continues the last page's: it spans about the
    /// same width and each of its gutters lies on one of the old table's boundaries.
    static func compatible(_ bounds: [Double], lines: [PDFTextLine], with old: [Double], x0: Double, x1: Double) -> Bool {
        guard !old.isEmpty else { return false }
        let nx0 = lines.map(\.x0).min() ?? 0, nx1 = lines.map(\.x1).max() ?? 0
        guard nx0 < x1, nx1 > x0, bounds.count <= old.count else { return false }
        return bounds.allSatisfy { b in old.contains { abs($0 - b) <= 6 } }
    }

    /// Whether a table found at the top of a page continues the last page's and shows its columns
    /// better: it spans about the same width, has more gutters, and each of the old table's
    /// boundaries lies on one of its own (the old part was too short to show them all).
    static func refines(_ bounds: [Double], lines: [PDFTextLine], old: [Double], x0: Double, x1: Double) -> Bool {
        let nx0 = lines.map(\.x0).min() ?? 0, nx1 = lines.map(\.x1).max() ?? 0
        guard nx0 < x1, nx1 > x0, bounds.count > old.count else { return false }
        // The same left edge (the right one moves: a header's last cell is often shorter than
        // the text below it).
        guard abs(nx0 - x0) <= 6 else { return false }
        return old.allSatisfy { b in bounds.contains { abs($0 - b) <= 6 } }
    }

    /// Whether a line has a word or a run of words that crosses one of `bounds` (a heading that
    /// spans the table, or prose that ran into it).
    static func crosses(_ line: PDFTextLine, _ bounds: [Double]) -> Bool {
        line.fragments.contains { f in spanned(line, f, bounds).count > 1 }
    }

    /// The columns fragment `f` of `line` covers.
    static func spanned(_ line: PDFTextLine, _ f: Range<Int>, _ bounds: [Double]) -> ClosedRange<Int> {
        let (a, b) = line.extent(of: f)
        let width = b - a
        let inset = min(1.5, width / 4)
        return column(a + inset, bounds)...max(column(a + inset, bounds), column(b - inset, bounds))
    }
}
