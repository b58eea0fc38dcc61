import Foundation

/// Reads PDF documents into a ``Document`` from their text layer's word boxes (poppler's
/// `pdftotext -bbox-layout`, see ``PDFTextExtractor``), rebuilding tables and paragraphs with
/// ``PDFLayout``. Each line's origin is its page and its line on that page.
struct PDFDocumentReader: DocumentFormatReader {
    /// How poppler is run.
    var extractor = PDFTextExtractor()

    /// The document in `data`.
    func read(_ data: Data, name: String) throws(DecodeFailure) -> Document {
        let xhtml = try extractor.extract(data)
        let pages = PDFBBoxParser.pages(xhtml)
        if pages.isEmpty { throw DecodeFailure("the PDF has no pages poppler can read; the file may be damaged") }
        if pages.allSatisfy({ $0.words.isEmpty }) {
            throw DecodeFailure("no text layer; run OCR first (the PDF's \(pages.count) page\(pages.count == 1 ? " is an image" : "s are images"), as a scan is)")
        }
        var doc = PDFLayout.document(pages, name: name)
        doc.notes.insert("PDF, \(pages.count) page\(pages.count == 1 ? "" : "s"), \(pages.reduce(0) { $0 + $1.words.count }) words", at: 0)
        return doc
    }
}
