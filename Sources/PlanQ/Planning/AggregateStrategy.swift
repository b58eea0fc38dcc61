/// Chooses how a grouping maps keys to groups, from key types and column statistics.
///
/// Direct indexing (no hashing) when every key is a column read from a table
/// whose values fall in a small known domain — a text dictionary, an enum, a
/// bool, or ints/dates within a narrow range — and the product of the domains
/// (each plus one for null) is small; when that product is large but fits in one
/// word, a hash table on the packed word; otherwise a hash table on normalised keys.
enum AggregateStrategy {
    /// Direct tables up to this many slots are always chosen (bools, RAG, small enums).
    static let tinySlots = 4

    static func choose(keys: [BoundExpr], known: [ColumnID: PhysicalPlanner.Known]) -> GroupIndex {
        var domains: [DirectGroupIndex.KeyDomain] = []
        var dicts: [StringDictionary?] = []
        var rows = 0
        for k in keys {
            guard let (domain, dict, n) = directDomain(k, known) else {
                return HashGroupIndex(types: keys.map(\.type))
            }
            domains.append(domain)
            dicts.append(dict)
            rows = max(rows, n)
        }
        let types = keys.map(\.type)
        // Every key has a small domain; the product of the domains (each plus one
        // for null) decides. Too big to index directly but packable into one word:
        // hash that word (fewer instructions and bytes per row than normalised keys).
        var slots = 1
        for d in domains {
            slots = slots.multipliedReportingOverflow(by: d.size + 1).partialValue
            if slots > DirectGroupIndex.maxSlots || slots <= 0 { slots = Int.max; break }
        }
        if slots > DirectGroupIndex.maxSlots {
            guard PackedHashGroupIndex.fits(domains) else { return HashGroupIndex(types: types) }
            return PackedHashGroupIndex(domains: domains, types: types, dictionaries: dicts, rowHint: rows)
        }
        // Direct indexing pays off when slots are few relative to rows (on average at
        // least two rows a slot); a near-unique key (titles, ids) is hashed instead.
        // With no row count known (keys that are enums or bools) the domain alone decides.
        if rows > 0 && slots > tinySlots && slots * 2 > rows {
            return PackedHashGroupIndex.fits(domains) ? PackedHashGroupIndex(domains: domains, types: types, dictionaries: dicts, rowHint: rows)
                : HashGroupIndex(types: types)
        }
        return DirectGroupIndex(domains: domains, types: types, dictionaries: dicts)
    }

    private static func directDomain(_ e: BoundExpr, _ known: [ColumnID: PhysicalPlanner.Known])
        -> (DirectGroupIndex.KeyDomain, StringDictionary?, Int)? {
        switch e.type {
        case .null: return (.codes(size: 0), nil, 0)
        case .bool: return (.codes(size: 2), nil, 0)
        case .enumeration(let en): return (.codes(size: en.values.count), nil, 0)
        default: break
        }
        guard case .column(let id, _) = e, let k = known[id] else { return nil }
        switch k.column.vector.data {
        case .text(_, let d): return (.codes(size: d.count), d, k.rows)
        case .int, .date:
            guard let lo = k.column.stats.minInt, let hi = k.column.stats.maxInt else { return (.range(min: 0, size: 0), nil, k.rows) }
            let (span, o) = hi.subtractingReportingOverflow(lo)
            guard !o, span < Int64(DirectGroupIndex.maxSlots) else { return nil }
            return (.range(min: lo, size: Int(span) + 1), nil, k.rows)
        default: return nil
        }
    }
}
