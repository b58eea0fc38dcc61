/// `+ - * / // %` over int, double and date vectors.
///
/// Integer `+ - *` overflow is an error, not a wrap: the loop records overflow
/// with the `ReportingOverflow` operations and the rare failing batch is then
/// rescanned to see whether a non-null row overflowed. Division or remainder by
/// zero gives null.
enum ArithmeticKernels {
    static func apply(_ op: ArithmeticOp, _ a: Vector, _ b: Vector, resultType: DataType) throws -> Vector {
        let validity = ValidityMask.and(a.validity, b.validity)
        switch (a.data, b.data) {
        case (.int(let x), .int(let y)):
            return try ints(op, x, y, validity, a, b)
        case (.double(let x), .double(let y)):
            return doubles(op, x, y, validity)
        case (.date(let x), .int(let y)):
            guard op == .add || op == .sub else { throw Diagnostic("internal error: '\(op.rawValue)' on a date and days") }
            // A day count beyond Int32 is an error, like integer overflow, not a wrapped date.
            var overflow = false
            let r = map2(x, y) { (d: Int32, n: Int64) -> Int32 in
                let (v, o) = op == .add ? Int64(d).addingReportingOverflow(n) : Int64(d).subtractingReportingOverflow(n)
                guard !o, let days = Int32(exactly: v) else { overflow = true; return d }
                return days
            }
            if overflow {
                for i in 0..<a.count where !a.isNull(i) && !b.isNull(i) {
                    let (d, n) = (Int64(x[x.startIndex + i]), y[y.startIndex + i])
                    let (v, o) = op == .add ? d.addingReportingOverflow(n) : d.subtractingReportingOverflow(n)
                    if o || Int32(exactly: v) == nil {
                        throw Diagnostic("date out of range: \(CivilDate(days: Int32(d))) \(op == .add ? "+" : "-") \(n) days")
                    }
                }
            }
            return Vector(.date(r), validity: validity)
        case (.date(let x), .date(let y)):
            guard op == .sub else { throw Diagnostic("internal error: '\(op.rawValue)' on two dates") }
            return Vector(.int(map2(x, y) { Int64($0) - Int64($1) }), validity: validity)
        default:
            if case .null(let n) = a.data { return Vector(zeroData(resultType, n), validity: ValidityMask(count: n, allValid: false)) }
            if case .null(let n) = b.data { return Vector(zeroData(resultType, n), validity: ValidityMask(count: n, allValid: false)) }
            throw Diagnostic("internal error: no kernel for \(a.type) \(op.rawValue) \(b.type)")
        }
    }

    static func ints(_ op: ArithmeticOp, _ x: ArraySlice<Int64>, _ y: ArraySlice<Int64>, _ validity: ValidityMask?,
                     _ a: Vector, _ b: Vector) throws -> Vector {
        var overflow = false
        let r: ArraySlice<Int64>
        switch op {
        case .add:
            r = map2(x, y) { let (v, o) = $0.addingReportingOverflow($1); overflow = overflow || o; return v }
            if overflow { try checkOverflow2(validity, x, y, "+") { $0.addingReportingOverflow($1).overflow } }
        case .sub:
            r = map2(x, y) { let (v, o) = $0.subtractingReportingOverflow($1); overflow = overflow || o; return v }
            if overflow { try checkOverflow2(validity, x, y, "-") { $0.subtractingReportingOverflow($1).overflow } }
        case .mul:
            r = map2(x, y) { let (v, o) = $0.multipliedReportingOverflow(by: $1); overflow = overflow || o; return v }
            if overflow { try checkOverflow2(validity, x, y, "*") { $0.multipliedReportingOverflow(by: $1).overflow } }
        case .intDiv, .mod:
            // Zero divisors become null; Int64.min // -1 overflows.
            var mask = validity?.aligned() ?? ValidityMask(count: x.count, allValid: true)
            var anyZero = false
            let isDiv = op == .intDiv
            r = map2(x, y) { (p: Int64, q: Int64) -> Int64 in
                if q == 0 { anyZero = true; return 0 }
                if q == -1 {
                    if p == Int64.min { if isDiv { overflow = true }; return 0 }
                    return isDiv ? -p : 0
                }
                return isDiv ? p / q : p % q
            }
            if overflow { try checkOverflow2(validity, x, y, "//") { $0 == Int64.min && $1 == -1 } }
            if anyZero {
                y.withUnsafeBufferPointer { py in
                    for i in 0..<py.count where py[i] == 0 { mask.set(i, valid: false) }
                }
                return Vector(.int(r), validity: mask)
            }
            return Vector(.int(r), validity: validity)
        case .div:
            // The binder converts both sides of `/` to double; integer `/` never reaches here.
            throw Diagnostic("internal error: '/' on integers")
        }
        return Vector(.int(r), validity: validity)
    }

    static func doubles(_ op: ArithmeticOp, _ x: ArraySlice<Double>, _ y: ArraySlice<Double>, _ validity: ValidityMask?) -> Vector {
        switch op {
        case .add: return Vector(.double(map2(x, y, +)), validity: validity)
        case .sub: return Vector(.double(map2(x, y, -)), validity: validity)
        case .mul: return Vector(.double(map2(x, y, *)), validity: validity)
        case .div: return dividing(map2(x, y) { $1 == 0 ? 0 : $0 / $1 }, y, validity)
        case .intDiv: return dividing(map2(x, y) { $1 == 0 ? 0 : ($0 / $1).rounded(.towardZero) }, y, validity)
        case .mod: return dividing(map2(x, y) { $1 == 0 ? 0 : $0.truncatingRemainder(dividingBy: $1) }, y, validity)
        }
    }

    /// A division's result with null where the divisor is zero.
    static func dividing(_ r: ArraySlice<Double>, _ y: ArraySlice<Double>, _ validity: ValidityMask?) -> Vector {
        var mask = validity?.aligned() ?? ValidityMask(count: y.count, allValid: true)
        var anyZero = false
        y.withUnsafeBufferPointer { py in
            for i in 0..<py.count where py[i] == 0 { mask.set(i, valid: false); anyZero = true }
        }
        return Vector(.double(r), validity: anyZero ? mask : validity)
    }

    /// Throws if a non-null row of a unary integer operation overflowed.
    static func checkOverflow(_ validity: ValidityMask?, _ x: ArraySlice<Int64>, _ op: String,
                              _ overflows: (Int64) -> Bool) throws {
        for (i, v) in x.enumerated() where validity?.isValid(i) ?? true {
            if overflows(v) { throw Diagnostic("integer overflow in '\(op)' (value \(v))") }
        }
    }

    static func checkOverflow2(_ validity: ValidityMask?, _ x: ArraySlice<Int64>, _ y: ArraySlice<Int64>, _ op: String,
                               _ overflows: (Int64, Int64) -> Bool) throws {
        for i in 0..<x.count where validity?.isValid(i) ?? true {
            let p = x[x.startIndex + i], q = y[y.startIndex + i]
            if overflows(p, q) {
                throw Diagnostic("integer overflow: \(p) \(op) \(q) does not fit in a 64-bit integer",
                                 help: "convert to a double first, for example \(p) * 1.0 \(op) \(q)")
            }
        }
    }
}
