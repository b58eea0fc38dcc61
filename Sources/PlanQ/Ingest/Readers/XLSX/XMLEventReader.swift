import CLibXML2
import Foundation

/// A streaming pass over an XML part of a workbook with libxml2's reader: start tags with their
/// attributes (by local name, prefixes dropped), end tags and text, handed to a closure. Entities
/// are not substituted and nothing is fetched from the network; libxml2 refuses nesting over 256.
enum XMLEventReader {
    /// One event of the stream.
    enum Event {
        /// A start tag: local name, attributes by local name, and whether it closes itself (`<c/>`).
        case start(String, [String: String], empty: Bool)
        /// An end tag (also sent right after a self-closing start tag).
        case end(String)
        /// Character data.
        case text(String)
    }

    /// Sends every event of `data` to `handle`; `part` names the part in messages.
    static func read(_ data: Data, part: String, _ handle: (Event) throws(DecodeFailure) -> Void) throws(DecodeFailure) {
        guard data.count < Int(Int32.max) else { throw DecodeFailure("the workbook part '\(part)' is too large") }
        planq_xml_quiet()
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_COMPACT.rawValue)
        // withUnsafeBytes rethrows untyped errors, so the failure is carried out in a variable.
        var failure: DecodeFailure? = nil
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Void in
            do throws(DecodeFailure) {
                try readAll(raw, part: part, options: options, handle)
            } catch {
                failure = error
            }
        }
        if let f = failure { throw f }
    }

    /// The loop over the events of the bytes in `raw`.
    private static func readAll(_ raw: UnsafeRawBufferPointer, part: String, options: Int32,
                                _ handle: (Event) throws(DecodeFailure) -> Void) throws(DecodeFailure) {
        guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self),
              let reader = xmlReaderForMemory(base, Int32(raw.count), nil, nil, options) else {
            throw DecodeFailure("the workbook part '\(part)' is empty or cannot be read as XML")
        }
        defer { xmlFreeTextReader(reader) }
        while true {
            let r = xmlTextReaderRead(reader)
            if r == 0 { break }
            if r < 0 {
                throw DecodeFailure("the workbook part '\(part)' is not well-formed XML (line \(xmlTextReaderGetParserLineNumber(reader)))")
            }
            switch xmlTextReaderNodeType(reader) {
            case 1:  // element
                let name = xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? ""
                let empty = xmlTextReaderIsEmptyElement(reader) == 1
                var attrs: [String: String] = [:]
                if xmlTextReaderMoveToFirstAttribute(reader) == 1 {
                    repeat {
                        if let n = xmlTextReaderConstLocalName(reader) {
                            attrs[String(cString: n)] = xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
                        }
                    } while xmlTextReaderMoveToNextAttribute(reader) == 1
                    xmlTextReaderMoveToElement(reader)
                }
                try handle(.start(name, attrs, empty: empty))
                if empty { try handle(.end(name)) }
            case 15:  // end element
                try handle(.end(xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? ""))
            case 3, 4, 14:  // text, CDATA, significant whitespace
                if let v = xmlTextReaderConstValue(reader) { try handle(.text(String(cString: v))) }
            default:
                break
            }
        }
    }
}
