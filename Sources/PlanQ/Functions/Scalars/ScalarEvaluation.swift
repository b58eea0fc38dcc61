import Foundation

/// Evaluation of ``ScalarFunction`` calls over batches.
extension ExpressionExecutor {
    func callScalar(_ f: ScalarFunction, _ args: [Vector], _ t: DataType, _ n: Int) throws -> Vector {
        switch f {
        case .lower: return mapText(args[0], "lower") { $0.lowercased() }
        case .upper: return mapText(args[0], "upper") { $0.uppercased() }
        case .trim: return mapText(args[0], "trim") { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        case .length: return textLength(args[0])
        case .year: return DateKernels.part(args[0]) { $0.year }
        case .month: return DateKernels.part(args[0]) { $0.month }
        case .quarter: return DateKernels.part(args[0]) { ($0.month - 1) / 3 + 1 }
        case .fy_quarter: return DateKernels.part(args[0]) { FiscalCalendar.quarter($0) }
        case .fy: return DateKernels.fiscalYear(args[0], fiscalYears)
        case .days_between:
            return try ArithmeticKernels.apply(.sub, args[1], args[0], resultType: .int)
        case .abs:
            switch args[0].data {
            case .int(let a):
                if a.contains(Int64.min) { try ArithmeticKernels.checkOverflow(args[0].validity, a, "abs") { $0 == Int64.min } }
                return Vector(.int(map1(a) { $0 == Int64.min ? 0 : Swift.abs($0) }), validity: args[0].validity)
            case .double(let a): return Vector(.double(map1(a) { Swift.abs($0) }), validity: args[0].validity)
            default: return args[0]
            }
        case .sqrt:
            guard case .double(let a) = args[0].data else { return args[0] }
            return Vector(.double(map1(a) { $0.squareRoot() }), validity: args[0].validity)
        case .pow:
            guard case .double(let a) = args[0].data, case .double(let b) = args[1].data else {
                return Vector(zeroData(.double, n), validity: ValidityMask(count: n, allValid: false))
            }
            return Vector(.double(map2(a, b) { Foundation.pow($0, $1) }), validity: ValidityMask.and(args[0].validity, args[1].validity))
        case .round:
            if case .int = args[0].data { return args[0] }
            guard case .double(let a) = args[0].data else { return args[0] }
            if args.count == 2 {
                guard case .int(let d) = args[1].data else { return args[0] }
                let r = map2(a, d) { (x: Double, digits: Int64) -> Double in
                    let p = Foundation.pow(10.0, Double(max(-15, min(15, digits))))
                    return (x * p).rounded(.toNearestOrAwayFromZero) / p
                }
                return Vector(.double(r), validity: ValidityMask.and(args[0].validity, args[1].validity))
            }
            return Vector(.double(map1(a) { $0.rounded(.toNearestOrAwayFromZero) }), validity: args[0].validity)
        case .coalesce:
            return try coalesce(args, t, n)
        case .replace, .substr, .left, .right:
            return textFunctionRows(f, args)
        case .to_text:
            return try toText(args[0])
        }
    }

    /// The first non-null argument per row.
    func coalesce(_ args: [Vector], _ t: DataType, _ n: Int) throws -> Vector {
        let vs = try args.map { try castVector($0, to: t) }
        guard var result = vs.first else { return Vector(.null(n)) }
        for next in vs.dropFirst() {
            guard let mask = result.validity else { break }
            result = pick(result, mask, next)
        }
        return result
    }

    /// Rows of `a` where valid, else rows of `b`.
    private func pick(_ a: Vector, _ mask: ValidityMask, _ b: Vector) -> Vector {
        let n = a.count
        let sel = ContiguousArray<UInt8>((0..<n).map { mask.isValid($0) ? 1 : 0 })
        func choose<T>(_ x: ArraySlice<T>, _ y: ArraySlice<T>) -> ArraySlice<T> {
            var i = -1
            return map2(x, y) { p, q in i += 1; return sel[i] != 0 ? p : q }
        }
        var validity = ValidityMask(count: n, allValid: true)
        var anyNull = false
        for i in 0..<n where sel[i] == 0 && b.isNull(i) { validity.set(i, valid: false); anyNull = true }
        let data: VectorData
        switch (a.data, b.data) {
        case (.int(let x), .int(let y)): data = .int(choose(x, y))
        case (.double(let x), .double(let y)): data = .double(choose(x, y))
        case (.date(let x), .date(let y)): data = .date(choose(x, y))
        case (.bool(let x), .bool(let y)): data = .bool(choose(x, y))
        case (.enumeration(let x, let e), .enumeration(let y, _)): data = .enumeration(choose(x, y), e)
        case (.text(let x, let dx), .text(let y, let dy)):
            if dx === dy { data = .text(choose(x, y), dx) } else {
                let d = StringDictionary()
                var codes = ContiguousArray<UInt32>()
                codes.reserveCapacity(n)
                for i in 0..<n { codes.append(d.intern(sel[i] != 0 ? dx[x[x.startIndex + i]] : dy[y[y.startIndex + i]])) }
                data = .text(codes[...], d)
            }
        default: data = a.data
        }
        return Vector(data, validity: anyNull ? validity : nil)
    }
}
