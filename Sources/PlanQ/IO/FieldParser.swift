import Foundation

/// Parsers for one field's bytes, shared by the CSV and JSON lines readers.
///
/// They work on a pointer and a length so a loader never builds a `String` for a
/// number, date or bool. Each returns nil when the bytes are not exactly a value
/// of the type (no surrounding spaces, no trailing garbage), which is what type
/// inference needs: "does every value of this column fit?".
enum FieldParser {
    /// A decimal integer with an optional sign; nil on overflow or any other byte.
    @inline(__always)
    static func parseInt(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int64? {
        if n == 0 { return nil }
        var i = 0
        var negative = false
        if p[0] == UInt8(ascii: "-") || p[0] == UInt8(ascii: "+") {
            negative = p[0] == UInt8(ascii: "-")
            i = 1
            if n == 1 { return nil }
        }
        // Accumulate as a negative number so Int64.min parses; 18 digits can never overflow.
        var v: Int64 = 0
        if n - i <= 18 {
            while i < n {
                let d = p[i] &- 48
                if d > 9 { return nil }
                v = v &* 10 &- Int64(d)
                i += 1
            }
        } else {
            while i < n {
                let d = p[i] &- 48
                if d > 9 { return nil }
                let (m, o1) = v.multipliedReportingOverflow(by: 10)
                let (s, o2) = m.subtractingReportingOverflow(Int64(d))
                if o1 || o2 { return nil }
                v = s
                i += 1
            }
        }
        if negative { return v }
        return v == Int64.min ? nil : -v
    }

    /// Exact powers of ten that a `Double` holds without rounding (Clinger's fast path).
    private static let exactPowers: [Double] = (0...22).map { e in
        var x = 1.0
        for _ in 0..<e { x *= 10 }
        return x
    }

    /// A decimal floating-point number (`-0.5`, `1e5`, `.5`, `3.`) or `NaN` / `inf` /
    /// `infinity` in any case with an optional sign. Hex floats are not accepted.
    ///
    /// Numbers with at most 15 significant digits and a small exponent are computed
    /// exactly in the fast path; the rest go through `strtod`, which rounds correctly.
    @inline(__always)
    static func parseDouble(_ p: UnsafePointer<UInt8>, _ n: Int) -> Double? {
        if n == 0 { return nil }
        var i = 0
        var negative = false
        if p[0] == UInt8(ascii: "-") || p[0] == UInt8(ascii: "+") {
            negative = p[0] == UInt8(ascii: "-")
            i = 1
        }
        if i < n, p[i] | 0x20 == UInt8(ascii: "n") || p[i] | 0x20 == UInt8(ascii: "i") {
            return parseSpecial(p + i, n - i, negative: negative)
        }
        var mantissa: UInt64 = 0
        var significant = 0
        var exponent = 0
        var digits = 0
        while i < n, p[i] &- 48 <= 9 {
            let d = UInt64(p[i] &- 48)
            if mantissa != 0 || d != 0 { significant += 1 }
            if significant <= 19 { mantissa = mantissa &* 10 &+ d } else { exponent += 1 }
            digits += 1
            i += 1
        }
        if i < n, p[i] == UInt8(ascii: ".") {
            i += 1
            while i < n, p[i] &- 48 <= 9 {
                let d = UInt64(p[i] &- 48)
                if mantissa != 0 || d != 0 { significant += 1 }
                if significant <= 19 {
                    mantissa = mantissa &* 10 &+ d
                    exponent -= 1
                }
                digits += 1
                i += 1
            }
        }
        if digits == 0 { return nil }
        if i < n, p[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            var expNegative = false
            if i < n, p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+") {
                expNegative = p[i] == UInt8(ascii: "-")
                i += 1
            }
            var e = 0
            var expDigits = 0
            while i < n, p[i] &- 48 <= 9 {
                if e < 100_000 { e = e * 10 + Int(p[i] &- 48) }
                expDigits += 1
                i += 1
            }
            if expDigits == 0 { return nil }
            exponent += expNegative ? -e : e
        }
        if i != n { return nil }
        if significant <= 15 && exponent >= -22 && exponent <= 22 {
            var v = Double(mantissa)
            if exponent < 0 { v /= exactPowers[-exponent] } else { v *= exactPowers[exponent] }
            return negative ? -v : v
        }
        return slowDouble(p, n)
    }

    /// `NaN`, `inf`, `infinity` (any case), after the sign.
    private static func parseSpecial(_ p: UnsafePointer<UInt8>, _ n: Int, negative: Bool) -> Double? {
        var lower = [UInt8](repeating: 0, count: n)
        for k in 0..<n { lower[k] = p[k] | 0x20 }
        switch String(decoding: lower, as: UTF8.self) {
        case "nan": return Double.nan
        case "inf", "infinity": return negative ? -Double.infinity : Double.infinity
        default: return nil
        }
    }

    /// Correctly rounded conversion of already-validated decimal text.
    private static func slowDouble(_ p: UnsafePointer<UInt8>, _ n: Int) -> Double? {
        // strtod needs a terminator, and the byte after a field may be a digit (JSON arrays).
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: n + 1) { buf -> Double? in
            for k in 0..<n { buf[k] = CChar(bitPattern: p[k]) }
            buf[n] = 0
            guard let base = buf.baseAddress else { return nil }
            return strtod(base, nil)
        }
    }

    /// A real calendar date written `YYYY-MM-DD`, as days since 1970-01-01.
    @inline(__always)
    static func parseDate(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int32? {
        guard n == 10, p[4] == UInt8(ascii: "-"), p[7] == UInt8(ascii: "-") else { return nil }
        @inline(__always) func digit(_ k: Int) -> Int? {
            let d = p[k] &- 48
            return d <= 9 ? Int(d) : nil
        }
        guard let y0 = digit(0), let y1 = digit(1), let y2 = digit(2), let y3 = digit(3),
              let m0 = digit(5), let m1 = digit(6), let d0 = digit(8), let d1 = digit(9) else { return nil }
        let y = y0 * 1000 + y1 * 100 + y2 * 10 + y3, m = m0 * 10 + m1, d = d0 * 10 + d1
        guard m >= 1, m <= 12, d >= 1, d <= CivilDate.daysInMonth(y, m) else { return nil }
        return CivilDate(year: y, month: m, day: d).days
    }

    /// `true` or `false` in any case, as 1 or 0.
    @inline(__always)
    static func parseBool(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt8? {
        if n == 4, p[0] | 0x20 == UInt8(ascii: "t"), p[1] | 0x20 == UInt8(ascii: "r"),
           p[2] | 0x20 == UInt8(ascii: "u"), p[3] | 0x20 == UInt8(ascii: "e") { return 1 }
        if n == 5, p[0] | 0x20 == UInt8(ascii: "f"), p[1] | 0x20 == UInt8(ascii: "a"),
           p[2] | 0x20 == UInt8(ascii: "l"), p[3] | 0x20 == UInt8(ascii: "s"),
           p[4] | 0x20 == UInt8(ascii: "e") { return 0 }
        return nil
    }
}
