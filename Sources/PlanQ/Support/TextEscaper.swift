/// Character-by-character escaping, shared by every writer that escapes text: CSV's
/// neighbour TSV, HTML, planq string literals in reports, SQL string literals and the
/// shell's history file. Each caller says what a character becomes; the walk is here.
public enum TextEscaper {
    /// `s` with every Unicode scalar for which `escape` returns a replacement replaced by
    /// it, and the others kept.
    public static func escaping(_ s: String, _ escape: (Unicode.Scalar) -> String?) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            if let e = escape(ch) { out += e } else { out.unicodeScalars.append(ch) }
        }
        return out
    }
}
