import Foundation

extension PDFLayout {
    /// Prose lines joined into paragraphs: a line joins the one above when it follows closely in
    /// the same type size, the line above ran to the right margin, and it does not start a list item.
    static func paragraphs(_ lines: [PDFTextLine], page: Int, metrics m: PDFPageMetrics) -> [PDFLayoutItem] {
        guard !lines.isEmpty else { return [] }
        let margin = lines.map(\.x1).max() ?? 0
        var out: [PDFLayoutItem] = []
        var last: PDFTextLine? = nil
        for l in lines {
            let text = l.text
            if let p = last, var item = out.last, item.text != nil,
               l.y0 - p.y1 <= 0.6 * p.height, l.y0 > p.y0,
               abs(l.height - p.height) <= 0.15 * p.height,
               p.x1 >= margin - 0.15 * (margin - (lines.map(\.x0).min() ?? 0)),
               !startsItem(text), abs(l.x0 - p.x0) <= 3 * m.height {
                item.text = (item.text ?? "") + " " + text
                out[out.count - 1] = item
            } else {
                out.append(PDFLayoutItem(text: text, cells: nil, page: page, line: l.number))
            }
            last = l
        }
        return out
    }

    /// Whether a line starts a list item (a bullet, a dash, `1.`, `(a)`).
    static func startsItem(_ text: String) -> Bool {
        guard let c = text.first else { return false }
        if "•·▪‣◦-–—*o".contains(c), text.dropFirst().first == " " { return true }
        if "•·▪‣◦".contains(c) { return true }
        return text.range(of: #"^(\d{1,2}[.)]|\([a-z0-9]{1,3}\))\s"#, options: .regularExpression) != nil
    }
}
