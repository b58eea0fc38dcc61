import PlanQ

/// Makes data safe to print on a terminal: control characters become visible escapes.
///
/// A value holding `ESC [ 2 J` or a bidi override must not clear or reorder the
/// analyst's screen, so every C0/C1 control, DEL and the bidi embedding/override/
/// isolate characters are written as `\x1B` or `\u{202E}`. Line breaks and tabs
/// can be kept, for the writers that deal with them themselves.
enum ControlEscaper {
    /// `s` with unsafe characters escaped; `keep` lists the characters left alone.
    static func escape(_ s: String, keep: Set<Unicode.Scalar> = []) -> String {
        guard s.unicodeScalars.contains(where: { isUnsafe($0) && !keep.contains($0) }) else { return s }
        var out = ""
        for u in s.unicodeScalars {
            if !isUnsafe(u) || keep.contains(u) {
                out.unicodeScalars.append(u)
            } else if u.value < 0x100 {
                out += "\\x" + hex(u.value, digits: 2)
            } else {
                out += "\\u{" + hex(u.value, digits: 4) + "}"
            }
        }
        return out
    }

    static func isUnsafe(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    private static func hex(_ v: UInt32, digits: Int) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - s.count)) + s
    }

    /// `table` with column names and text/enum values escaped. Only dictionaries that
    /// hold an unsafe string are rebuilt; codes stay valid because the dictionary keeps
    /// its order.
    static func escape(_ table: Table, keep: Set<Unicode.Scalar>) -> Table {
        func needs(_ s: String) -> Bool { s.unicodeScalars.contains { isUnsafe($0) && !keep.contains($0) } }
        var changed = false
        let columns = table.columns.map { c -> Column in
            var v = c.vector
            switch v.data {
            case .text(let codes, let d) where d.strings.contains(where: needs):
                v.data = .text(codes, StringDictionary(unique: d.strings.map { escape($0, keep: keep) }))
            case .enumeration(let codes, let e) where e.values.contains(where: needs):
                v.data = .enumeration(codes, EnumType(name: e.name, values: e.values.map { escape($0, keep: keep) }))
            default:
                if !needs(c.name) { return c }
            }
            changed = true
            return Column(name: escape(c.name, keep: keep), vector: v)
        }
        return changed ? Table(name: table.name, columns: columns, rowCount: table.rowCount) : table
    }
}
