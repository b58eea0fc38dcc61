/// Accumulates one column of a data file into a typed buffer, inferring its type
/// as values arrive unless the schema fixed it.
///
/// Inference is a lattice walked one way: unknown (all nulls so far) → the first
/// value's type (int, double, date, bool, else text); an int column that meets a
/// non-integer number widens to double in place (`Double(Int64)` rounds exactly as
/// parsing the original text would). Any other misfit makes the column text, and
/// because the original spelling of earlier values (`007`, `1e5`) must be kept,
/// the builder then stops (`kind = .skip`, `needsTextPass = true`) and the reader
/// re-reads just that column as text in a second pass.
struct ColumnBuilder {
    /// The physical layout being built.
    enum Kind: UInt8 {
        case unknown, int, double, date, bool, text, enumeration, skip
    }

    /// What happened to one value.
    enum Outcome {
        case ok
        /// The value does not fit the column's declared type.
        case mismatch
    }

    private(set) var kind: Kind
    /// True when the schema fixed the type: misfits are errors, not widenings.
    let declared: Bool
    /// Set when an inferred column turned out to be text after values were consumed.
    private(set) var needsTextPass = false
    private(set) var rows = 0
    /// A `""` seen while the type was unknown: recorded as null, wrong if the column is text.
    private var sawQuotedEmpty = false
    private var ints: ContiguousArray<Int64> = []
    private var doubles: ContiguousArray<Double> = []
    private var days: ContiguousArray<Int32> = []
    private var bools: ContiguousArray<UInt8> = []
    private var codes: ContiguousArray<UInt32> = []
    private var nullRows: ContiguousArray<Int> = []
    private var map = ByteStringMap()
    private let dictionary = StringDictionary()
    let enumType: EnumType?

    /// A builder for a column of `type`, or an inferred one when `type` is nil.
    init(type: DataType?) {
        declared = type != nil
        switch type {
        case nil: kind = .unknown; enumType = nil
        case .int?: kind = .int; enumType = nil
        case .double?: kind = .double; enumType = nil
        case .date?: kind = .date; enumType = nil
        case .bool?: kind = .bool; enumType = nil
        case .enumeration(let e)?: kind = .enumeration; enumType = e
        case .text?, .null?: kind = .text; enumType = nil
        }
    }

    /// A builder that ignores every value (a column not read in this pass).
    static func skipping() -> ColumnBuilder {
        var b = ColumnBuilder(type: .text)
        b.kind = .skip
        return b
    }

    /// Reserves room for about `n` rows in the buffer the column will most likely use.
    mutating func reserve(_ n: Int) {
        switch kind {
        case .int: ints.reserveCapacity(n)
        case .double: doubles.reserveCapacity(n)
        case .date: days.reserveCapacity(n)
        case .bool: bools.reserveCapacity(n)
        case .text, .enumeration: codes.reserveCapacity(n)
        case .unknown, .skip: break
        }
    }

    /// Appends a null row.
    @inline(__always)
    mutating func appendNull() {
        switch kind {
        case .skip: return
        case .unknown: break
        case .int: ints.append(0)
        case .double: doubles.append(0)
        case .date: days.append(0)
        case .bool: bools.append(0)
        case .text, .enumeration: codes.append(0)
        }
        nullRows.append(rows)
        rows += 1
    }

    /// Appends a field of `n` bytes at `p`. `quotedEmpty` marks `""`, which is an empty
    /// string in a text column and null in any other.
    @inline(__always)
    mutating func append(_ p: UnsafePointer<UInt8>, _ n: Int, quotedEmpty: Bool = false) -> Outcome {
        switch kind {
        case .skip:
            return .ok
        case .text:
            appendText(p, n)
            return .ok
        case _ where quotedEmpty:
            if kind == .unknown { sawQuotedEmpty = true }
            appendNull()
            return .ok
        case .int:
            if let v = FieldParser.parseInt(p, n) { ints.append(v); rows += 1; return .ok }
            if declared { return .mismatch }
            if let d = FieldParser.parseDouble(p, n) {
                widenToDouble()
                doubles.append(d)
                rows += 1
                return .ok
            }
            demoteToText()
            return .ok
        case .double:
            if let v = FieldParser.parseDouble(p, n) { doubles.append(v); rows += 1; return .ok }
            if declared { return .mismatch }
            demoteToText()
            return .ok
        case .date:
            if let v = FieldParser.parseDate(p, n) { days.append(v); rows += 1; return .ok }
            if declared { return .mismatch }
            demoteToText()
            return .ok
        case .bool:
            if let v = FieldParser.parseBool(p, n) { bools.append(v); rows += 1; return .ok }
            if declared { return .mismatch }
            demoteToText()
            return .ok
        case .enumeration:
            return appendEnum(p, n)
        case .unknown:
            startInferring(p, n)
            return .ok
        }
    }

