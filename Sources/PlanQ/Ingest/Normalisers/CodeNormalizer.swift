import Foundation

/// National Indicator and PSA codes, and local references, read tolerantly.
///
/// PDF exports split codes with spaces (`NI4 0`, `N I 40`, `CS D P014`) and glue them to words
/// (`NI175:`). `code(in:)` finds the first `NI n` / `PSA n` code; `ref(_:)` removes the
/// split spaces of a local reference.
enum CodeNormalizer {
    // Group 3 is a sub-part letter (`NI 195a` litter, `NI 195b` detritus; `NI 157a` major
    // applications): a letter a–e right after the number and not followed by another letter,
    // so a code glued to its title's first word (`NI 8Adult …`) is not read as one.
    private static let pattern = IngestPattern.make(#"(?<![A-Za-z])(N\s?I|PSA|P\s?SA)\s*[-:]?\s*(\d{1,3})(?:([a-eA-E])(?![A-Za-z]))?(?:\s(\d{1,2}))?(?=$|[^\d.%/])"#)

    /// A found code: its normalised form (`NI 40`) and the UTF-16 range it covered in the text.
    struct Match {
        /// `NI 40` or `PSA 9`.
        var code: String
        /// Where in the text it was.
        var range: NSRange
        /// The sub-part letter, lower case (`a` in `NI 195a`), or nil. The code stays the
        /// National Indicator's (`NI 195`, so it joins `national_indicators`); the part keeps
        /// the sub-indicators apart (see ``PerformanceModel/assignKeys(_:)``).
        var part: String? = nil
    }

    /// The first NI/PSA code in `s`, or nil.
    static func find(in s: String) -> Match? {
        let ns = s as NSString
        for m in pattern.matches(in: s, range: NSRange(location: 0, length: ns.length)) {
            let kind = ns.substring(with: m.range(at: 1)).replacingOccurrences(of: " ", with: "").uppercased()
            var digits = ns.substring(with: m.range(at: 2))
            var range = m.range
            let part = m.range(at: 3).location == NSNotFound ? nil : ns.substring(with: m.range(at: 3)).lowercased()
            if part == nil, m.range(at: 4).location != NSNotFound {
                let extra = ns.substring(with: m.range(at: 4))
                // `NI4 0 Number of ...`: the split digit belongs to the code when the joined number
                // is still a valid code and the text after is a word, not another number.
                let joined = digits + extra
                let limit = kind == "NI" ? 199 : 30
                if digits.count + extra.count <= 3, let n = Int(joined), n <= limit, digits.count <= 2 {
                    digits = joined
                } else {
                    range = NSRange(location: m.range.location, length: m.range(at: 2).location + m.range(at: 2).length - m.range.location)
                }
            } else if part != nil, m.range(at: 4).location != NSNotFound {
                // `NI 195a 12 …`: the number after the part is the text's, not the code's.
                range = NSRange(location: m.range.location, length: m.range(at: 3).location + 1 - m.range.location)
            }
            guard let n = Int(digits), n > 0 else { continue }
            if kind == "NI" && n > 199 { continue }
            return Match(code: "\(kind) \(n)", range: range, part: part)
        }
        return nil
    }

    /// The first NI/PSA code in `s`, normalised, or nil.
    static func code(in s: String) -> String? { find(in: s)?.code }

    /// Sets `code` (and `code_part` when the code has a sub-part letter) of an ingest row from
    /// the first code in `s`; returns the code, or nil (leaving the row alone) when `s` has none.
    @discardableResult
    static func setCode(_ r: inout [String: String], from s: String) -> String? {
        guard let m = find(in: s) else { return nil }
        r["code"] = m.code
        if let p = m.part { r["code_part"] = p }
        return m.code
    }

    /// `s` with its first code removed and the leftover punctuation around it trimmed.
    static func strippingCode(_ s: String) -> String {
        guard let m = find(in: s) else { return s }
        let ns = s as NSString
        var out = ns.replacingCharacters(in: m.range, with: " ")
        out = out.replacingOccurrences(of: "()", with: "").replacingOccurrences(of: "( )", with: "")
            .replacingOccurrences(of: "[LAA Target – ]", with: "")
        out = TextCleaner.collapse(out)
        return out.trimmingCharacters(in: CharacterSet(charactersIn: " :-–—.,;[]()"))
    }

    /// A local reference with PDF-split spaces removed: `AB C P012` → `ABCP012`, `RSK4- 1.10` → `RSK4-1.10`,
    /// `1.` → `1`.
    static func ref(_ s: String) -> String {
        var t = TextCleaner.fold(s)
        // `1 (XYZ A01-2)`: a cross-reference after the ref is not part of it.
        if let p = t.firstIndex(of: "("), !t[..<p].trimmingCharacters(in: .whitespaces).isEmpty { t = String(t[..<p]) }
        var r = t.replacingOccurrences(of: " ", with: "")
        while r.hasSuffix(".") || r.hasSuffix(":") { r.removeLast() }
        return r
    }

    /// Whether `s` reads like a reference rather than prose: short, no spaces once split spaces go,
    /// and holding a digit.
    static func looksLikeRef(_ s: String) -> Bool {
        let r = ref(s)
        return !r.isEmpty && r.count <= 14 && r.contains(where: \.isNumber) && s.split(separator: " ").count <= 4
            && !s.contains("%")
    }
}
