import Foundation

/// The entry the `pdflayout` fuzz target calls (fuzz targets see only public API): bytes decoded
/// as synthetic word boxes and run through ``PDFLayout``, without poppler.
public enum PDFLayoutFuzzing {
    /// Reads `bytes` as words of 7 bytes each (page step, x, y, width, height, a word from a small
    /// list, a flag) and returns the rebuilt document's lines. Never throws; a crash is a finding.
    public static func lines(_ bytes: [UInt8]) -> [String] {
        let vocabulary = ["NI", "151", "Target", "Indicator", "Lead", "Officer", "2009/10", "Red", "72%", "and", "of", "the"]
        var pages: [PDFPage] = [PDFPage(number: 1, width: 600, height: 800, words: [])]
        var i = 0
        while i + 7 <= bytes.count && pages.count <= 20 {
            let b = Array(bytes[i..<(i + 7)])
            if b[0] == 255 { pages.append(PDFPage(number: pages.count + 1, width: 600, height: 800, words: [])) }
            let x = Double(b[1]) * 2.5, y = Double(b[2]) * 3.0
            let w = Double(b[3] % 80) + (b[6] & 1 == 0 ? 1 : 0), h = Double(b[4] % 20) + (b[6] & 2 == 0 ? 4 : 0)
            pages[pages.count - 1].words.append(PDFWord(text: vocabulary[Int(b[5]) % vocabulary.count], x0: x, y0: y, x1: x + w, y1: y + h))
            i += 7
        }
        return PDFLayout.document(pages, name: "fuzz").lines
    }
}
