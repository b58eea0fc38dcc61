/// The `case` expression. Its words (`case`, `when`, `then`, `else`, `end`) are
/// contextual, not reserved: `case` starts an expression only when `when` (or an
/// expression and then `when`) follows, so columns named `end` or `case` keep working.
extension Parser {
    /// case_expr = "case" "when" expression "then" expression
    ///             { "when" expression "then" expression } [ "else" expression ] "end"
    static func caseExpression(_ s: inout TokenStream) throws -> Expr {
        let start = s.advance()
        return try caseBranches(&s, start: start, subject: nil)
    }

    /// simple_case = "case" concatenation "when" concatenation "then" expression
    ///               { "when" concatenation "then" expression } [ "else" expression ] "end"
    ///
    /// SQL's `case x when v then r ... end`, read as `case when x = v then r ... end`.
    /// Tried only when `case` is followed by an expression and then `when`; otherwise
    /// nil, consuming nothing (a column named `case` stays a name).
    static func simpleCaseExpression(_ s: inout TokenStream) throws -> Expr? {
        var trial = s
        let start = trial.advance()
        guard let subject = try? expression(&trial, .concat), trial.checkWord("when") else { return nil }
        s = trial
        return try caseBranches(&s, start: start, subject: subject)
    }

    /// The `when … then …` list, optional `else` and `end` after `case [subject]`.
    static func caseBranches(_ s: inout TokenStream, start: Token, subject: Expr?) throws -> Expr {
        let (line, column) = DiagnosticRenderer.position(of: start.span.start, in: s.source)
        let closeHelp = "a 'case' ends with 'end' (the 'case' is at \(line):\(column))"
        var whens: [WhenClause] = []
        while s.checkWord("when") {
            s.advance()
            var condition = try expression(&s, subject == nil ? .or : .concat)
            if let subject { condition = Expr(.binary(.eq, subject, condition), condition.span) }
            guard s.checkWord("then") else {
                throw s.expected("'then'", help: "write: case when CONDITION then VALUE ... end")
            }
            s.advance()
            let result = try expression(&s)
            whens.append(WhenClause(condition: condition, result: result))
        }
        var otherwise: Expr?
        if s.checkWord("else") {
            s.advance()
            otherwise = try expression(&s)
        }
        guard s.checkWord("end") else {
            throw s.expected(otherwise == nil ? "'when', 'else' or 'end'" : "'end'", help: closeHelp)
        }
        let end = s.advance()
        return Expr(.caseWhen(whens, else: otherwise), start.span.merged(end.span))
    }
}
