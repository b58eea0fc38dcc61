/// Compiling window functions in `let` (`f(...) over ([per ...] [sort by ...])`).
///
/// planq's frames are SQL's defaults: an aggregate over a sorted window runs to the end
/// of the current row's peer group (`RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT
/// ROW`), over an unsorted one it covers the partition. Ties in the sort keep input
/// order in planq, so `row_number`, `lag`, `lead`, `first` and `last` also order by
/// the input's row order when there is one; ranks and running aggregates must not
/// (peers are rows with equal sort keys).
extension SQLCompiler {
    mutating func window(_ input: LogicalPlan, calls: [(id: ColumnID, call: WindowCall)], needed: Set<ColumnID>) throws -> SQLRelation {
        let used = calls.filter { needed.contains($0.id) }
        var childNeeded = needed.intersection(input.outputs)
        for (_, c) in used {
            if let a = c.argument { childNeeded.insert(a) }
            childNeeded.formUnion(c.partition)
            childNeeded.formUnion(c.sort.map(\.id))
        }
        var rel = try relation(input, needed: childNeeded)
        // The input order breaks ties: one term keeps the OVER clauses short.
        rel = try singleOrder(rel, outputs: input.outputs.filter(childNeeded.contains), base: "numbered")
        for (i, (id, call)) in used.enumerated() {
            rel.columns[id] = .init(sql: try windowSQL(call, rel), ref: nil, type: call.type)
            // Short step column names (the let names the final result's column).
            names[id] = "w\(i + 1)"
        }
        // Written out at once: a filter or a later window must not read a window function in place.
        let outs = input.outputs.filter(childNeeded.contains).filter(needed.contains) + used.map(\.id)
        let out = try materialize(rel, outputs: outs, base: "windowed")
        if !script.steps.isEmpty { script.steps[script.steps.count - 1].select.folds = false }
        return out
    }

    /// One window call over `rel`'s columns.
    func windowSQL(_ call: WindowCall, _ rel: SQLRelation) throws -> String {
        let cols = rel.columns
        func col(_ id: ColumnID) throws -> SQLExpr {
            guard let c = cols[id] else { throw SQLUnsupported.internalError("window column #\(id) is missing") }
            return SQLExpr(sql: c.sql, atomic: true)
        }
        let partition = try call.partition.map { try col($0).sql }
        var sort: [SQLRelation.OrderTerm] = []
        for s in call.sort {
            guard let c = cols[s.id] else { throw SQLUnsupported.internalError("window sort column") }
            sort.append(try orderTerm(.column(s.id, c.type), descending: s.descending, cols))
        }
        func over(_ terms: [SQLRelation.OrderTerm], frame: String = "", needsOrder: Bool = true) -> String {
            var parts: [String] = []
            if !partition.isEmpty { parts.append("PARTITION BY " + partition.joined(separator: ", ")) }
            if !terms.isEmpty {
                parts.append("ORDER BY " + terms.map(\.rendered).joined(separator: ", "))
            } else if dialect == .spark && needsOrder {
                // Spark wants an order for row_number, lag and lead; without any, rows are unordered anyway.
                parts.append("ORDER BY 1")
            }
            if !frame.isEmpty { parts.append(frame) }
            return "OVER (" + parts.joined(separator: " ") + ")"
        }
        // Sort keys, then input order: planq's window order with its ties broken.
        let full = sort + rel.order
        let arg = try call.argument.map(col)
        let argType = call.argument.flatMap { cols[$0]?.type } ?? .null
        switch call.function {
        case .row_number:
            return "row_number() \(over(full))"
        case .rank, .dense_rank:
            // With no sort every row is a peer: rank 1 (Spark refuses an unordered rank).
            if sort.isEmpty { return "CAST(1 AS BIGINT)" }
            return "\(call.function.rawValue)() \(over(sort))"
        case .lag, .lead:
            guard let a = arg else { throw SQLUnsupported.internalError("lag without argument") }
            if call.offset == 0 { return a.sql }
            return "\(call.function.rawValue)(\(typed(a, argType)), \(call.offset)) \(over(full))"
        case .first, .last:
            guard let a = arg else { throw SQLUnsupported.internalError("first without argument") }
            let f = call.function == .first ? "first_value" : "last_value"
            return "\(f)(\(typed(a, argType))) \(over(full, frame: "ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING"))"
        case .count:
            let w = over(sort, needsOrder: false)
            return arg.map { "count(\(typed($0, argType))) \(w)" } ?? "count(*) \(w)"
        case .sum, .avg, .min, .max:
            guard let a = arg else { throw SQLUnsupported.internalError("window aggregate without argument") }
            return windowAggregate(call.function, call.type, argType, typed(a, argType), over(sort, needsOrder: false))
        }
    }

    /// An argument of no type (`null`) given one, so the engine can pick a function.
    func typed(_ a: SQLExpr, _ t: DataType) -> String {
        t == .null ? dialect.null(.int) : a.sql
    }

    /// `sum`/`avg`/`min`/`max` over a window, with the aggregate's exactness: each call
    /// of the aggregate's SQL gets the window.
    func windowAggregate(_ function: WindowFunction, _ type: DataType, _ argType: DataType, _ arg: String, _ over: String) -> String {
        let double = dialect.typeName(.double)
        switch function {
        case .sum where type == .int:
            switch dialect {
            case .postgres, .duckdb: return "CAST(sum(\(arg)) \(over) AS BIGINT)"
            case .spark:
                let s = "sum(CAST(\(arg) AS DECIMAL(38, 0))) \(over)"
                return "CASE WHEN \(s) < -9223372036854775808 OR \(s) > 9223372036854775807 THEN raise_error('integer overflow in sum() over a window') ELSE CAST(\(s) AS BIGINT) END"
            }
        case .sum: return "sum(\(arg)) \(over)"
        case .avg:
            if argType == .int && dialect == .postgres { return "CAST(avg(\(arg)) \(over) AS \(double))" }
            if argType == .null { return "CAST(avg(\(arg)) \(over) AS \(double))" }
            return "avg(\(arg)) \(over)"
        default:
            let f = function.rawValue
            if let en = argType.enumType {
                let ord = ordinal(SQLExpr(sql: arg, atomic: true), en)
                let back = en.values.enumerated().map { "WHEN \($0.offset) THEN \(dialect.string($0.element))" }
                return "CASE \(f)(\(ord)) \(over) \(back.joined(separator: " ")) END"
            }
            if argType == .text && dialect == .postgres { return "\(f)(\(arg) COLLATE \"C\") \(over)" }
            if argType == .bool && dialect == .postgres { return "\(f == "min" ? "bool_and" : "bool_or")(\(arg)) \(over)" }
            return "\(f)(\(arg)) \(over)"
        }
    }
}
