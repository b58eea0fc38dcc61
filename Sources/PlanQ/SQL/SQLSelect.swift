/// One `SELECT` block of the emitted SQL: the small syntax tree the compiler builds
/// and ``SQLScript`` prints. Expressions inside are already SQL text.
struct SQLSelect {
    /// An output column: its expression and the name it is given (nil keeps the expression's own).
    struct Item {
        var sql: String
        var alias: String?
    }

    var distinct = false
    var items: [Item]
    /// The `FROM` text: a quoted table or CTE name with an optional alias, or a join.
    var from: String
    var filters: [String] = []
    var groupBy: [String] = []
    var having: [String] = []
    var orderBy: [String] = []
    var limit: Int?
    /// Blocks appended with `UNION ALL` (a union's right side), same columns in the same order.
    var unionAll: [SQLSelect] = []
    /// False for a block whose columns the final `SELECT` must read by name, not repeat:
    /// set-returning functions (`unnest`) and window functions, which an `ORDER BY` may not hold.
    var folds = true

    /// The block as lines (no trailing newline), each clause on its own line; a select
    /// list too long for one line gets one item a line.
    func lines(_ dialect: SQLDialect) -> [String] {
        var out: [String] = []
        let head = distinct ? "SELECT DISTINCT" : "SELECT"
        let rendered = items.map { item -> String in
            guard let a = item.alias else { return item.sql }
            return item.sql == dialect.quote(a) ? item.sql : "\(item.sql) AS \(dialect.quote(a))"
        }
        let oneLine = head + " " + rendered.joined(separator: ", ")
        if oneLine.count <= 80 && !rendered.contains(where: { $0.contains("\n") }) {
            out.append(oneLine)
        } else {
            out.append(head)
            for (i, r) in rendered.enumerated() {
                let text = "  " + r.replacingOccurrences(of: "\n", with: "\n  ")
                out.append(text + (i == rendered.count - 1 ? "" : ","))
            }
        }
        out.append("FROM " + from)
        for (i, f) in filters.enumerated() { out.append((i == 0 ? "WHERE " : "  AND ") + f) }
        if !groupBy.isEmpty { out.append("GROUP BY " + groupBy.joined(separator: ", ")) }
        for (i, f) in having.enumerated() { out.append((i == 0 ? "HAVING " : "  AND ") + f) }
        if !orderBy.isEmpty { out.append("ORDER BY " + orderBy.joined(separator: ", ")) }
        if let limit { out.append("LIMIT \(limit)") }
        for other in unionAll {
            out.append("UNION ALL")
            out += other.lines(dialect)
        }
        return out.flatMap { $0.components(separatedBy: "\n") }
    }
}
