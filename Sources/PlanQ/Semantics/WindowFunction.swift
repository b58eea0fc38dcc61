/// The functions that can be computed over a window (`f(...) over (...)`).
///
/// Ranking and offset functions exist only as windows; `sum`, `avg`, `count`,
/// `min` and `max` are the aggregates that also have a window form (running over
/// a sorted window, whole-partition otherwise).
public enum WindowFunction: String, CaseIterable, Sendable {
    case row_number, rank, dense_rank, lag, lead, first, last
    case sum, avg, count, min, max

    /// Accepted spellings (`mean` for `avg`); nil for anything that is not a window function.
    static func named(_ s: String) -> WindowFunction? {
        let l = s.lowercased()
        if l == "mean" { return .avg }
        return WindowFunction(rawValue: l)
    }

    /// The aggregates with a running or whole-partition window form.
    var isAggregate: Bool {
        switch self {
        case .sum, .avg, .count, .min, .max: return true
        default: return false
        }
    }

    /// How the function is written, for messages and help.
    var signature: String {
        switch self {
        case .row_number, .rank, .dense_rank: return "\(rawValue)()"
        case .lag, .lead: return "\(rawValue)(x [, n])"
        case .count: return "count([x])"
        default: return "\(rawValue)(x)"
        }
    }

    /// The result type for the argument type (nil when there is no argument), or a message.
    func resultType(_ arg: DataType?, argumentCount: Int) -> Result<DataType, TypeMessage> {
        func arity(_ allowed: ClosedRange<Int>) -> TypeMessage? {
            if allowed.contains(argumentCount) { return nil }
            let n = allowed.lowerBound == allowed.upperBound ? "\(allowed.lowerBound)" : "\(allowed.lowerBound) or \(allowed.upperBound)"
            return TypeMessage("\(rawValue)() takes \(n) argument\(allowed.upperBound == 1 ? "" : "s"), got \(argumentCount): write \(signature)")
        }
        switch self {
        case .row_number, .rank, .dense_rank:
            if let m = arity(0...0) { return .failure(m) }
            return .success(.int)
        case .count:
            if let m = arity(0...1) { return .failure(m) }
            return .success(.int)
        case .lag, .lead:
            if let m = arity(1...2) { return .failure(m) }
        case .first, .last, .sum, .avg, .min, .max:
            if let m = arity(1...1) { return .failure(m) }
        }
        let t = arg ?? .null
        switch self {
        case .sum:
            guard t.isNumeric || t == .null else { return .failure(TypeMessage("sum() expects a number, got \(t)")) }
            return .success(t == .double ? .double : .int)
        case .avg:
            guard t.isNumeric || t == .null else { return .failure(TypeMessage("avg() expects a number, got \(t)")) }
            return .success(.double)
        default:
            return .success(t == .null ? .int : t)
        }
    }
}

/// One bound window function: what it computes and which columns it reads.
///
/// Every input is a column already computed below the window (a projection
/// evaluates argument, partition and sort expressions into columns first), so
/// the window operator needs no expression evaluation of its own.
public struct WindowCall: Sendable {
    public var function: WindowFunction
    /// The argument column (nil for `row_number()`, `rank()`, `dense_rank()`, `count()`).
    public var argument: ColumnID?
    /// Rows back (`lag`) or ahead (`lead`); 1 unless written.
    public var offset: Int
    public var partition: [ColumnID]
    public var sort: [(id: ColumnID, descending: Bool)]
    public var type: DataType

    /// Whether two calls share a window (the same partition and order), so one
    /// partitioning and one sort serve both.
    func sameWindow(as other: WindowCall) -> Bool {
        partition == other.partition && sort.count == other.sort.count
            && zip(sort, other.sort).allSatisfy { $0.id == $1.id && $0.descending == $1.descending }
    }
}

/// The window calls of a `let` (see ``Binder/bindLetItem``): one window node under
/// the `let`'s projection computes them all.
struct PendingWindows {
    /// The columns of the plan the window node goes on.
    var base: [ScopeColumn]
    /// Columns to compute before the window: arguments, partition and sort keys that are not plain columns.
    var computed: [(id: ColumnID, expr: BoundExpr)] = []
    var calls: [(id: ColumnID, call: WindowCall)] = []
    /// Calls by their text, so the same window written twice is computed once.
    var byText: [String: ColumnID] = [:]

    init(base: [ScopeColumn]) {
        self.base = base
    }

    /// The columns read by the calls from index `first` on (through computed inputs too).
    func inputs(from first: Int) -> Set<ColumnID> {
        var ids = Set<ColumnID>()
        let computedIDs = Dictionary(computed.map { ($0.id, $0.expr) }, uniquingKeysWith: { a, _ in a })
        for (_, c) in calls.dropFirst(first) {
            for id in [c.argument].compactMap({ $0 }) + c.partition + c.sort.map(\.id) {
                if let e = computedIDs[id] { e.collectColumns(into: &ids) } else { ids.insert(id) }
            }
        }
        return ids
    }

    /// `plan` with the window node on top (after a projection of the computed inputs), or
    /// `plan` itself when there are no calls.
    func applied(to plan: LogicalPlan) -> LogicalPlan {
        guard !calls.isEmpty else { return plan }
        if computed.isEmpty { return .window(plan, calls: calls) }
        let pass = base.map { (id: $0.id, expr: BoundExpr.column($0.id, $0.type)) }
        return .window(.project(plan, outputs: pass + computed), calls: calls)
    }
}
