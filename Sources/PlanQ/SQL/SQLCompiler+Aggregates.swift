/// Compiling aggregate calls. Every SQL aggregate skips nulls as planq's do; the
/// differences are in result types and overflow, spelled out here.
extension SQLCompiler {
    /// `order` is the input's row order (one term), for `string_agg`'s order.
    func aggregateSQL(_ call: AggregateCall, _ cols: [ColumnID: SQLRelation.Column],
                      order: SQLRelation.OrderTerm? = nil) throws -> String {
        let args = try call.args.map { a -> String in
            // An untyped null argument (`sum(null)`) needs a type for the engine to pick a function.
            if a.type == .null { return dialect.null(.int) }
            return try expr(a, cols).sql
        }
        let double = dialect.typeName(.double)
        switch call.function {
        case .count_if:
            // The binder made the argument `case when C then 1 end`: count its non-null rows.
            return "count(\(args[0]))"
        case .string_agg:
            return stringAgg(args[0], call.separator, order)
        case .count:
            return args.isEmpty ? "count(*)" : "count(\(args[0]))"
        case .count_distinct:
            return "count(DISTINCT \(args[0]))"
        case .sum, .sum_if:
            guard call.type == .int else { return "sum(\(args[0]))" }
            // An integer sum that does not fit in 64 bits is an error, decided on the
            // exact total: PostgreSQL and DuckDB sum bigints exactly (numeric, hugeint)
            // and the cast back fails; Spark sums decimals and checks the range.
            switch dialect {
            case .postgres, .duckdb:
                return "CAST(sum(\(args[0])) AS BIGINT)"
            case .spark:
                let s = "sum(CAST(\(args[0]) AS DECIMAL(38, 0)))"
                return "CASE WHEN \(s) < -9223372036854775808 OR \(s) > 9223372036854775807 THEN raise_error('integer overflow in sum()') ELSE CAST(\(s) AS BIGINT) END"
            }
        case .avg, .avg_if:
            if call.args.first?.type == .int && dialect == .postgres {
                return "CAST(avg(\(args[0])) AS \(double))"
            }
            return "avg(\(args[0]))"
        case .min, .max:
            let f = call.function.rawValue
            guard let a = call.args.first else { return "NULL" }
            if let en = a.type.enumType {
                // The worst status is the smallest position in the declared order.
                let ord = ordinal(SQLExpr(sql: args[0], atomic: true), en)
                let back = en.values.enumerated().map { "WHEN \($0.offset) THEN \(dialect.string($0.element))" }
                return "CASE \(f)(\(ord)) \(back.joined(separator: " ")) END"
            }
            if a.type == .text && dialect == .postgres { return "\(f)(\(args[0]) COLLATE \"C\")" }
            if a.type == .bool && dialect == .postgres { return "\(f == "min" ? "bool_and" : "bool_or")(\(args[0]))" }
            return "\(f)(\(args[0]))"
        case .median, .percentile:
            let p = dialect.double(call.function == .median ? 0.5 : call.fraction)
            switch dialect {
            case .postgres: return "percentile_cont(\(p)) WITHIN GROUP (ORDER BY \(args[0]))"
            case .duckdb: return "quantile_cont(\(args[0]), \(p))"
            case .spark: return "percentile(\(args[0]), \(p))"
            }
        case .stddev:
            return "stddev_samp(\(args[0]))"
        case .corr:
            // No correlation without variance: null in planq, NaN from DuckDB's corr.
            if dialect == .duckdb { return "CASE WHEN NOT isnan(corr(\(args[0]), \(args[1]))) THEN corr(\(args[0]), \(args[1])) END" }
            return "corr(\(args[0]), \(args[1]))"
        case .share:
            // The group's rows over all rows that reached the grouping (a window over the groups).
            return "CAST(count(*) AS \(double)) / CAST(sum(count(*)) OVER () AS \(double))"
        }
    }

    /// `string_agg(x, sep)`: the non-null values joined in row order; null for none.
    /// Spark has no ordered string aggregate before 4.0, so it sorts (position, value)
    /// pairs and joins the values.
    func stringAgg(_ x: String, _ separator: String, _ order: SQLRelation.OrderTerm?) -> String {
        let sep = dialect.string(separator)
        switch dialect {
        case .postgres, .duckdb:
            guard let order else { return "string_agg(\(x), \(sep))" }
            return "string_agg(\(x), \(sep) ORDER BY \(order.rendered))"
        case .spark:
            guard let order else { return "CASE WHEN count(\(x)) > 0 THEN array_join(collect_list(\(x)), \(sep)) END" }
            var pairs = "array_sort(collect_list(CASE WHEN \(x) IS NOT NULL THEN named_struct('o', \(order.sql), 'v', \(x)) END))"
            if order.descending { pairs = "reverse(\(pairs))" }
            return "CASE WHEN count(\(x)) > 0 THEN array_join(transform(\(pairs), p -> p.v), \(sep)) END"
        }
    }
}
