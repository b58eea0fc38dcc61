import Foundation

/// Renders an executed operator tree for `explain`: each operator's strategy,
/// detail and output rows, so a reader sees which step removed rows. For
/// `explain analyze` each line also has the rows that came in and the time spent
/// in the operator itself (its children's time taken out), and the planner has
/// split every `where` into one filter per conjunct.
enum Explain {
    static func render(_ op: PhysicalOperator, analyze: Bool = false) -> String {
        var lines: [String] = []
        walk(op, analyze: analyze, prefix: "", childPrefix: "", into: &lines)
        return lines.joined(separator: "\n")
    }

    private static func walk(_ op: PhysicalOperator, analyze: Bool, prefix: String, childPrefix: String, into lines: inout [String]) {
        let detail = op.detail.isEmpty ? "" : " \(op.detail)"
        let kids = op.children
        if analyze {
            let rowsIn = kids.map { "\($0.rowsOut)" }.joined(separator: "+")
            let own = max(0, op.elapsed - kids.reduce(0) { $0 + $1.elapsed })
            let rows = kids.isEmpty ? "rows out=\(op.rowsOut)" : "rows in=\(rowsIn) out=\(op.rowsOut)"
            lines.append("\(prefix)\(op.name)\(detail)  \(rows)  " + String(format: "time=%.3f ms", own))
        } else {
            lines.append("\(prefix)\(op.name)\(detail)  rows=\(op.rowsOut)")
        }
        for (i, c) in kids.enumerated() {
            let last = i == kids.count - 1
            walk(c, analyze: analyze, prefix: childPrefix + (last ? "└─ " : "├─ "),
                 childPrefix: childPrefix + (last ? "   " : "│  "), into: &lines)
        }
    }
}
