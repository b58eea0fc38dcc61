/// A named column of a ``Table``: the whole column as one ``Vector``, plus statistics
/// the planner uses to choose strategies (never the column's name).
public struct Column: @unchecked Sendable {
    public var name: String
    public var vector: Vector
    public var stats: ColumnStats

    public init(name: String, vector: Vector) {
        self.name = name
        self.vector = vector
        self.stats = ColumnStats(vector)
    }

    public var type: DataType { vector.type }
    public var count: Int { vector.count }
}

/// Facts about a column computed once at load time.
public struct ColumnStats: Sendable {
    public var nullCount: Int
    /// Distinct non-null values: exact for coded columns (dictionary size), else nil.
    public var distinctBound: Int?
    /// For int and date columns: the smallest and largest non-null value.
    public var minInt: Int64?
    public var maxInt: Int64?

    public init(_ v: Vector) {
        nullCount = v.nullCount
        distinctBound = nil
        minInt = nil
        maxInt = nil
        switch v.data {
        case .text(_, let d): distinctBound = d.count
        case .enumeration(_, let e): distinctBound = e.values.count
        case .bool: distinctBound = 2
        case .int(let a):
            var lo = Int64.max, hi = Int64.min, any = false
            a.withUnsafeBufferPointer { p in
                for i in 0..<p.count where v.validity?.isValid(i) ?? true {
                    any = true
                    if p[i] < lo { lo = p[i] }
                    if p[i] > hi { hi = p[i] }
                }
            }
            if any { minInt = lo; maxInt = hi }
        case .date(let a):
            var lo = Int32.max, hi = Int32.min, any = false
            a.withUnsafeBufferPointer { p in
                for i in 0..<p.count where v.validity?.isValid(i) ?? true {
                    any = true
                    if p[i] < lo { lo = p[i] }
                    if p[i] > hi { hi = p[i] }
                }
            }
            if any { minInt = Int64(lo); maxInt = Int64(hi) }
        default: break
        }
    }
}
