/// `= != < <= > >=` between two vectors of the same type.
///
/// Each type gets its own loop over typed buffers; the operator is chosen once
/// per batch. Text compares codes when both sides share a dictionary (equality)
/// and strings otherwise.
enum ComparisonKernels {
    @inline(__always)
    static func cmp<T: Comparable>(_ op: ComparisonOp, _ x: ArraySlice<T>, _ y: ArraySlice<T>) -> ArraySlice<UInt8> {
        switch op {
        case .eq: return map2(x, y) { $0 == $1 ? 1 : 0 }
        case .ne: return map2(x, y) { $0 != $1 ? 1 : 0 }
        case .lt: return map2(x, y) { $0 < $1 ? 1 : 0 }
        case .le: return map2(x, y) { $0 <= $1 ? 1 : 0 }
        case .gt: return map2(x, y) { $0 > $1 ? 1 : 0 }
        case .ge: return map2(x, y) { $0 >= $1 ? 1 : 0 }
        }
    }

    @inline(__always)
    static func cmpConst<T: Comparable>(_ op: ComparisonOp, _ x: ArraySlice<T>, _ c: T) -> ArraySlice<UInt8> {
        switch op {
        case .eq: return mapConst(x, c) { $0 == $1 ? 1 : 0 }
        case .ne: return mapConst(x, c) { $0 != $1 ? 1 : 0 }
        case .lt: return mapConst(x, c) { $0 < $1 ? 1 : 0 }
        case .le: return mapConst(x, c) { $0 <= $1 ? 1 : 0 }
        case .gt: return mapConst(x, c) { $0 > $1 ? 1 : 0 }
        case .ge: return mapConst(x, c) { $0 >= $1 ? 1 : 0 }
        }
    }

    /// Whether `a op b` holds for two comparable values.
    @inline(__always)
    static func holds<T: Comparable>(_ op: ComparisonOp, _ a: T, _ b: T) -> Bool {
        op.holds(a, b)
    }

    static func compare(_ op: ComparisonOp, _ a: Vector, _ b: Vector) -> Vector {
        let validity = ValidityMask.and(a.validity, b.validity)
        let r: ArraySlice<UInt8>
        switch (a.data, b.data) {
        case (.int(let x), .int(let y)): r = cmp(op, x, y)
        case (.double(let x), .double(let y)): r = cmp(op, x, y)
        case (.date(let x), .date(let y)): r = cmp(op, x, y)
        case (.bool(let x), .bool(let y)): r = cmp(op, x, y)
        case (.enumeration(let x, _), .enumeration(let y, _)): r = cmp(op, x, y)
        case (.text(let x, let dx), .text(let y, let dy)):
            if dx === dy && (op == .eq || op == .ne) {
                r = cmp(op, x, y)
            } else {
                r = map2(x, y) { p, q in holds(op, dx[p], dy[q]) ? 1 : 0 }
            }
        default:
            let n = a.count
            return Vector(.bool(ContiguousArray(repeating: 0, count: n)[...]), validity: ValidityMask(count: n, allValid: false))
        }
        return Vector(.bool(r), validity: validity)
    }
}

extension ExpressionExecutor {
    /// `column op constant`: the common filter, with the constant kept scalar.
    func compareConstant(_ op: ComparisonOp, _ a: Vector, _ c: Value) throws -> Vector {
        let r: ArraySlice<UInt8>
        switch (a.data, c) {
        case (.int(let x), .int(let k)): r = ComparisonKernels.cmpConst(op, x, k)
        case (.double(let x), .double(let k)): r = ComparisonKernels.cmpConst(op, x, k)
        case (.double(let x), .int(let k)): r = ComparisonKernels.cmpConst(op, x, Double(k))
        case (.date(let x), .date(let k)): r = ComparisonKernels.cmpConst(op, x, k)
        case (.bool(let x), .bool(let k)): r = ComparisonKernels.cmpConst(op, x, k ? 1 : 0)
        case (.enumeration(let x, _), .int(let k)): r = ComparisonKernels.cmpConst(op, x, UInt32(truncatingIfNeeded: k))
        case (.text(let codes, let dict), .text(let s)):
            let table = dictionaryTable(dict, "cmp\(op.rawValue)\u{0}\(s)") { ComparisonKernels.holds(op, $0, s) }
            r = gatherTable(codes, table)
        default:
            return ComparisonKernels.compare(op, a, broadcast(c, a.type, a.count))
        }
        return Vector(.bool(r), validity: a.validity)
    }

    /// A 0/1 per dictionary entry, computed once per dictionary and predicate.
    func dictionaryTable(_ dict: StringDictionary, _ what: String, _ pred: (String) throws -> Bool) rethrows -> ContiguousArray<UInt8> {
        try boolTables.value(.init(dict, what)) { try ContiguousArray(dict.strings.map { try pred($0) ? UInt8(1) : 0 }) }
    }

    /// table[code] for every code.
    func gatherTable<T>(_ codes: ArraySlice<UInt32>, _ table: ContiguousArray<T>) -> ArraySlice<T> {
        table.withUnsafeBufferPointer { t in map1(codes) { t[Int($0)] } }
    }

    /// Up to this many numbers, `in` compares column-at-a-time per value (faster than hashing).
    static let shortList = 4

    /// `x [not] in (set)`: a dictionary table for text (once per dictionary), a code table
    /// for enums, a comparison per value for a short list of numbers, a hash probe per
    /// row for a long one.
    func inList(_ v: Vector, _ set: InListSet, negated: Bool) throws -> Vector {
        let nonNull = set.values.filter { !$0.isNull }
        var r: ArraySlice<UInt8>
        switch v.data {
        case .text(let codes, let dict):
            let table = dictionaryTable(dict, "in\u{0}\(set.id)") { set.texts.contains($0) }
            r = gatherTable(codes, table)
        case .enumeration(let codes, let e):
            var table = ContiguousArray<UInt8>(repeating: 0, count: e.values.count + 1)
            for case .int(let c) in nonNull where c >= 0 && Int(c) < e.values.count { table[Int(c)] = 1 }
            r = table.withUnsafeBufferPointer { t in map1(codes) { Int($0) < t.count ? t[Int($0)] : 0 } }
        case .int(let x) where nonNull.count > Self.shortList:
            r = map1(x) { set.ints.contains($0) ? 1 : 0 }
        case .double(let x) where nonNull.count > Self.shortList:
            r = map1(x) { set.doubles.contains($0) ? 1 : 0 }
        case .date(let x) where nonNull.count > Self.shortList:
            r = map1(x) { set.dates.contains($0) ? 1 : 0 }
        default:
            var acc: Vector?
            for value in nonNull {
                let eq = try compareConstant(.eq, v, value)
                acc = acc.map { BooleanKernels.or($0, eq) } ?? eq
            }
            r = (acc.flatMap { if case .bool(let b) = $0.data { return b } else { return nil } })
                ?? ContiguousArray(repeating: 0, count: v.count)[...]
        }
        // `x in (..., null)` is null (not false) where x matched nothing.
        var validity = v.validity
        if set.hasNull {
            var mask = v.validity?.aligned() ?? ValidityMask(count: v.count, allValid: true)
            for i in 0..<v.count where r[r.startIndex + i] == 0 { mask.set(i, valid: false) }
            validity = mask
        }
        if negated { r = map1(r) { $0 ^ 1 } }
        return Vector(.bool(r), validity: validity)
    }
}
