/// Per-dictionary results (a 0/1 table, a remap, lengths) keyed by the
/// dictionary's ``StringDictionary/generation``, its size and what was computed.
///
/// Generations are never reused, so an entry cannot be handed to another
/// dictionary. Computed text makes a fresh dictionary per batch, whose entries are
/// never asked for again; the cache is therefore bounded: past `capacity`
/// entries it starts over, and a column's long-lived dictionary is recomputed once.
struct DictionaryCache<Value> {
    /// Identifies one computation over one dictionary at one size.
    struct Key: Hashable {
        let generation: UInt64
        let size: Int
        let what: String

        init(_ dictionary: StringDictionary, _ what: String) {
            generation = dictionary.generation
            size = dictionary.count
            self.what = what
        }
    }

    private var entries: [Key: Value] = [:]
    /// Most entries held before the cache is cleared.
    let capacity: Int

    init(capacity: Int = 256) { self.capacity = capacity }

    /// The cached value for `key`, or `make()`'s, stored for next time.
    mutating func value(_ key: Key, _ make: () throws -> Value) rethrows -> Value {
        if let v = entries[key] { return v }
        let v = try make()
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[key] = v
        return v
    }

    /// Number of entries held (for tests).
    var count: Int { entries.count }
}
