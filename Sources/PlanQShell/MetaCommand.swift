import Foundation
import PlanQ

/// A shell command starting with `.`, parsed from one input line.
///
/// Parsing is separate from running (``Shell``) so the syntax and its error
/// messages can be tested without a terminal.
public enum MetaCommand: Equatable {
    /// `.help` (the command list) or `.help TOPIC` (a clause, function, or `functions`).
    case help(String?)
    case tables
    /// `.schema` (every table) or `.schema TABLE`.
    case schema(String?)
    /// `.mode FORMAT`; `.mode line` is table mode with `expanded: .on`.
    case mode(ResultFormat, expanded: ExpandedMode? = nil)
    /// `.expanded on|off|auto`; nil (no argument) switches between on and off, as psql's `\x`.
    case expanded(ExpandedMode?)
    /// `.maxwidth N`: the longest cell table mode shows in full.
    case maxWidth(Int)
    /// `.pager on|off`; nil (no argument) switches it.
    case pager(Bool?)
    /// `.highlight on|off`: colour the input as it is typed.
    case highlight(Bool)
    /// `.ingest FILE... [as NAME]`: read plan documents into tables named `NAME_table`.
    case ingest([String], as: String?)
    /// `.report FILE [name=value...] [-o OUT]`: render a report file to OUT.
    case report(String, parameters: [String], output: String?)
    /// `.export TABLE FILE`: write a table as CSV, TSV, JSON or JSON lines by FILE's extension.
    case export(String, to: String)
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
        ".help", ".tables", ".schema", ".mode", ".expanded", ".maxwidth", ".pager", ".highlight", ".timer",
        ".output", ".once", ".read", ".load", ".ingest", ".report", ".export", ".last", ".threads", ".quit", ".exit",
    ]

    /// The formats `.mode` takes: the result formats and `line` (expanded records).
    public static let modes = ResultFormat.allCases.map(\.rawValue) + ["line"]

    /// The file extensions `.export` writes, and the format each one means.
    public static let exportFormats: [String: ResultFormat] = ["csv": .csv, "tsv": .tsv, "jsonl": .jsonl, "json": .json]

    /// One line per command.
    public static let helpText = """
        .help                      this list
        .help TOPIC                a clause (where, pivot...), a function, or functions
        .tables                    tables with their row and column counts
        .schema [TABLE]            columns: type, nulls, distinct values
        .mode FORMAT               table, line, csv, tsv, json, jsonl or markdown
        .expanded [on|off|auto]    a 'column | value' line per field (auto: if too wide)
        .maxwidth N                longest value shown in full in table mode (then …)
        .pager [on|off]            page results longer than the screen ($PAGER or less)
        .highlight on|off          colour keywords, strings and numbers as you type
        .timer on|off              time each statement
        .output [FILE]             write results to FILE (no FILE: back to the terminal)
        .once FILE                 write the next result to FILE
        .read FILE                 run the statements in FILE
        .load PATH [as NAME]       load a CSV/JSON lines file, or every one in a folder
        .ingest FILE... [as NAME]  read plan documents into tables (NAME_indicators...)
        .report FILE [n=v...] [-o OUT]  render a report (default OUT: ./NAME.html)
        .export TABLE FILE         write a table as .csv, .tsv, .json or .jsonl
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
        case ".help":
            if args.count > 1 { throw ParseError(message: "usage: .help [TOPIC]") }
            return .help(args.first?.lowercased())
        case ".tables": try none(); return .tables
        case ".last": try none(); return .last
        case ".quit", ".exit": try none(); return .quit
        case ".schema":
            if args.count > 1 { throw ParseError(message: "usage: .schema [TABLE]") }
            return .schema(args.first)
        case ".mode":
            let m = try one("table|line|csv|tsv|json|jsonl|markdown")
            if m.lowercased() == "line" { return .mode(.table, expanded: .on) }
            guard let f = ResultFormat(rawValue: m.lowercased()) else {
                throw ParseError(message: "unknown mode '\(m)'; use table, line, csv, tsv, json, jsonl or markdown")
            }
            return .mode(f)
        case ".timer": return .timer(try onOff(one("on|off"), name))
        case ".pager":
            if args.isEmpty { return .pager(nil) }
            return .pager(try onOff(one("[on|off]"), name))
        case ".highlight": return .highlight(try onOff(one("on|off"), name))
        case ".expanded":
            if args.isEmpty { return .expanded(nil) }
            let m = try one("[on|off|auto]")
            guard let e = ExpandedMode(rawValue: m.lowercased()) else { throw ParseError(message: "usage: .expanded [on|off|auto]") }
            return .expanded(e)
        case ".maxwidth":
            guard let n = Int(try one("N")), n >= 1 else { throw ParseError(message: "usage: .maxwidth N (at least 1)") }
            return .maxWidth(n)
        case ".ingest": return try ingest(args)
        case ".report": return try report(args)
        case ".export":
            guard args.count == 2 else { throw ParseError(message: "usage: .export TABLE FILE (.csv, .tsv, .json or .jsonl)") }
            let ext = (args[1] as NSString).pathExtension.lowercased()
            guard exportFormats[ext] != nil else {
                throw ParseError(message: "cannot tell the format of '\(args[1])'; end the file name in .csv, .tsv, .json or .jsonl")
            }
            return .export(args[0], to: args[1])
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

    private static func onOff(_ word: String, _ name: String) throws -> Bool {
        switch word.lowercased() {
        case "on": return true
        case "off": return false
        default: throw ParseError(message: "usage: \(name) on|off")
        }
    }

    /// `.ingest FILE... [as NAME]`; NAME must be a plain word, as it starts table names.
    private static func ingest(_ args: [String]) throws -> MetaCommand {
        var files = args, name: String?
        if args.count >= 2, args[args.count - 2].lowercased() == "as" {
            name = args[args.count - 1]
            files.removeLast(2)
        }
        if files.isEmpty { throw ParseError(message: "usage: .ingest FILE... [as NAME]") }
        if let name, !Completer.isBareWord(name + "_x") {
            throw ParseError(message: "'\(name)' cannot start a table name; use letters, digits and _")
        }
        return .ingest(files, as: name)
    }

    /// `.report FILE [name=value...] [-o OUT]`.
    private static func report(_ args: [String]) throws -> MetaCommand {
        let usage = ParseError(message: "usage: .report FILE [name=value...] [-o OUT]")
        guard let file = args.first else { throw usage }
        var parameters: [String] = [], output: String?
        var i = 1
        while i < args.count {
            let a = args[i]
            if a == "-o" || a == "--output" {
                guard i + 1 < args.count, output == nil else { throw usage }
                output = args[i + 1]
                i += 2
                continue
            }
            guard let eq = a.firstIndex(of: "="), eq != a.startIndex else {
                throw ParseError(message: "report parameters are name=value, got '\(a)'")
            }
            parameters.append(a)
            i += 1
        }
        return .report(file, parameters: parameters, output: output)
    }
}
