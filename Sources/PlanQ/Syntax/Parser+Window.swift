/// Window calls: `f(args) over ( [per E {, E}] [sort by K {, K}] )`.
///
/// `over` is a contextual word (an ordinary identifier elsewhere, so a column may
/// still be called `over`); it is a window only directly after a call's `)`.
extension Parser {
    /// Whether the cursor is at the word `over` that makes the preceding call a window.
    static func isOver(_ s: TokenStream) -> Bool {
        s.checkWord("over")
    }

    /// window = call "over" "(" [ "per" expression { "," expression } ]
    ///                          [ ( "sort" | "order" ) "by" sort_key { "," sort_key } ] ")"
    static func window(_ s: inout TokenStream, _ function: Identifier, _ args: [Expr]) throws -> Expr {
        s.advance()
        guard let open = s.match(.leftParen) else {
            throw s.expected("'('", help: "write the window in parentheses, for example over (per theme sort by period)")
        }
        var partition: [Expr] = []
        var sort: [SortKey] = []
        if s.match(.per) != nil {
            repeat {
                partition.append(try expression(&s))
            } while s.match(.comma) != nil
        } else if s.checkWord("partition") {
            throw s.error("planq writes the partition of a window with 'per'", at: s.current,
                          help: "for example over (per theme sort by period)")
        }
        if s.check(.sort) || s.check(.order) {
            s.advance()
            _ = try s.expect(.by)
            repeat {
                sort.append(try sortKey(&s).0)
            } while s.match(.comma) != nil
        }
        guard let close = s.match(.rightParen) else {
            let (line, column) = DiagnosticRenderer.position(of: open.span.start, in: s.source)
            let what = sort.isEmpty ? (partition.isEmpty ? "'per', 'sort by' or ')'" : "',', 'sort by' or ')'") : "',' or ')'"
            throw s.expected(what, help: "to close the window's '(' at \(line):\(column)")
        }
        let clause = WindowClause(partition: partition, sort: sort, span: open.span.merged(close.span))
        return Expr(.window(function, args, clause), function.span.merged(close.span))
    }
}
