/// The aggregate functions. All are exact and skip nulls.
public enum AggregateFunction: String, CaseIterable, Sendable {
    case count, count_distinct, sum, avg, min, max, median, percentile, stddev, corr, share

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

    /// Result type from argument types, or a message.
    static func resultType(_ f: AggregateFunction, _ args: [DataType]) -> Result<DataType, TypeMessage> {
        func arity(_ n: Int) -> String? {
            args.count == n ? nil : "\(f.rawValue)() takes \(n) argument\(n == 1 ? "" : "s"), got \(args.count)"
        }
        func numeric(_ t: DataType) -> Bool { t.isNumeric || t == .null }
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
        }
    }
}
