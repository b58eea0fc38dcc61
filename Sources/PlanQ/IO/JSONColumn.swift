/// One column of a JSON lines file while it is being read: the values of every
/// row so far, then, once all lines are in, a typed ``Vector``.
///
/// JSON lines files are small next to the CSV files planq targets, so cells are
/// kept boxed until the column's type is known; the type is decided over all rows.
struct JSONColumn {
    /// One value as the JSON had it.
    enum Cell {
        case null
        case bool(Bool)
        case int(Int64)
        /// A non-integral (or too large) number and its literal spelling.
        case double(Double, String)
        case string(String)
        /// A nested array or object, kept as its JSON text.
        case raw(String)
    }

    /// The key.
    let name: String
    /// The type the schema declared, if any (values were checked against it on the way in).
    let declared: DataType?
    /// One cell per row so far.
    var cells: [Cell] = []

    /// A column first seen after `nullRowsBefore` rows (null in those).
    init(name: String, declared: DataType?, nullRowsBefore: Int) {
        self.name = name
        self.declared = declared
        cells = Array(repeating: .null, count: nullRowsBefore)
    }

    /// The column's vector, typed by the declared type or by what the values share.
    func finish() -> Vector {
        let type = declared ?? inferType()
        let n = cells.count
        var valid = [UInt8](repeating: 1, count: n)
        for (i, c) in cells.enumerated() { if case .null = c { valid[i] = 0 } }
        let validity: ValidityMask? = valid.contains(0) ? valid.withUnsafeBufferPointer { ValidityMask(bytes: $0) } : nil
        switch type {
        case .int: return Vector(.int(ContiguousArray(cells.map(Self.int))[...]), validity: validity)
        case .double: return Vector(.double(ContiguousArray(cells.map(Self.double))[...]), validity: validity)
        case .bool: return Vector(.bool(ContiguousArray(cells.map(Self.bool))[...]), validity: validity)
        case .date: return Vector(.date(ContiguousArray(cells.map(Self.date))[...]), validity: validity)
        case .enumeration(let e):
            let codes = cells.map { c -> UInt32 in
                if case .string(let s) = c { return e.code(of: s) ?? 0 }
                return 0
            }
            return Vector(.enumeration(ContiguousArray(codes)[...], e), validity: validity)
        case .text, .null:
            let dict = StringDictionary()
            let codes = cells.map { c -> UInt32 in dict.intern(Self.text(c) ?? "") }
            if dict.count == 0 && n > 0 { dict.intern("") }
            return Vector(.text(ContiguousArray(codes)[...], dict), validity: validity)
        }
    }

    /// int when every number is integral and fits; double when any is not; date when
    /// every string is a date; bool when all are bools; text for anything mixed.
    private func inferType() -> DataType {
        var ints = 0, doubles = 0, bools = 0, strings = 0, dates = 0, other = 0
        for c in cells {
            switch c {
            case .null: break
            case .int: ints += 1
            case .double: doubles += 1
            case .bool: bools += 1
            case .string(let s):
                strings += 1
                if Self.parse(s, FieldParser.parseDate) != nil { dates += 1 }
            case .raw: other += 1
            }
        }
        let kinds = (ints + doubles > 0 ? 1 : 0) + (bools > 0 ? 1 : 0) + (strings > 0 ? 1 : 0) + (other > 0 ? 1 : 0)
        if kinds != 1 { return .text }
        if doubles > 0 { return .double }
        if ints > 0 { return .int }
        if bools > 0 { return .bool }
        if strings > 0 && dates == strings { return .date }
        return .text
    }

    private static func int(_ c: Cell) -> Int64 {
        switch c {
        case .int(let v): return v
        case .string(let s): return parse(s, FieldParser.parseInt) ?? 0
        default: return 0
        }
    }

    private static func double(_ c: Cell) -> Double {
        switch c {
        case .int(let v): return Double(v)
        case .double(let v, _): return v
        case .string(let s): return parse(s, FieldParser.parseDouble) ?? 0
        default: return 0
        }
    }

    private static func bool(_ c: Cell) -> UInt8 {
        switch c {
        case .bool(let b): return b ? 1 : 0
        case .string(let s): return parse(s, FieldParser.parseBool) ?? 0
        default: return 0
        }
    }

    private static func date(_ c: Cell) -> Int32 {
        if case .string(let s) = c { return parse(s, FieldParser.parseDate) ?? 0 }
        return 0
    }

    /// The text of a cell in a text column: numbers as written, nested values as JSON.
    static func text(_ c: Cell) -> String? {
        switch c {
        case .null: return nil
        case .bool(let b): return b ? "true" : "false"
        case .int(let v): return String(v)
        case .double(_, let lit): return lit
        case .string(let s): return s
        case .raw(let r): return r
        }
    }

    /// Runs a byte-level field parser over a string.
    static func parse<T>(_ s: String, _ f: (UnsafePointer<UInt8>, Int) -> T?) -> T? {
        var u = Array(s.utf8)
        return u.withUnsafeMutableBufferPointer { p in p.baseAddress.flatMap { f($0, p.count) } }
    }
}
