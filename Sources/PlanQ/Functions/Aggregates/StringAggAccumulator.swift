/// `string_agg(x, sep)`: each group's non-null values joined with `sep`, in the
/// order the rows arrive (the planner runs such a grouping on one thread, so that
/// is row order). A group with no non-null value gives null.
final class StringAggAccumulator: Accumulator {
    /// Per group: the joined text so far, nil until the first value.
    var values = ContiguousArray<String?>()
    let separator: String

    init(separator: String) { self.separator = separator }

    func resize(_ groups: Int) { grow(&values, groups, nil) }

    func update(_ gids: UnsafeBufferPointer<UInt32>, _ args: [Vector]) throws {
        guard case .text(let codes, let dict) = args[0].data else { return }
        let v = args[0]
        codes.withUnsafeBufferPointer { c in
            forEachValidRow(gids, v.validity) { g, i in
                let s = dict[c[i]]
                if values[g] == nil {
                    values[g] = s
                } else {
                    values[g]?.append(separator)
                    values[g]?.append(s)
                }
            }
        }
    }

    /// Appends `other`'s text after this one's (used only if a grouping were split;
    /// string_agg groupings are serial, so rows stay in order).
    func merge(_ other: Accumulator, map: UnsafeBufferPointer<UInt32>) throws {
        guard let o = other as? StringAggAccumulator else { throw mergeMismatch(self, other) }
        for g in 0..<min(map.count, o.values.count) where map[g] != skipGroup {
            guard let s = o.values[g] else { continue }
            let t = Int(map[g])
            values[t] = values[t].map { $0 + separator + s } ?? s
        }
    }

    func finish(_ groups: ContiguousArray<UInt32>, totalRows: Int) throws -> Vector {
        let d = StringDictionary()
        d.intern("")
        var mask: ValidityMask?
        var codes = ContiguousArray<UInt32>()
        codes.reserveCapacity(groups.count)
        for (r, g) in groups.enumerated() {
            if let s = values[Int(g)] {
                codes.append(d.intern(s))
            } else {
                codes.append(0)
                if mask == nil { mask = ValidityMask(count: groups.count, allValid: true) }
                mask?.set(r, valid: false)
            }
        }
        return Vector(.text(codes[...], d), validity: mask)
    }
}
