/// The aggregate functions. All are exact and skip nulls.
public enum AggregateFunction: String, CaseIterable, Sendable {
    case count, count_distinct, sum, avg, min, max, median, percentile, stddev, corr, share
    /// Conditional aggregates: `count_if(C)`, `sum_if(E, C)`, `avg_if(E, C)` — the
    /// aggregate over the rows where C is true (the binder folds C into the argument).
    case count_if, sum_if, avg_if
    /// `string_agg(E, sep)`: the group's non-null values joined in row order.
    case string_agg

    /// Accepted spellings (`mean` for `avg`).
    static func named(_ s: String) -> AggregateFunction? {
        let l = s.lowercased()
        if l == "mean" { return .avg }
        return AggregateFunction(rawValue: l)
    }
}

/// One aggregate computed by a grouping: function, bound arguments, result type.
public struct AggregateCall: Sendable {
    public var function: AggregateFunction
    /// Argument expressions over the grouping's input (empty for `count()` and `share()`).
    public var args: [BoundExpr]
    /// `percentile`'s fraction in 0...1.
    public var fraction: Double
    public var type: DataType
    /// `string_agg`'s separator.
    public var separator: String = ""

    /// Result type from argument types, or a message.
    static func resultType(_ f: AggregateFunction, _ args: [DataType]) -> Result<DataType, TypeMessage> {
        func arity(_ n: Int) -> String? {
            args.count == n ? nil : "\(f.rawValue)() takes \(n) argument\(n == 1 ? "" : "s"), got \(args.count)"
        }
        func numeric(_ t: DataType) -> Bool { t.isNumeric || t == .null }
        func bool(_ t: DataType) -> Bool { t == .bool || t == .null }
        switch f {
        case .count:
            return args.count <= 1 ? .success(.int) : .failure("count() takes 0 or 1 arguments, got \(args.count)")
        case .share:
            if let m = arity(0) { return .failure(TypeMessage(m)) }
            return .success(.double)
        case .count_distinct:
            if let m = arity(1) { return .failure(TypeMessage(m)) }
            return .success(.int)
        case .sum:
            if let m = arity(1) { return .failure(TypeMessage(m)) }
            guard numeric(args[0]) else { return .failure("sum() expects a number, got \(args[0])") }
            return .success(args[0] == .double ? .double : .int)
        case .avg, .median, .stddev:
            if let m = arity(1) { return .failure(TypeMessage(m)) }
            return numeric(args[0]) ? .success(.double) : .failure("\(f.rawValue)() expects a number, got \(args[0])")
        case .percentile:
            if let m = arity(2) { return .failure(TypeMessage(m)) }
            return numeric(args[0]) ? .success(.double) : .failure("percentile() expects a number, got \(args[0])")
        case .corr:
            if let m = arity(2) { return .failure(TypeMessage(m)) }
            return numeric(args[0]) && numeric(args[1]) ? .success(.double) : .failure("corr() expects two numbers")
        case .min, .max:
            if let m = arity(1) { return .failure(TypeMessage(m)) }
            return .success(args[0] == .null ? .int : args[0])
        case .count_if:
            if let m = arity(1) { return .failure(TypeMessage(m)) }
            return bool(args[0]) ? .success(.int) : .failure("count_if() expects a condition (true or false), got \(args[0])")
        case .sum_if, .avg_if:
            if let m = arity(2) { return .failure(TypeMessage(m)) }
            guard numeric(args[0]) else { return .failure("\(f.rawValue)() expects a number first, got \(args[0])") }
            guard bool(args[1]) else { return .failure("\(f.rawValue)()'s second argument must be a condition (true or false), got \(args[1])") }
            if f == .avg_if { return .success(.double) }
            return .success(args[0] == .double ? .double : .int)
        case .string_agg:
            if let m = arity(2) { return .failure(TypeMessage(m)) }
            return .success(.text)
        }
    }
}
