/// `case when … then … [else …] end`, evaluated branch by branch over selection
/// vectors: each condition runs only on the rows no earlier branch took, each
/// result only on the rows its condition took, and the values are scattered into
/// one typed output buffer. There is no per-row switch over branches, and a
/// branch's errors (an overflow, a bad regex) can only come from rows it decides.
extension ExpressionExecutor {
    func evaluateCase(_ whens: [(condition: PhysicalExpr, result: PhysicalExpr)], _ otherwise: PhysicalExpr?,
                      _ type: DataType, _ batch: Batch) throws -> Vector {
        let n = batch.count
        var out = CaseOutput(type: type, count: n)
        // The rows still unmatched: `current` holds them gathered, `positions` maps
        // its rows back to the batch (nil while every row is still unmatched).
        var current = batch
        var positions: SelectionVector? = nil
        for w in whens where current.count > 0 {
            let cond = try evaluate(w.condition, current)
            let (taken, rest) = CaseOutput.split(cond)
            if !taken.isEmpty {
                let sub = taken.count == current.count ? current : current.gather(taken)
                let v = try evaluate(w.result, sub)
                try out.write(v, at: CaseOutput.compose(positions, taken))
            }
            if rest.count == current.count { continue }
            current = current.gather(rest)
            positions = CaseOutput.compose(positions, rest)
        }
        if let otherwise, current.count > 0 {
            let v = try evaluate(otherwise, current)
            try out.write(v, at: positions ?? SelectionVector((0..<UInt32(n)).map { $0 }))
        }
        return out.finish()
    }
}

/// The output of a `case`: a typed buffer filled branch by branch, null where no
/// branch wrote (no `else`, or a branch gave null).
struct CaseOutput {
    let type: DataType
    let count: Int
    var validity: ValidityMask
    var ints = ContiguousArray<Int64>()
    var doubles = ContiguousArray<Double>()
    var dates = ContiguousArray<Int32>()
    var bytes = ContiguousArray<UInt8>()
    var codes = ContiguousArray<UInt32>()
    /// The result's dictionary for text: every branch's strings interned once.
    let dictionary = StringDictionary()

    init(type: DataType, count: Int) {
        self.type = type
        self.count = count
        validity = ValidityMask(count: count, allValid: false)
        switch type {
        case .int: ints = ContiguousArray(repeating: 0, count: count)
        case .double: doubles = ContiguousArray(repeating: 0, count: count)
        case .date: dates = ContiguousArray(repeating: 0, count: count)
        case .bool: bytes = ContiguousArray(repeating: 0, count: count)
        case .enumeration, .text: codes = ContiguousArray(repeating: 0, count: count)
        case .null: break
        }
        if type == .text { dictionary.intern("") }
    }

    /// Rows where a condition is true (taken) and where it is false or null (the rest).
    static func split(_ cond: Vector) -> (taken: SelectionVector, rest: SelectionVector) {
        var taken = SelectionVector(), rest = SelectionVector()
        guard case .bool(let a) = cond.data else {
            // An all-null condition takes nothing.
            return (taken, SelectionVector((0..<UInt32(cond.count)).map { $0 }))
        }
        taken.reserveCapacity(a.count)
        rest.reserveCapacity(a.count)
        a.withUnsafeBufferPointer { p in
            if let mask = cond.validity {
                for i in 0..<p.count {
                    if p[i] != 0 && mask.isValid(i) { taken.append(UInt32(i)) } else { rest.append(UInt32(i)) }
                }
            } else {
                for i in 0..<p.count {
                    if p[i] != 0 { taken.append(UInt32(i)) } else { rest.append(UInt32(i)) }
                }
            }
        }
        return (taken, rest)
    }

    /// `inner` (positions within a gathered batch) as positions in the original batch.
    static func compose(_ outer: SelectionVector?, _ inner: SelectionVector) -> SelectionVector {
        guard let outer else { return inner }
        return outer.withUnsafeBufferPointer { o in SelectionVector(inner.map { o[Int($0)] }) }
    }

    /// Writes `v`'s rows to `positions` (one position per row of `v`).
    mutating func write(_ v: Vector, at positions: SelectionVector) throws {
        func scatter<T>(_ dst: inout ContiguousArray<T>, _ src: ArraySlice<T>) {
            dst.withUnsafeMutableBufferPointer { d in
                src.withUnsafeBufferPointer { s in
                    positions.withUnsafeBufferPointer { p in
                        for i in 0..<p.count { d[Int(p[i])] = s[i] }
                    }
                }
            }
        }
        switch (v.data, type) {
        case (.null, _): return
        case (.int(let a), .int): scatter(&ints, a)
        case (.double(let a), .double): scatter(&doubles, a)
        case (.date(let a), .date): scatter(&dates, a)
        case (.bool(let a), .bool): scatter(&bytes, a)
        case (.enumeration(let a, _), .enumeration): scatter(&codes, a)
        case (.text(let a, let d), .text):
            scatter(&codes, remap(a, d))
        default:
            throw Diagnostic("internal error: a case branch of type \(v.type) in a case of type \(type)")
        }
        positions.withUnsafeBufferPointer { p in
            for i in 0..<p.count where !v.isNull(i) { validity.set(Int(p[i]), valid: true) }
        }
    }

    /// Codes of `d` re-coded into the result dictionary, interning only the codes used.
    private func remap(_ a: ArraySlice<UInt32>, _ d: StringDictionary) -> ArraySlice<UInt32> {
        if d.count <= 4 * max(a.count, 16) {
            var table = ContiguousArray<UInt32>(repeating: UInt32.max, count: d.count)
            return map1(a) { c in
                if table[Int(c)] == UInt32.max { table[Int(c)] = dictionary.intern(d[c]) }
                return table[Int(c)]
            }
        }
        var seen: [UInt32: UInt32] = [:]
        return map1(a) { c in
            if let r = seen[c] { return r }
            let r = dictionary.intern(d[c])
            seen[c] = r
            return r
        }
    }

    /// The finished vector.
    func finish() -> Vector {
        let mask: ValidityMask? = validity.nullCount == 0 ? nil : validity
        switch type {
        case .null: return Vector(.null(count))
        case .int: return Vector(.int(ints[...]), validity: mask)
        case .double: return Vector(.double(doubles[...]), validity: mask)
        case .date: return Vector(.date(dates[...]), validity: mask)
        case .bool: return Vector(.bool(bytes[...]), validity: mask)
        case .enumeration(let e): return Vector(.enumeration(codes[...], e), validity: mask)
        case .text: return Vector(.text(codes[...], dictionary), validity: mask)
        }
    }
}
