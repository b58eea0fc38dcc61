/// Sizes measured on one page that the layout's thresholds scale with, so a table in 8 pt type
/// and one in 12 pt are read alike.
struct PDFPageMetrics: Sendable {
    /// The median word height (about the font's line height).
    var height: Double
    /// The median gap between neighbouring words on a line (a word space).
    var wordSpace: Double

    /// The narrowest gap read as a column gutter: clearly wider than a word space.
    var minGutter: Double { max(1.4 * wordSpace, 0.28 * height) }

    /// Metrics of the words of `lines` (sorted left to right within each line).
    init(lines: [[PDFWord]]) {
        let heights = lines.flatMap { $0.map(\.height) }.filter { $0 > 0 }.sorted()
        let h = heights.isEmpty ? 10 : heights[heights.count / 2]
        var gaps: [Double] = []
        for l in lines where l.count > 1 {
            for k in 1..<l.count {
                let g = l[k].x0 - l[k - 1].x1
                if g > 0 && g < 0.8 * h { gaps.append(g) }
            }
        }
        gaps.sort()
        height = h
        wordSpace = gaps.isEmpty ? 0.25 * h : gaps[gaps.count / 2]
    }

    /// Metrics given directly (tests).
    init(height: Double, wordSpace: Double) {
        self.height = height
        self.wordSpace = wordSpace
    }
}
