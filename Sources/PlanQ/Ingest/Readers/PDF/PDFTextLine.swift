/// The words of a page that share a baseline, left to right, split into fragments wherever the
/// gap between two words is wider than a word space.
struct PDFTextLine: Sendable {
    /// The words, sorted by their left edge.
    var words: [PDFWord]
    /// Index ranges into `words`: runs of words separated by word spaces.
    var fragments: [Range<Int>]
    /// The 1-based line number on the page.
    var number: Int

    /// Top edge (the median of the words' tops, so one raised word does not move the line).
    var y0: Double
    /// Bottom edge.
    var y1: Double
    /// Left edge of the first word.
    var x0: Double { words.first?.x0 ?? 0 }
    /// Right edge of the last word.
    var x1: Double { words.map(\.x1).max() ?? 0 }
    /// The line's height.
    var height: Double { y1 - y0 }

    /// The text of fragment `f`.
    func text(of f: Range<Int>) -> String { words[f].map(\.text).joined(separator: " ") }
    /// The whole line's text.
    var text: String { words.map(\.text).joined(separator: " ") }
    /// The left and right edges of fragment `f`.
    func extent(of f: Range<Int>) -> (Double, Double) {
        (words[f.lowerBound].x0, words[f].map(\.x1).max() ?? words[f.lowerBound].x1)
    }
}
