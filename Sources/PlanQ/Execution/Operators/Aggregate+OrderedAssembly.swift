import Foundation

extension Aggregate {
    /// The partitions' groups as one result in order of first appearance, each
    /// value moved once, straight to its final row. ``concatenateInOrder(_:)``
    /// copies every column twice (concatenation, then a gather by the order),
    /// which for q10's 1e7 groups of eight columns was as much work as the
    /// aggregation itself and held three copies of the result at once.
    ///
    /// A group's final row is the rank of its first position among all first
    /// positions: positions are distinct rows of the input, so they are marked
    /// in a bitmap over their range, and a rank is a prefix count of set bits.
    /// Falls back to ``concatenateInOrder(_:)`` when the order is by key, the
    /// positions are too sparse for a bitmap, or text columns use different dictionaries.
    ///
    /// With `packed`, each output's first column holds the groups' packed keys
    /// (``PackedHashGroupIndex/packedKeyVector(_:)``): one value a group is
    /// moved instead of one per key, and the keys are decoded in final order.
    func assembleInOrder(_ outputs: [PartitionOutput], packed: PackedHashGroupIndex? = nil) throws -> MaterializedSource {
        let total = outputs.reduce(0) { $0 + $1.count }
        let width = outputs.first?.columns.count ?? 0
        guard !declaredOrder, total > 0, total < Int(UInt32.max), outputs.allSatisfy({ $0.positions.count == $0.count }),
              let ranks = Aggregate.ranks(outputs, total: total),
              (0..<width).allSatisfy({ c in Aggregate.sameDictionary(outputs.map { $0.columns[c] }) }) else {
            guard let packed else { return concatenateInOrder(outputs) }
            let decoded = try outputs.map { o -> PartitionOutput in
                guard let first = o.columns.first, let keyColumns = packed.keyVectors(packed: first) else {
                    throw Diagnostic("internal error: a partition without its packed keys")
                }
                return PartitionOutput(columns: keyColumns + o.columns.dropFirst(), count: o.count, positions: o.positions)
            }
            return concatenateInOrder(decoded)
        }
        mergedGroups = total
        // Columns are placed in parallel, but on no more threads than the aggregation was given.
        let threads = min(width, max(1, parallel.count))
        let placed = try ParallelTasks.map(threads) { t in
            stride(from: t, to: width, by: threads).map { c in Aggregate.place(outputs.map { $0.columns[c] }, ranks, total: total) }
        }
        var columns: [Vector] = []
        for c in 0..<width { columns.append(placed[c % threads][c / threads]) }
        if let packed {
            guard let first = columns.first, let keyColumns = packed.keyVectors(packed: first) else {
                throw Diagnostic("internal error: a partition without its packed keys")
            }
            columns = keyColumns + columns.dropFirst()
        }
        return MaterializedSource(columns: columns, count: total, context: context)
    }

    /// Each output's rows' final row numbers, or nil when the positions repeat or spread too far.
    private static func ranks(_ outputs: [PartitionOutput], total: Int) -> [ContiguousArray<UInt32>]? {
        var lo = Int64.max, hi = Int64.min
        for o in outputs {
            for p in o.positions {
                lo = min(lo, p)
                hi = max(hi, p)
            }
        }
        let (span, overflow) = hi.subtractingReportingOverflow(lo)
        guard !overflow, hi != GroupOrder.unseen, span < Int64(8 * total + 1024) else { return nil }
        let words = Int(span >> 6) + 1
        var bits = ContiguousArray<UInt64>(repeating: 0, count: words)
        var duplicate = false
        bits.withUnsafeMutableBufferPointer { b in
            for o in outputs {
                for p in o.positions {
                    let k = Int(p - lo), bit = UInt64(1) << UInt64(k & 63)
                    if b[k >> 6] & bit != 0 { duplicate = true }
                    b[k >> 6] |= bit
                }
            }
        }
        if duplicate { return nil }
        // before[w]: set bits in the words before w.
        var before = ContiguousArray<UInt32>(repeating: 0, count: words)
        var running: UInt32 = 0
        for w in 0..<words {
            before[w] = running
            running &+= UInt32(bits[w].nonzeroBitCount)
        }
        return bits.withUnsafeBufferPointer { b in
            before.withUnsafeBufferPointer { pre in
                outputs.map { o in
                    o.positions.withUnsafeBufferPointer { ps in
                        makeBuffer(ps.count) { (out: UnsafeMutableBufferPointer<UInt32>) in
                            for i in 0..<ps.count {
                                let k = Int(ps[i] - lo), below = (UInt64(1) << UInt64(k & 63)) &- 1
                                (out.baseAddress.unsafelyUnwrapped + i)
                                    .initialize(to: pre[k >> 6] &+ UInt32((b[k >> 6] & below).nonzeroBitCount))
                            }
                        }
                    }
                }
            }
        }
    }

    /// Whether the text parts (if any) share one dictionary, so their codes can be moved as they are.
    private static func sameDictionary(_ parts: [Vector]) -> Bool {
        var dictionary: StringDictionary?
        for v in parts {
            guard case .text(_, let d) = v.data else { continue }
            if let seen = dictionary, seen !== d { return false }
            dictionary = d
        }
        return true
    }

    /// One column: each part's row `i` moved to row `ranks[part][i]`.
    private static func place(_ parts: [Vector], _ ranks: [ContiguousArray<UInt32>], total: Int) -> Vector {
        func move<T>(_ zero: T, _ get: (VectorData) -> ArraySlice<T>?) -> ArraySlice<T> {
            makeBuffer(total) { (out: UnsafeMutableBufferPointer<T>) in
                let base = out.baseAddress.unsafelyUnwrapped
                for (v, r) in zip(parts, ranks) {
                    r.withUnsafeBufferPointer { rs in
                        if let a = get(v.data) {
                            a.withUnsafeBufferPointer { src in
                                for i in 0..<rs.count { (base + Int(rs[i])).initialize(to: src[i]) }
                            }
                        } else {  // an all-null part
                            for i in 0..<rs.count { (base + Int(rs[i])).initialize(to: zero) }
                        }
                    }
                }
            }[...]
        }
        var validity: ValidityMask?
        if parts.contains(where: ScatteredColumn.hasNulls) {
            var mask = ValidityMask(count: total, allValid: true)
            for (v, r) in zip(parts, ranks) where ScatteredColumn.hasNulls(v) {
                for i in 0..<r.count where v.isNull(i) { mask.set(Int(r[i]), valid: false) }
            }
            validity = mask
        }
        let type = parts.first(where: { $0.type != .null })?.type ?? .null
        let data: VectorData
        switch type {
        case .null: return Vector(.null(total))
        case .bool: data = .bool(move(0) { if case .bool(let a) = $0 { return a } else { return nil } })
        case .int: data = .int(move(0) { if case .int(let a) = $0 { return a } else { return nil } })
        case .double: data = .double(move(0) { if case .double(let a) = $0 { return a } else { return nil } })
        case .date: data = .date(move(0) { if case .date(let a) = $0 { return a } else { return nil } })
        case .enumeration(let e):
            data = .enumeration(move(0) { if case .enumeration(let a, _) = $0 { return a } else { return nil } }, e)
        case .text:
            var dictionary = StringDictionary()
            for v in parts { if case .text(_, let d) = v.data { dictionary = d; break } }
            let codes = move(UInt32(0)) { if case .text(let a, _) = $0 { return a } else { return nil } }
            // An all-null part has no code of its own: code 0 under a null (the dictionary may be empty).
            data = .text(codes, dictionary)
        }
        return Vector(data, validity: validity)
    }
}
