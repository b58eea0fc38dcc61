/// A whole emitted query: named steps (`WITH name AS (...)`) and the final block.
struct SQLScript {
    var steps: [(name: String, select: SQLSelect)] = []
    var final: SQLSelect?

    /// The SQL text, indented two spaces a level, ending without a semicolon.
    func render(_ dialect: SQLDialect) -> String {
        var out: [String] = []
        if !steps.isEmpty {
            out.append("WITH")
            for (i, step) in steps.enumerated() {
                out.append("  \(dialect.quote(step.name)) AS (")
                out += step.select.lines(dialect).map { "    " + $0 }
                out.append(i == steps.count - 1 ? "  )" : "  ),")
            }
        }
        if let final { out += final.lines(dialect) }
        return out.joined(separator: "\n")
    }
}
