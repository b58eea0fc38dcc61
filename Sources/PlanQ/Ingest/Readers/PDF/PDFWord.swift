/// One word of a PDF page's text layer with its box, in points from the page's top-left corner.
struct PDFWord: Equatable, Sendable {
    /// The word's text.
    var text: String
    /// Left edge.
    var x0: Double
    /// Top edge.
    var y0: Double
    /// Right edge.
    var x1: Double
    /// Bottom edge.
    var y1: Double

    /// The box's height (the font's line height, roughly).
    var height: Double { y1 - y0 }
    /// The vertical centre.
    var midY: Double { (y0 + y1) / 2 }
    /// The horizontal centre.
    var midX: Double { (x0 + x1) / 2 }
}
