import PlanQ

/// Collects the lines an analyst types until they form a statement worth running.
///
/// The rules (issue 6): Enter runs the input when it ends with `;`, or when it is a
/// single line that parses as a complete statement. Input that cannot be complete
/// yet — an open parenthesis or quote, a trailing operator, `and`/`or`, or a clause
/// keyword such as `where` or `by` — continues on a `...>` prompt. Once the input
/// spans several lines, only `;` or an empty line runs it, so a long query can be
/// laid out freely. A line starting with `.` is a meta command and always runs alone.
///
/// Completeness is decided with planq's own lexer and parser, so the shell never
/// disagrees with the engine about where a string or a statement ends.
public struct InputAccumulator {
    /// What to do after a line was added.
    public enum Decision: Equatable {
        /// Nothing to run and nothing pending (a blank line at the main prompt).
        case empty
        /// Keep reading on the continuation prompt.
        case needMore
        /// Run this text (statements, or one meta command); the accumulator is reset.
        case run(String)
    }

    /// The lines typed so far for the current input.
    public private(set) var lines: [String] = []

    public init() {}

    /// True when no input is pending (the main prompt applies).
    public var isEmpty: Bool { lines.isEmpty }

    /// The pending text, lines joined with newlines.
    public var text: String { lines.joined(separator: "\n") }

    /// Forgets pending input (Ctrl-C).
    public mutating func reset() { lines = [] }

    /// Adds one line. A line may itself hold newlines (a statement recalled from
    /// history); it then counts as one line, so it runs at once when it parses.
    public mutating func add(_ line: String) -> Decision {
        let blank = line.allSatisfy(\.isWhitespace)
        if lines.isEmpty {
            if blank { return .empty }
            if line.drop(while: \.isWhitespace).hasPrefix(".") { return .run(line) }
        } else if blank {
            return take()
        }
        lines.append(line)
        switch InputAccumulator.state(of: text) {
        case .terminated, .broken: return take()
        case .open: return .needMore
        case .parses: return lines.count == 1 ? take() : .needMore
        }
    }

    private mutating func take() -> Decision {
        let t = text
        lines = []
        return t.allSatisfy(\.isWhitespace) ? .empty : .run(t)
    }

    /// How far a text is from being runnable.
    enum State: Equatable {
        /// Ends with `;` outside any string or parenthesis.
        case terminated
        /// Cannot be complete yet: open quote or parenthesis, trailing operator or keyword,
        /// or the parser ran out of input.
        case open
        /// Parses as a whole statement, but has no `;`.
        case parses
        /// Has an error that more input cannot fix; running it shows the error.
        case broken
    }

    /// Classifies `text` with the lexer and parser.
    static func state(of text: String) -> State {
        let source = SourceText(name: "<input>", text: text)
        let tokens: [Token]
        do {
            tokens = try Lexer.tokenize(source)
        } catch let d as Diagnostic {
            return d.message.hasPrefix("unterminated") ? .open : .broken
        } catch {
            return .broken
        }
        var depth = 0
        for t in tokens {
            if t.kind == .leftParen { depth += 1 }
            if t.kind == .rightParen { depth -= 1 }
        }
        if depth > 0 { return .open }
        let meaningful = tokens.filter { $0.kind != .endOfInput }
        guard let last = meaningful.last else { return .parses }
        if last.kind == .semicolon { return .terminated }
        if continues(after: last) { return .open }
        do {
            _ = try Parser.parse(source)
            return .parses
        } catch let d as Diagnostic {
            // An error at the very end means the parser wanted more input.
            if let span = d.span, span.start >= text.utf8.count || d.message.contains("end of input") { return .open }
            return .broken
        } catch {
            return .broken
        }
    }

    /// Tokens after which a statement cannot end.
    static func continues(after t: Token) -> Bool {
        switch t.kind {
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual,
             .plus, .minus, .star, .slash, .slashSlash, .percent, .comma, .dot, .leftParen:
            return true
        case .keyword(let k):
            return continuingKeywords.contains(k)
        case .identifier:
            // Contextual words that need a right-hand side.
            return ["starts", "ends", "with"].contains(t.value.lowercased())
        default:
            return false
        }
    }

    /// Keywords that always need something after them (`distinct`, `asc`, `null`... do not).
    static let continuingKeywords: Set<Keyword> = [
        .where, .let, .group, .by, .aggregate, .having, .pivot, .sort, .order, .limit, .top, .per,
        .select, .join, .left, .on, .explain, .and, .or, .not, .in, .between, .is, .as,
        .like, .matches, .contains,
    ]
}
