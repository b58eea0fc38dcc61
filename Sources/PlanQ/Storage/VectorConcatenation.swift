/// Joins batch vectors of one column into a single vector.
///
/// Text vectors from different dictionaries (computed text) are re-interned into
/// one dictionary, so the result has one code space.
enum VectorConcatenation {
    static func concatenate(_ parts: [Vector], count: Int) -> Vector {
        guard let first = parts.first else { return Vector(.null(0)) }
        if parts.count == 1 { return first }
        // Validity: a mask only when some part has nulls.
        var validity: ValidityMask?
        if parts.contains(where: { $0.validity != nil || { if case .null = $0.data { return true } else { return false } }($0) }) {
            var mask = ValidityMask(count: count, allValid: true)
            var at = 0
            for p in parts {
                for i in 0..<p.count where p.isNull(i) { mask.set(at + i, valid: false) }
                at += p.count
            }
            validity = mask
        }
        func cat<T>(_ get: (VectorData) -> ArraySlice<T>?, _ zero: T) -> ContiguousArray<T> {
            var out = ContiguousArray<T>()
            out.reserveCapacity(count)
            for p in parts {
                if let a = get(p.data) { out.append(contentsOf: a) } else { out.append(contentsOf: repeatElement(zero, count: p.count)) }
            }
            return out
        }
        let type = parts.first(where: { $0.type != .null })?.type ?? .null
        switch type {
        case .null: return Vector(.null(count))
        case .bool: return Vector(.bool(cat({ if case .bool(let a) = $0 { return a } else { return nil } }, 0)[...]), validity: validity)
        case .int: return Vector(.int(cat({ if case .int(let a) = $0 { return a } else { return nil } }, 0)[...]), validity: validity)
        case .double: return Vector(.double(cat({ if case .double(let a) = $0 { return a } else { return nil } }, 0)[...]), validity: validity)
        case .date: return Vector(.date(cat({ if case .date(let a) = $0 { return a } else { return nil } }, 0)[...]), validity: validity)
        case .enumeration(let e):
            return Vector(.enumeration(cat({ if case .enumeration(let a, _) = $0 { return a } else { return nil } }, 0)[...], e), validity: validity)
        case .text:
            var dicts: [StringDictionary] = []
            for p in parts { if case .text(_, let d) = p.data, !dicts.contains(where: { $0 === d }) { dicts.append(d) } }
            if dicts.count == 1, let d = dicts.first {
                return Vector(.text(cat({ if case .text(let a, _) = $0 { return a } else { return nil } }, 0)[...], d), validity: validity)
            }
            let merged = StringDictionary()
            var out = ContiguousArray<UInt32>()
            out.reserveCapacity(count)
            var remaps: [UInt64: ContiguousArray<UInt32>] = [:]
            for p in parts {
                guard case .text(let codes, let d) = p.data else {
                    out.append(contentsOf: repeatElement(merged.intern(""), count: p.count))
                    continue
                }
                let key = d.generation
                let remap = remaps[key] ?? ContiguousArray(d.strings.map { merged.intern($0) })
                remaps[key] = remap
                for c in codes { out.append(remap[Int(c)]) }
            }
            return Vector(.text(out[...], merged), validity: validity)
        }
    }
}
