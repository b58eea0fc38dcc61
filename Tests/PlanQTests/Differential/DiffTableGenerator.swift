@testable import PlanQ

/// Random tables for the differential batch: mixed types, nulls at varied rates
/// (including all-null columns), many duplicates, extreme values, and sometimes
/// no rows at all or more rows than one 2,048-row batch.
struct DiffTableGenerator {
    /// Text values: quotes, unicode (NFC, one scalar per character), case variants,
    /// LIKE metacharacters, the empty string and one very long value.
    static let texts = [
        "alpha", "Alpha", "ALPHA", "beta", "gamma", "delta", "", " ", "a b", "o'neil", "say \"hi\"",
        "café", "naïve", "日本語", "Ünïcödé", "zeta", "Zeta", "x%y", "under_score", "back\\slash",
        String(repeating: "long text ", count: 40),
    ]
    static let doubles: [Double] = [-2.5, -1, -0.0, 0, 0.1, 0.2, 0.3, 0.5, 1, 1.5, 2, 3.25, 10, 99.99, 1e-9]
    static let extremeDoubles: [Double] = [1e12, -1e12, 1.7976931348623157e300, -1e300, 5e-324]
    static let extremeInts: [Int64] = [Int64.max, Int64.min, Int64.max - 1, 1 << 62, -(1 << 62), 4_000_000_000]
    /// Dates around the financial-year boundary and leap days, plus a spread of ordinary days.
    static let specialDates = ["2008-02-29", "2009-03-31", "2009-04-01", "2012-02-29", "2000-02-29", "2010-12-31", "2011-01-01"]

    var random: SeededRandom
    /// Percent of tables with 2 to 20 batches of rows (4,097 to 40,960), where
    /// computed text gets a dictionary per batch (issue 19's class of bug).
    var multiBatchPercent = 3
    /// Most batches a multi-batch table has; most have 3 to 6, one in five up to this.
    var maxBatches = 20

    /// Rows for a table of `batches` batches: past the previous batch's end, up to this one's.
    mutating func rows(batches: Int) -> Int {
        batches * Batch.capacity - random.int(0...(Batch.capacity - 1))
    }

    mutating func table(name: String, prefix: String, keyType: DiffType? = nil) -> DiffTable {
        let r = random.int(0...99)
        let rowCount = r < 8 ? 0 : r < 14 ? 1 : r < 16 ? random.int(2049...2300)
            : r < 16 + multiBatchPercent ? rows(batches: random.chance(0.2) ? random.int(3...maxBatches) : random.int(3...6))
            : random.int(2...40)
        let extreme = random.chance(0.2)
        var types = (0..<random.int(2...5)).map { _ in random.pick(DiffType.allCases) }
        types.insert(keyType ?? random.pick([.int, .text, .rag]), at: 0)
        let columns = types.enumerated().map { DiffTable.ColumnSpec(name: "\(prefix)\($0)_\($1.rawValue)", type: $1) }
        let nullRates = types.map { _ in random.pick([0.0, 0.0, 0.05, 0.2, 0.5, 0.9, 1.0]) }
        // A narrow domain per column makes duplicates (and groups with several rows) common.
        let domain = types.map { _ in random.pick([2, 4, 10, 1000]) }
        let rows = (0..<rowCount).map { _ in
            types.indices.map { c in random.chance(nullRates[c]) ? Value.null : value(types[c], domain[c], extreme) }
        }
        return DiffTable(name: name, columns: columns, rows: rows)
    }

    mutating func value(_ t: DiffType, _ domain: Int, _ extreme: Bool) -> Value {
        switch t {
        case .int:
            if extreme && random.chance(0.15) { return .int(random.pick(Self.extremeInts)) }
            return .int(Int64(random.int(-3...(domain - 3))))
        case .double:
            if extreme && random.chance(0.15) { return .double(random.pick(Self.extremeDoubles)) }
            return .double(random.pick(Array(Self.doubles.prefix(max(2, domain)))))
        case .text:
            return .text(random.pick(Array(Self.texts.prefix(max(2, domain * 2)))))
        case .bool:
            return .bool(random.chance(0.5))
        case .rag:
            return .int(Int64(random.int(0...2)))
        case .date:
            if random.chance(0.3) { return .date(CivilDate.parse(random.pick(Self.specialDates))?.days ?? 0) }
            let base = CivilDate(year: 2008, month: 1, day: 1).days
            return .date(base + Int32(random.int(0...(domain < 10 ? 40 : 1500))))
        }
    }
}
