/// Record ids that survive a re-ingest: a hash of what identifies the record, not of where it is.
///
/// The key is document + plan + kind + the record's key fields (code, ref, text) + how many
/// earlier records of the same plan and kind had the same key fields. Line numbers are left out,
/// so editing text above a record does not change its id.
enum StableID {
    /// 64-bit FNV-1a of the UTF-8 bytes.
    static func fnv1a(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        return h
    }

    /// `prefix-` and 12 hex digits of the hash of `parts`.
    static func make(_ prefix: String, _ parts: [String]) -> String {
        let h = fnv1a(parts.joined(separator: "\u{1F}"))
        let hex = String(h, radix: 16)
        let padded = String(repeating: "0", count: max(0, 16 - hex.count)) + hex
        return prefix + "-" + padded.prefix(12)
    }
}
