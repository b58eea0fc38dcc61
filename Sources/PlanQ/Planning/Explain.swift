/// Renders an executed operator tree for `explain`: each operator's strategy,
/// detail and output rows, so a reader sees which step removed rows.
enum Explain {
    static func render(_ op: PhysicalOperator) -> String {
        var lines: [String] = []
        walk(op, prefix: "", childPrefix: "", into: &lines)
        return lines.joined(separator: "\n")
    }

    private static func walk(_ op: PhysicalOperator, prefix: String, childPrefix: String, into lines: inout [String]) {
        let detail = op.detail.isEmpty ? "" : " \(op.detail)"
        lines.append("\(prefix)\(op.name)\(detail)  rows=\(op.rowsOut)")
        let kids = op.children
        for (i, c) in kids.enumerated() {
            let last = i == kids.count - 1
            walk(c, prefix: childPrefix + (last ? "└─ " : "├─ "), childPrefix: childPrefix + (last ? "   " : "│  "), into: &lines)
        }
    }
}
