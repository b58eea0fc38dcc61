import Foundation
import CLibXML2

/// A read-only view of one libxml2 tree node: its kind, lower-case name, attributes and line.
///
/// The tree belongs to the `htmlDocPtr` being walked; a node is only used while that document lives.
struct HTMLNode {
    /// The libxml2 node.
    let ptr: xmlNodePtr

    /// Whether this is an element (not text, a comment, a CDATA section or a processing instruction).
    var isElement: Bool { ptr.pointee.type == XML_ELEMENT_NODE }
    /// Whether this is character data (text or CDATA).
    var isText: Bool { ptr.pointee.type == XML_TEXT_NODE || ptr.pointee.type == XML_CDATA_SECTION_NODE }

    /// The element's name in lower case ("" for other nodes).
    var name: String {
        guard isElement, let n = ptr.pointee.name else { return "" }
        return String(cString: n).lowercased()
    }

    /// The text of a text node ("" for other nodes).
    var content: String {
        guard isText, let c = ptr.pointee.content else { return "" }
        return String(cString: c)
    }

    /// The first child, if any.
    var firstChild: HTMLNode? { ptr.pointee.children.map(HTMLNode.init) }
    /// The next sibling, if any.
    var next: HTMLNode? { ptr.pointee.next.map(HTMLNode.init) }

    /// The 1-based source line libxml2 recorded for the node (0 when unknown).
    var line: Int { Int(xmlGetLineNo(ptr)) }

    /// The value of attribute `name` (compared case-insensitively), read in place from the
    /// attribute list so nothing is allocated by libxml2.
    func attribute(_ wanted: String) -> String? {
        var a = ptr.pointee.properties
        while let attr = a {
            if let n = attr.pointee.name, String(cString: n).lowercased() == wanted {
                var value = ""
                var c = attr.pointee.children
                while let t = c {
                    if let s = t.pointee.content { value += String(cString: s) }
                    c = t.pointee.next
                }
                return value
            }
            a = attr.pointee.next
        }
        return nil
    }

    /// A positive integer attribute (`rowspan`, `colspan`), clamped to `1...limit`; 1 when absent or bad.
    func span(_ name: String, limit: Int) -> Int {
        guard let v = attribute(name)?.trimmingCharacters(in: .whitespaces), let n = Int(v.prefix(9)), n >= 1 else { return 1 }
        return min(n, limit)
    }
}
