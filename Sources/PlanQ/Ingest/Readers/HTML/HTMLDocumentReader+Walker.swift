import Foundation

extension HTMLDocumentReader {
    /// The walk over the parsed tree that gathers prose into lines and lays out tables.
    struct Walker {
        /// Most elements visited.
        var maxElements: Int
        /// Elements visited so far.
        var elements = 0
        /// Tables read.
        var tables = 0
        /// The prose line being gathered.
        var buffer = ""
        /// The bullet (and indent) waiting for the first text of a list item.
        var prefix = ""
        /// The source line of the first thing in `buffer`.
        var bufferLine = 0
        /// Depth of nested lists.
        var listDepth = 0

        /// Parts of a layout table, read as block boundaries.
        static let layoutParts: Set<String> = ["table", "thead", "tbody", "tfoot", "tr", "td", "th"]

        /// Elements that hold a heading line.
        static let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]

        /// A walker visiting at most `maxElements` elements.
        init(maxElements: Int) { self.maxElements = maxElements }

        /// Appends the lines of `roots` (and everything under them) to `doc`.
        mutating func walk(_ roots: [HTMLNode], into doc: inout Document) throws(DecodeFailure) {
            var stack: [(HTMLNode, Bool)] = roots.reversed().map { ($0, false) }
            while let (n, leaving) = stack.popLast() {
                if n.isText {
                    let t = n.content
                    if !t.allSatisfy(\.isWhitespace) {
                        if buffer.isEmpty { bufferLine = n.line }
                        buffer += t
                    } else if !buffer.isEmpty {
                        buffer += " "
                    }
                    continue
                }
                guard n.isElement else { continue }  // comments, processing instructions, DTDs
                let name = n.name
                if leaving {
                    switch name {
                    case "ul", "ol", "menu": flush(into: &doc); listDepth -= 1
                    case "li": flush(into: &doc); prefix = ""
                    default: if HTMLText.blocks.contains(name) || Self.layoutParts.contains(name) { flush(into: &doc) }
                    }
                    continue
                }
                elements += 1
                if elements > maxElements { throw DecodeFailure("the page has over \(maxElements) elements") }
                if HTMLText.skipped.contains(name) { continue }
                switch name {
                case "table" where HTMLTable.holdsTable(n):
                    // A layout table (tables side by side in its cells): its cells are read as
                    // flow, so each inner table is laid out on its own.
                    flush(into: &doc)
                case "table":
                    flush(into: &doc)
                    let t = try HTMLTable(n)
                    tables += 1
                    for l in t.lines() {
                        let origin = SourceOrigin(line: l.line)
                        if let cells = l.cells { doc.append(cells: cells, origin: origin) } else if let text = l.text { doc.append(text: text, origin: origin) }
                    }
                    continue
                case _ where Self.headings.contains(name):
                    flush(into: &doc)
                    let text = HTMLText.of(n)
                    if !text.isEmpty { doc.append(text: text, origin: SourceOrigin(line: n.line)) }
                    continue
                case "br":
                    flush(into: &doc)
                    continue
                case "img", "area", "input":
                    if let alt = n.attribute("alt"), !alt.allSatisfy(\.isWhitespace) {
                        if buffer.isEmpty { bufferLine = n.line }
                        buffer += " " + alt + " "
                    }
                    continue
                case "ul", "ol", "menu":
                    flush(into: &doc)
                    listDepth += 1
                case "li":
                    flush(into: &doc)
                    prefix = String(repeating: "  ", count: max(0, listDepth - 1)) + "\u{2022} "
                default:
                    if HTMLText.blocks.contains(name) || Self.layoutParts.contains(name) { flush(into: &doc) }
                }
                stack.append((n, true))
                var kids: [HTMLNode] = []
                var c = n.firstChild
                while let k = c { kids.append(k); c = k.next }
                for k in kids.reversed() { stack.append((k, false)) }
            }
            flush(into: &doc)
        }

        /// Ends the prose line being gathered (nothing when it holds no text). A list item's bullet
        /// stays for its first text, so `<li><p>text</p></li>` is still one item.
        mutating func flush(into doc: inout Document) {
            let text = HTMLText.tidy(buffer)
            buffer = ""
            guard !text.isEmpty else { return }
            doc.append(text: prefix + text, origin: SourceOrigin(line: bufferLine))
            prefix = ""
        }
    }
}
