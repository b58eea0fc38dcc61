import CLibXML2
import Foundation

/// Reads an HTML page (a committee-management page, a report saved as HTML) into a ``Document``
/// through libxml2's HTML parser, which recovers from the broken markup such pages often hold.
///
/// Headings, paragraphs and list items become prose lines (list items start with a bullet, nested
/// ones indented, so the list readers see them); each `<table>` becomes its rows with spans expanded
/// (``HTMLTable``). Scripts, styles, `<noscript>` and comments are never read. The tree is walked
/// with an explicit stack, so 10,000 nested tags cost memory, not the call stack. Each line's origin
/// is the source line of its element.
struct HTMLDocumentReader: DocumentFormatReader {
    /// Most elements read from one page (a guard against pathological inputs).
    var maxElements = 2_000_000

    /// The document in `data`.
    func read(_ data: Data, name: String) throws(DecodeFailure) -> Document {
        if data.prefix(65536).contains(0) { throw DecodeFailure("the document looks binary (it holds NUL bytes), not HTML") }
        guard data.count < Int(Int32.max) else { throw DecodeFailure("the document is too large for the HTML parser") }
        planq_xml_quiet()
        // Valid UTF-8 is read as UTF-8 whatever the page declares; otherwise libxml2 follows the
        // page's <meta charset> (or Latin-1).
        let encoding: String? = String(data: data, encoding: .utf8) != nil ? "UTF-8" : nil
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
        guard let ctxt = htmlNewParserCtxt() else { throw DecodeFailure("the HTML parser could not start (out of memory)") }
        defer { htmlFreeParserCtxt(ctxt) }
        let parsed: htmlDocPtr? = data.withUnsafeBytes { raw -> htmlDocPtr? in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self) else { return nil }
            return htmlCtxtReadMemory(ctxt, base, Int32(raw.count), nil, encoding, options)
        }
        // libxml2 stops at tags nested deeper than 256 (without XML_PARSE_HUGE, which planq never
        // sets): the rest of the page would be lost, so the page is refused rather than half read.
        let last = ctxt.pointee.lastError
        if last.level == XML_ERR_FATAL, let m = last.message, String(cString: m).contains("Excessive depth") {
            if let d = parsed { xmlFreeDoc(d) }
            throw DecodeFailure("line \(last.line): tags are nested over 256 deep; the page was not read (is it really HTML?)")
        }
        guard let doc = parsed else { throw DecodeFailure("the HTML parser could not read the document") }
        defer { xmlFreeDoc(doc) }
        var document = Document(name: name, format: .html)
        var walker = Walker(maxElements: maxElements)
        var top = doc.pointee.children
        var roots: [HTMLNode] = []
        while let n = top { roots.append(HTMLNode(ptr: n)); top = n.pointee.next }
        try walker.walk(roots, into: &document)
        if document.lines.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw DecodeFailure("no text found in the HTML (no headings, paragraphs or tables)")
        }
        document.notes.append("html: \(walker.tables) table\(walker.tables == 1 ? "" : "s"), \(document.lines.count) lines")
        return document
    }
}
