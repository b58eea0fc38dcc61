import Foundation

/// Reads the XHTML that `pdftotext -bbox-layout` writes into pages of word boxes.
///
/// Only `<page width height>` and `<word xMin yMin xMax yMax>text</word>` matter: the layout is
/// rebuilt from the boxes (``PDFPageLayout``), not from poppler's own blocks and lines, which split
/// a table into one block per cell in no dependable order. The scanner works on bytes and never
/// fails: anything it does not recognise is skipped, so damaged output gives fewer words, not a crash.
enum PDFBBoxParser {
    /// The pages in `xhtml`.
    static func pages(_ xhtml: Data) -> [PDFPage] {
        var pages: [PDFPage] = []
        let bytes = [UInt8](xhtml)
        var i = 0
        let n = bytes.count
        while i < n {
            guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
            if starts(bytes, at: i, with: "<page ") || starts(bytes, at: i, with: "<page>") {
                let end = tagEnd(bytes, from: i)
                let attrs = attributes(bytes, i, end)
                pages.append(PDFPage(number: pages.count + 1, width: attrs["width"] ?? 0, height: attrs["height"] ?? 0, words: []))
                i = end
            } else if starts(bytes, at: i, with: "<word ") {
                let end = tagEnd(bytes, from: i)
                let attrs = attributes(bytes, i, end)
                var j = end
                while j < n && bytes[j] != UInt8(ascii: "<") { j += 1 }
                let text = decodeEntities(String(decoding: bytes[min(end, j)..<j], as: UTF8.self))
                if !pages.isEmpty, let x0 = attrs["xMin"], let y0 = attrs["yMin"], let x1 = attrs["xMax"], let y1 = attrs["yMax"],
                   x0.isFinite, y0.isFinite, x1.isFinite, y1.isFinite, x1 >= x0, y1 >= y0,
                   !text.trimmingCharacters(in: .whitespaces).isEmpty {
                    pages[pages.count - 1].words.append(PDFWord(text: text, x0: x0, y0: y0, x1: x1, y1: y1))
                }
                i = j
            } else {
                i += 1
            }
        }
        return pages
    }

    /// Whether `bytes` at `i` starts with the ASCII string `s`.
    static func starts(_ bytes: [UInt8], at i: Int, with s: String) -> Bool {
        let u = Array(s.utf8)
        guard i + u.count <= bytes.count else { return false }
        for k in 0..<u.count where bytes[i + k] != u[k] { return false }
        return true
    }

    /// The index just past the `>` closing the tag that opens at `i` (or the end of the bytes).
    static func tagEnd(_ bytes: [UInt8], from i: Int) -> Int {
        var j = i
        while j < bytes.count && bytes[j] != UInt8(ascii: ">") { j += 1 }
        return min(j + 1, bytes.count)
    }

    /// The numeric attributes `name="value"` between `start` and `end`.
    static func attributes(_ bytes: [UInt8], _ start: Int, _ end: Int) -> [String: Double] {
        var out: [String: Double] = [:]
        var i = start
        while i < end {
            guard bytes[i] == UInt8(ascii: "=") else { i += 1; continue }
            var k = i - 1
            while k > start && (bytes[k] == UInt8(ascii: " ")) { k -= 1 }
            var s = k
            while s > start && bytes[s - 1] != UInt8(ascii: " ") && bytes[s - 1] != UInt8(ascii: "<") { s -= 1 }
            let name = String(decoding: bytes[s...k], as: UTF8.self)
            var v = i + 1
            guard v < end, bytes[v] == UInt8(ascii: "\"") else { i += 1; continue }
            v += 1
            var e = v
            while e < end && bytes[e] != UInt8(ascii: "\"") { e += 1 }
            if let d = Double(String(decoding: bytes[v..<e], as: UTF8.self)) { out[name] = d }
            i = e + 1
        }
        return out
    }

    /// `text` with the XML entities poppler writes (`&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`,
    /// numeric references) decoded.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[amp...]
            guard let semi = after.prefix(12).firstIndex(of: ";") else { out += "&"; rest = after.dropFirst(); continue }
            let name = after[after.index(after: amp)..<semi]
            let named: [Substring: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " "]
            if let s = named[name] {
                out += s
            } else if name.hasPrefix("#"), let code = name.hasPrefix("#x") || name.hasPrefix("#X") ? UInt32(name.dropFirst(2), radix: 16) : UInt32(name.dropFirst()),
                      let scalar = Unicode.Scalar(code), scalar != "\0" {
                out.unicodeScalars.append(scalar)
            } else {
                out += after[...semi]
            }
            rest = after[after.index(after: semi)...]
        }
        out += rest
        return out
    }
}
