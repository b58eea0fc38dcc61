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

    static func addMonths(_ a: Vector, _ b: Vector, negate: Bool) -> Vector {
        let validity = ValidityMask.and(a.validity, b.validity)
        guard case .date(let d) = a.data, case .int(let m) = b.data else {
            return Vector(zeroData(.date, a.count), validity: ValidityMask(count: a.count, allValid: false))
        }
        let r = map2(d, m) { (day: Int32, n: Int64) -> Int32 in
            let months = Int(clamping: negate ? -n : n)
            guard abs(months) < 120_000 else { return day }
            return CivilDate(days: day).addingMonths(months).days
        }
        return Vector(.date(r), validity: validity)
    }
}
