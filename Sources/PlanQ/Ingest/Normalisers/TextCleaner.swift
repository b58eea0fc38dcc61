import Foundation

/// Turns a raw cell or line of PDF-exported text into plain text.
///
/// The exports hold HTML fragments (`<p>`, `<ul>`/`<li>`, `<u>`, `<div>`, `<i>`), bullet glyphs
/// (`•`, `○`, `▪`), entities, Cyrillic letters that look like Latin ones, and runs of spaces.
/// `clean` keeps list items apart with `; ` so a list stays a list once the tags are gone.
enum TextCleaner {
    /// Cyrillic (and a few other) look-alikes of Latin letters, folded to the Latin letter.
    static let lookAlikes: [Character: Character] = [
        "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C",
        "Т": "T", "Х": "X", "У": "Y", "І": "I", "Ј": "J", "Ѕ": "S",
        "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j",
        "ѕ": "s", "ԁ": "d", "һ": "h", "ӏ": "l", "Ī": "I", "ı": "i", "\u{00A0}": " ", "\u{2007}": " ",
        "\u{202F}": " ", "\u{FB01}": "f",
    ]

    /// Bullet glyphs that start a list item.
    static let bullets: Set<Character> = ["\u{2022}", "\u{25CB}", "\u{25AA}", "\u{25E6}", "\u{25CF}", "\u{25A0}", "\u{25A1}", "\u{F0B7}", "\u{F0A7}", "\u{2023}", "\u{2043}"]

    /// Folds look-alike letters to Latin without changing anything else.
    static func fold(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0.value >= 0x80 }) else { return s }
        return String(s.map { lookAlikes[$0] ?? $0 })
    }

    /// HTML tags removed (block tags and bullets become `; `), entities decoded, look-alikes
    /// folded, whitespace collapsed, and stray separators trimmed.
    static func clean(_ raw: String) -> String {
        // Most cells are plain ASCII with single spaces: nothing below would change them.
        if isPlainASCII(raw, allowing: false) { return raw }
        var out = ""
        out.reserveCapacity(raw.utf8.count)
        var i = raw.startIndex
        while i < raw.endIndex {
            let c = raw[i]
            if c == "<", let close = raw[i...].firstIndex(of: ">"), raw.distance(from: i, to: close) < 200 {
                let tag = raw[raw.index(after: i)..<close].lowercased()
                let name = tag.trimmingCharacters(in: CharacterSet(charactersIn: "/ ")).split(separator: " ").first.map(String.init) ?? ""
                if ["p", "li", "div", "br", "ul", "ol", "tr", "td", "h1", "h2", "h3", "h4"].contains(name) {
                    out += " ; "
                } else {
                    out += ""
                }
                i = raw.index(after: close)
                continue
            }
            if bullets.contains(c) {
                out += " ; "
            } else if c == "&" {
                let rest = raw[i...].prefix(8)
                if rest.hasPrefix("&amp;") { out += "&"; i = raw.index(i, offsetBy: 5); continue }
                if rest.hasPrefix("&nbsp;") { out += " "; i = raw.index(i, offsetBy: 6); continue }
                if rest.hasPrefix("&lt;") { out += "<"; i = raw.index(i, offsetBy: 4); continue }
                if rest.hasPrefix("&gt;") { out += ">"; i = raw.index(i, offsetBy: 4); continue }
                if rest.hasPrefix("&quot;") { out += "\""; i = raw.index(i, offsetBy: 6); continue }
                out.append(c)
            } else {
                out.append(lookAlikes[c] ?? c)
            }
            i = raw.index(after: i)
        }
        // Markdown emphasis left by some exports (`**Theme**`).
        if out.contains("**") { out = out.replacingOccurrences(of: "**", with: " ") }
        return tidySeparators(collapse(out))
    }

    /// Runs of whitespace (spaces, tabs, line breaks, no-break spaces) become one space; ends
    /// trimmed. The one whitespace rule of the ingest: text cells and HTML text both use it.
    static func collapse(_ s: String) -> String {
        if isPlainASCII(s, allowing: true) { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var space = false
        for ch in s {
            if ch.isWhitespace {
                space = true
            } else {
                if space && !out.isEmpty { out.append(" ") }
                space = false
                out.append(ch)
            }
        }
        return out
    }

    /// Whether `s` is printable ASCII with single spaces between words and none at the ends,
    /// so that ``collapse(_:)`` (`markup` true: any printable ASCII) or ``clean(_:)`` (`markup`
    /// false: also no `<`, `&`, `*` or `;`, which start tags, entities, emphasis and list
    /// separators) would return it unchanged. One pass over the bytes; the ingest's hot path.
    static func isPlainASCII(_ s: String, allowing markup: Bool) -> Bool {
        var previous: UInt8 = 0x20
        for b in s.utf8 {
            guard b >= 0x20, b < 0x7F else { return false }
            if b == 0x20 && previous == 0x20 { return false }
            if !markup && (b == 0x3C || b == 0x26 || b == 0x2A || b == 0x3B) { return false }
            previous = b
        }
        return previous != 0x20 || s.isEmpty
    }

    /// Empty list items dropped: `; ; a ; b ;` → `a; b`.
    static func tidySeparators(_ s: String) -> String {
        guard s.contains(";") else { return s }
        let parts = s.components(separatedBy: " ; ")
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " ;")) }
            .filter { !$0.isEmpty }
        return parts.joined(separator: "; ")
    }

    /// Lower-case letters and digits only, for comparing header words and headings.
    static func key(_ s: String) -> String {
        String(fold(s).lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }

    /// Lower-case words separated by single spaces, punctuation removed.
    static func words(_ s: String) -> String {
        // ASCII text (nearly all of it): letters lower-cased, digits kept, the rest one space.
        if s.utf8.allSatisfy({ $0 < 0x80 }) {
            var out = [UInt8]()
            out.reserveCapacity(s.utf8.count)
            var gap = false
            for b in s.utf8 {
                let lower = b | 0x20
                if (lower >= 0x61 && lower <= 0x7A) || (b >= 0x30 && b <= 0x39) {
                    if gap && !out.isEmpty { out.append(0x20) }
                    gap = false
                    out.append(b >= 0x30 && b <= 0x39 ? b : lower)
                } else {
                    gap = true
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
        let mapped = fold(s).lowercased().map { $0.isLetter || $0.isNumber ? $0 : " " }
        return collapse(String(mapped))
    }
}