    @inline(__always)
    private mutating func appendText(_ p: UnsafePointer<UInt8>, _ n: Int) {
        let h = ByteStringMap.hash(p, n)
        if let c = map.lookup(p, n, hash: h) {
            codes.append(c)
        } else {
            let c = dictionary.intern(String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self))
            map.insert(p, n, hash: h, code: c)
            codes.append(c)
        }
        rows += 1
    }

    private mutating func appendEnum(_ p: UnsafePointer<UInt8>, _ n: Int) -> Outcome {
        let h = ByteStringMap.hash(p, n)
        if let c = map.lookup(p, n, hash: h) {
            codes.append(c)
            rows += 1
            return .ok
        }
        let s = String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
        guard let e = enumType, let c = e.code(of: s) else { return .mismatch }
        map.insert(p, n, hash: h, code: c)
        codes.append(c)
        rows += 1
        return .ok
    }

    /// The first non-null value picks the type; earlier rows were all null.
    private mutating func startInferring(_ p: UnsafePointer<UInt8>, _ n: Int) {
        let earlier = rows
        if let v = FieldParser.parseInt(p, n) {
            kind = .int
            ints = ContiguousArray(repeating: 0, count: earlier)
            ints.append(v)
        } else if let v = FieldParser.parseDouble(p, n) {
            kind = .double
            doubles = ContiguousArray(repeating: 0, count: earlier)
            doubles.append(v)
        } else if let v = FieldParser.parseDate(p, n) {
            kind = .date
            days = ContiguousArray(repeating: 0, count: earlier)
            days.append(v)
        } else if let v = FieldParser.parseBool(p, n) {
            kind = .bool
            bools = ContiguousArray(repeating: 0, count: earlier)
            bools.append(v)
        } else if sawQuotedEmpty {
            // Rows holding `""` were recorded as null; only a re-read can make them "".
            demoteToText()
            return
        } else {
            kind = .text
            // Code 0 under the earlier null rows must name a real string.
            codes = ContiguousArray(repeating: 0, count: earlier)
            appendText(p, n)
            return
        }
        rows += 1
    }

    private mutating func widenToDouble() {
        var d = ContiguousArray<Double>()
        d.reserveCapacity(Swift.max(ints.capacity, ints.count + 1))
        for v in ints { d.append(Double(v)) }
        doubles = d
        ints = []
        kind = .double
    }

    private mutating func demoteToText() {
        kind = .skip
        needsTextPass = true
        ints = []; doubles = []; days = []; bools = []; codes = []; nullRows = []
    }

    /// Called after the first pass: a column of only nulls and `""` is text with "" values.
    mutating func settle() {
        if kind == .unknown && sawQuotedEmpty { demoteToText() }
    }

    /// Turns a skipped column into a text column for the second pass.
    mutating func restartAsText() {
        kind = .text
        rows = 0
        needsTextPass = false
    }

    /// The finished column data.
    func finish() -> Vector {
        var validity: ValidityMask?
        if !nullRows.isEmpty {
            var m = ValidityMask(count: rows, allValid: true)
            for r in nullRows { m.set(r, valid: false) }
            validity = m
        }
        switch kind {
        case .int: return Vector(.int(ints[...]), validity: validity)
        case .double: return Vector(.double(doubles[...]), validity: validity)
        case .date: return Vector(.date(days[...]), validity: validity)
        case .bool: return Vector(.bool(bools[...]), validity: validity)
        case .enumeration:
            return Vector(.enumeration(codes[...], enumType ?? EnumType(name: "?", values: [])), validity: validity)
        case .text:
            if dictionary.count == 0 && rows > 0 { dictionary.intern("") }
            return Vector(.text(codes[...], dictionary), validity: validity)
        case .unknown, .skip:
            // An all-null column is text; code 0 is "" so it names a real entry.
            if rows > 0 { dictionary.intern("") }
            return Vector(.text(ContiguousArray(repeating: 0, count: rows)[...], dictionary), validity: validity)
        }
    }
}
