import PlanQ

/// A shell command starting with `.`, parsed from one input line.
///
/// Parsing is separate from running (``Shell``) so the syntax and its error
/// messages can be tested without a terminal.
public enum MetaCommand: Equatable {
    case help
    case tables
    /// `.schema` (every table) or `.schema TABLE`.
    case schema(String?)
    case mode(ResultFormat)
    case timer(Bool)
    /// `.output FILE` sends every later result to FILE; `.output` alone goes back to the terminal.
    case output(String?)
    /// `.once FILE` sends only the next result to FILE.
    case once(String)
    case read(String)
    /// `.load PATH [as NAME]`: a CSV or JSON lines file, or a folder of them.
    case load(String, as: String?)
    case last
    case threads(Int)
    case quit

    /// Every command name, for completion and `.help`.
    public static let names = [
        ".help", ".tables", ".schema", ".mode", ".timer", ".output", ".once", ".read", ".load",
        ".last", ".threads", ".quit", ".exit",
    ]

    /// One line per command.
    public static let helpText = """
        .help                      this list
        .tables                    tables with their row and column counts
        .schema [TABLE]            columns: type, nulls, distinct values
        .mode FORMAT               table, csv, tsv, json, jsonl or markdown
        .timer on|off              time each statement
        .output [FILE]             write results to FILE (no FILE: back to the terminal)
        .once FILE                 write the next result to FILE
        .read FILE                 run the statements in FILE
        .load PATH [as NAME]       load a CSV/JSON lines file, or every one in a folder
        .last                      show the last result again (e.g. after .mode)
        .threads N                 worker threads for queries
        .quit                      leave (also .exit or Ctrl-D)
        Quote a path that has spaces: .load "Council plans/2009.csv"
        Statements run when they end with ';' or, on one line, when complete.
        Tab completes tables, columns, values and keywords; Ctrl-R searches history.

        """

    /// An unusable meta command line: the message to show.
    public struct ParseError: Error, Equatable {
        public var message: String
    }

    /// Splits a command line at whitespace; `"..."` or `'...'` keeps spaces in one
    /// argument (a folder such as `"Council plans 2009"`).
    static func words(_ line: String) throws -> [String] {
        var words: [String] = []
        var current = "", inWord = false
        var quote: Character?
        for ch in line {
            if let q = quote {
                if ch == q { quote = nil } else { current.append(ch) }
            } else if ch == "\"" || ch == "'" {
                quote = ch
                inWord = true
            } else if ch.isWhitespace {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(ch)
                inWord = true
            }
        }
        if let q = quote { throw ParseError(message: "unterminated \(q) in the command") }
        if inWord { words.append(current) }
        return words
    }

    /// Parses a line that starts with `.`.
    public static func parse(_ line: String) throws -> MetaCommand {
        let words = try MetaCommand.words(line)
        guard let name = words.first else { throw ParseError(message: "empty command") }
        let args = Array(words.dropFirst())
        func one(_ what: String) throws -> String {
            guard args.count == 1 else { throw ParseError(message: "usage: \(name) \(what)") }
            return args[0]
        }
        func none() throws {
            if !args.isEmpty { throw ParseError(message: "\(name) takes no arguments") }
        }
        switch name.lowercased() {
        case ".help": try none(); return .help
        case ".tables": try none(); return .tables
        case ".last": try none(); return .last
        case ".quit", ".exit": try none(); return .quit
        case ".schema":
            if args.count > 1 { throw ParseError(message: "usage: .schema [TABLE]") }
            return .schema(args.first)
        case ".mode":
            let m = try one("table|csv|tsv|json|jsonl|markdown")
            guard let f = ResultFormat(rawValue: m.lowercased()) else {
                throw ParseError(message: "unknown mode '\(m)'; use table, csv, tsv, json, jsonl or markdown")
            }
            return .mode(f)
        case ".timer":
            switch try one("on|off").lowercased() {
            case "on": return .timer(true)
            case "off": return .timer(false)
            default: throw ParseError(message: "usage: .timer on|off")
            }
        case ".output":
            if args.count > 1 { throw ParseError(message: "usage: .output [FILE]") }
            return .output(args.first)
        case ".once": return .once(try one("FILE"))
        case ".read": return .read(try one("FILE"))
        case ".load":
            if args.count == 1 { return .load(args[0], as: nil) }
            if args.count == 3, args[1].lowercased() == "as" { return .load(args[0], as: args[2]) }
            throw ParseError(message: "usage: .load PATH [as NAME]")
        case ".threads":
            guard let n = Int(try one("N")), n >= 1 else { throw ParseError(message: "usage: .threads N (at least 1)") }
            return .threads(n)
        default:
            let hint = EditDistance.suggest(name.lowercased(), among: names).map { "; did you mean '\($0)'?" } ?? ""
            throw ParseError(message: "unknown command '\(name)'\(hint) (.help lists them)")
        }
    }
}
