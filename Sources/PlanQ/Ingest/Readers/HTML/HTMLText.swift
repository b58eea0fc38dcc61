import Foundation

/// The text of an HTML subtree as one line, read without recursion (a page may nest tags
/// thousands deep): whitespace collapsed as a browser does, `<br>` and block boundaries as spaces,
/// list items kept apart with `; `, images by their `alt` text (status icons: "Red", "On target"),
/// and scripts, styles and comments left out.
enum HTMLText {
    /// Elements whose content is never text of the document.
    static let skipped: Set<String> = ["script", "style", "noscript", "template", "head", "title", "object", "embed",
                                       "iframe", "svg", "math", "select", "button", "textarea"]
    /// Elements that start a new block (a line of their own outside tables).
    static let blocks: Set<String> = ["p", "div", "section", "article", "aside", "header", "footer", "main", "nav",
                                      "blockquote", "pre", "address", "dl", "dt", "dd", "figure", "figcaption",
                                      "form", "fieldset", "hr", "center", "details", "summary", "caption"]

    /// The text inside `node` (its own text included), collapsed to single spaces and trimmed.
    static func of(_ node: HTMLNode) -> String {
        var out = ""
        // (node, leaving): a node is pushed once to enter and once to leave, so block ends are seen.
        var stack: [(HTMLNode, Bool)] = [(node, false)]
        while let (n, leaving) = stack.popLast() {
            if n.isText { out += n.content; continue }
            guard n.isElement else { continue }
            let name = n.name
            if leaving {
                if name == "li" { out += " ; " } else if blocks.contains(name) || name == "td" || name == "th" || name == "tr" { out += " " }
                continue
            }
            if skipped.contains(name) { continue }
            switch name {
            case "br": out += " "; continue
            case "img", "area", "input":
                if let alt = n.attribute("alt") ?? n.attribute("title") { out += " " + alt + " " }
                continue
            default: break
            }
            if name == "li" || blocks.contains(name) { out += " " }
            stack.append((n, true))
            var children: [HTMLNode] = []
            var c = n.firstChild
            while let k = c { children.append(k); c = k.next }
            for k in children.reversed() { stack.append((k, false)) }
        }
        return tidy(out)
    }

    /// Whitespace (spaces, tabs, line breaks, no-break spaces) collapsed and list separators tidied.
    static func tidy(_ s: String) -> String {
        // The same collapse as a text export's cells get, so both formats give the same words.
        let out = TextCleaner.collapse(s)
        guard out.contains(" ;") else { return out }
        return out.components(separatedBy: " ; ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " ;")) }
            .filter { !$0.isEmpty }.joined(separator: "; ")
            .trimmingCharacters(in: CharacterSet(charactersIn: " ;"))
    }

    /// The status a cell shows by colour alone (`bgcolor`, a `background` style, or a class such as
    /// `rag-red`), for cells with no text: "Red", "Amber" or "Green", or nil.
    static func colourStatus(_ node: HTMLNode) -> String? {
        var hints: [String] = []
        if let b = node.attribute("bgcolor") { hints.append(b) }
        if let s = node.attribute("style")?.lowercased() {
            for decl in s.split(separator: ";") {
                let kv = decl.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if kv.count == 2, kv[0] == "background" || kv[0] == "background-color" { hints.append(kv[1]) }
            }
        }
        if let c = node.attribute("class") { hints.append(contentsOf: c.split(separator: " ").map(String.init)) }
        for h in hints {
            if let s = status(ofColour: h.lowercased()) { return s }
        }
        return nil
    }

    /// "Red", "Amber" or "Green" for a colour name, hex colour or class name, or nil.
    static func status(ofColour h: String) -> String? {
        let words = h.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "#" }).map(String.init)
        for w in words {
            switch w {
            case "red", "darkred", "crimson", "#f00", "#ff0000", "#c00000", "#e00000", "#ff3333", "#cc0000", "#d9534f", "#ff5050":
                return "Red"
            case "amber", "orange", "gold", "yellow", "#ffc000", "#ffbf00", "#ffa500", "#ff9900", "#ffcc00", "#ffff00", "#f0ad4e", "#fc0":
                return "Amber"
            case "green", "lime", "limegreen", "#0f0", "#00ff00", "#008000", "#00b050", "#92d050", "#00cc00", "#5cb85c", "#33cc33":
                return "Green"
            default:
                break
            }
        }
        // Class names such as `rag-red`, `status_amber`, `ragGreen`.
        let lower = h.lowercased()
        if lower.hasPrefix("#") || lower.hasPrefix("rgb") { return nil }
        for (word, status) in [("red", "Red"), ("amber", "Amber"), ("green", "Green")] where lower.hasSuffix(word) && (lower.contains("rag") || lower.contains("status")) {
            return status
        }
        return nil
    }
}
