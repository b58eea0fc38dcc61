/// Date functions over `Int32` day numbers.
enum DateKernels {
    static func part(_ v: Vector, _ f: (CivilDate) -> Int) -> Vector {
        guard case .date(let a) = v.data else { return v }
        return Vector(.int(map1(a) { Int64(f(CivilDate(days: $0))) }), validity: v.validity)
    }

    /// `fy(date)` as codes into a dictionary shared across batches.
    static func fiscalYear(_ v: Vector, _ dict: StringDictionary) -> Vector {
        guard case .date(let a) = v.data else { return v }
        var cache: [Int: UInt32] = [:]
        let codes = map1(a) { (d: Int32) -> UInt32 in
            let y = FiscalCalendar.startYear(CivilDate(days: d))
            if let c = cache[y] { return c }
            let c = dict.intern(FiscalCalendar.label(startYear: y))
            cache[y] = c
            return c
        }
        return Vector(.text(codes, dict), validity: v.validity)
    }

    /// `date ± n months`. A result outside the dates the engine can hold (about
    /// ±5 million years) is an error, like integer overflow, never a wrapped or
    /// unchanged date. Null rows are skipped.
    static func addMonths(_ a: Vector, _ b: Vector, negate: Bool) throws -> Vector {
        let validity = ValidityMask.and(a.validity, b.validity)
        guard case .date(let d) = a.data, case .int(let m) = b.data else {
            return Vector(zeroData(.date, a.count), validity: ValidityMask(count: a.count, allValid: false))
        }
        var outOfRange = false
        let r = map2(d, m) { (day: Int32, n: Int64) -> Int32 in
            // Bounding n first keeps `-n` and the month arithmetic from overflowing.
            guard n > -maxMonths && n < maxMonths else { outOfRange = true; return day }
            let date = CivilDate(days: day).addingMonths(Int(negate ? -n : n))
            guard date.year > -maxYear && date.year < maxYear else { outOfRange = true; return day }
            return date.days
        }
        if outOfRange {
            for i in 0..<a.count where !a.isNull(i) && !b.isNull(i) {
                let n = m[m.startIndex + i]
                let date = n > -maxMonths && n < maxMonths ? CivilDate(days: d[d.startIndex + i]).addingMonths(Int(negate ? -n : n)) : nil
                if date.map({ $0.year <= -maxYear || $0.year >= maxYear }) ?? true {
                    throw Diagnostic("date out of range: \(CivilDate(days: d[d.startIndex + i])) \(negate ? "-" : "+") \(n) months")
                }
            }
        }
        return Vector(.date(r), validity: validity)
    }

    /// Years beyond ±5,000,000 do not fit the `Int32` day count (±5.8 million years).
    static let maxYear = 5_000_000
    static let maxMonths = Int64(maxYear) * 12
}
