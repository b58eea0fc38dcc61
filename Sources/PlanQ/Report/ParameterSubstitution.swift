/// Replaces `$name` in a report query with the parameter's value as a quoted planq
/// literal, and maps positions in the substituted text back to the report file.
///
/// Substitution is lexical but never inside a string literal, a quoted identifier or a
/// `--` comment, so `"costs $5"` stays as written. A value always becomes one literal
/// token (``ReportParameterValue/literal``), so a parameter cannot inject query syntax.
struct ParameterSubstitution {
    /// A `$name` in the query text: byte offsets of the `$` and just past the name.
    struct Reference {
        var name: String
        var start: Int
        var end: Int
    }

    /// A replaced region: `[outStart, outEnd)` in the output stood for `[inStart, inEnd)` in the input.
    struct Segment {
        var outStart: Int, outEnd: Int, inStart: Int, inEnd: Int
        /// The parameter whose value fills the region.
        var name: String
    }

    /// The query with parameters substituted.
    let text: String
    /// Where the query text starts in the report file.
    let offset: Int
    let segments: [Segment]

    /// Substitutes every reference in `query` (which starts at byte `offset` of the file).
    /// Unknown names are left as written; the parser has already rejected them.
    init(_ query: String, offset: Int, values: [String: ReportParameterValue]) {
        var out: [UInt8] = []
        var segments: [Segment] = []
        let bytes = Array(query.utf8)
        var pos = 0
        for ref in ParameterSubstitution.references(in: query) {
            guard let v = values[ref.name] else { continue }
            out += bytes[pos..<ref.start]
            let lit = Array(v.literal.utf8)
            segments.append(Segment(outStart: out.count, outEnd: out.count + lit.count, inStart: ref.start, inEnd: ref.end,
                                    name: ref.name))
            out += lit
            pos = ref.end
        }
        out += bytes[pos...]
        self.text = String(decoding: out, as: UTF8.self)
        self.offset = offset
        self.segments = segments
    }

    /// The file offset of byte `o` of the substituted text. A position inside a
    /// substituted literal maps to its `$name`.
    func fileOffset(_ o: Int) -> Int {
        guard let seg = segments.last(where: { $0.outStart <= o }) else { return offset + o }
        if o < seg.outEnd { return offset + seg.inStart }
        return offset + seg.inEnd + (o - seg.outEnd)
    }

    /// The parameter whose substituted value covers `span` of the substituted text, if any.
    func parameter(at span: SourceSpan) -> String? {
        segments.first { $0.outStart <= span.start && span.start < $0.outEnd }?.name
    }

    /// A span of the substituted text as a span of the file.
    func fileSpan(_ s: SourceSpan) -> SourceSpan {
        let start = fileOffset(s.start)
        let end = s.end > s.start ? fileOffset(s.end - 1) + 1 : start
        if let seg = segments.first(where: { $0.outStart <= s.start && s.start < $0.outEnd }) {
            return SourceSpan(start, max(end, offset + seg.inEnd))
        }
        return SourceSpan(start, end)
    }

    /// Every `$name` outside strings, quoted identifiers and comments (or, for prose
    /// with `skipQuoted: false`, every `$name`).
    static func references(in query: String, skipQuoted: Bool = true) -> [Reference] {
        let b = Array(query.utf8)
        var refs: [Reference] = []
        var i = 0
        func isName(_ c: UInt8) -> Bool {
            (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "_")
        }
        while i < b.count {
            let c = b[i]
            if skipQuoted, c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") || c == UInt8(ascii: "`") {
                i += 1
                while i < b.count, b[i] != c {
                    if b[i] == UInt8(ascii: "\\"), c != UInt8(ascii: "`") { i += 1 }
                    i += 1
                }
                i += 1
            } else if skipQuoted, c == UInt8(ascii: "-"), i + 1 < b.count, b[i + 1] == UInt8(ascii: "-") {
                while i < b.count, b[i] != UInt8(ascii: "\n") { i += 1 }
            } else if c == UInt8(ascii: "$") {
                var j = i + 1
                while j < b.count, isName(b[j]) { j += 1 }
                if j > i + 1 {
                    refs.append(Reference(name: String(decoding: b[(i + 1)..<j], as: UTF8.self), start: i, end: j))
                }
                i = j == i + 1 ? i + 1 : j
            } else {
                i += 1
            }
        }
        return refs
    }
}
