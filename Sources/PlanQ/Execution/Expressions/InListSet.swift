/// The constants of `x in (...)`, hashed once when the plan is built, so a list of
/// thousands of values (`in (query)`) costs one hash probe per row, not one pass
/// over the batch per value.
///
/// Immutable after construction, so one instance is shared by every thread's copy
/// of a pipeline. `id` is a never-reused number naming the set in the executor's
/// per-dictionary cache (a text column's 0/1 table is computed once per dictionary).
public final class InListSet: Sendable {
    /// The values as written (nulls included), for plans and explanations.
    public let values: [Value]
    /// Whether the list holds a null (`x in (..., null)` is then null where x matched nothing).
    let hasNull: Bool
    let ints: Set<Int64>
    /// Double values, and int values as doubles (a double column against an int list).
    let doubles: Set<Double>
    let dates: Set<Int32>
    let bools: Set<Bool>
    let texts: Set<String>
    let id: UInt64

    public init(_ values: [Value]) {
        self.values = values
        var hasNull = false
        var ints = Set<Int64>(), doubles = Set<Double>(), dates = Set<Int32>(), bools = Set<Bool>(), texts = Set<String>()
        for v in values {
            switch v {
            case .null: hasNull = true
            case .int(let i): ints.insert(i); doubles.insert(Double(i))
            case .double(let d): doubles.insert(d)
            case .date(let d): dates.insert(d)
            case .bool(let b): bools.insert(b)
            case .text(let s): texts.insert(s)
            }
        }
        self.hasNull = hasNull
        self.ints = ints
        self.doubles = doubles
        self.dates = dates
        self.bools = bools
        self.texts = texts
        id = DictionaryGeneration.next()
    }
}
