import ArgumentParser
import Foundation
import PlanQ

/// The `planq` command: its subcommands are `query` (the default), `ingest`, `report` and `sql`.
///
/// main.swift parses with `dispatch(_:)` rather than `Planq.main()` so that each subcommand
/// returns planq's exit statuses (1 for a query or data error, 2 for a usage error) and
/// usage errors keep planq's `planq SUBCOMMAND: error: ...` form.
struct Planq: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "planq",
        abstract: "Query council performance plans (outcomes, indicators, actions, risks).",
        usage: """
        planq [query] [-c <command> | -f <file>] [--data <data>] [--format <format>] [<options>]
        planq ingest <documents> ... --out <out> [<options>]
        planq report <file> [--param <name=value> ...] [<options>]
        planq sql --dialect <dialect> [-c <command> | -f <file>] [<options>]
        planq help <subcommand>
        """,
        discussion: """
        Without a subcommand, planq runs `query`: planq -c 'indicators group by theme' is \
        planq query -c 'indicators group by theme'. `planq help SUBCOMMAND` shows a \
        subcommand's options.
        """,
        version: "planq \(PlanQVersion.string)",
        subcommands: [QueryCommand.self, IngestCommand.self, ReportCommand.self, SQLCommand.self],
        defaultSubcommand: QueryCommand.self)

    /// The subcommands, by the name typed after `planq`.
    static let named: [String: ParsableCommand.Type] = Dictionary(
        uniqueKeysWithValues: configuration.subcommands.map { ($0.configuration.commandName ?? "", $0) })

    /// Parses `arguments` (without the program name), runs the command and returns its exit status.
    static func dispatch(_ arguments: [String]) -> ExitStatus {
        let parsed: ParsableCommand
        do {
            parsed = try parseAsRoot(arguments)
        } catch {
            return reportParseFailure(error, arguments: arguments)
        }
        switch parsed {
        case let query as QueryCommand: return query.execute()
        case let ingest as IngestCommand: return ingest.execute()
        case let report as ReportCommand: return report.execute()
        case let sql as SQLCommand: return sql.execute()
        default:
            // `planq help SUBCOMMAND` parses to argument-parser's own help command.
            do {
                var command = parsed
                try command.run()
                return .success
            } catch {
                return reportParseFailure(error, arguments: arguments)
            }
        }
    }

    /// Prints help (exit 0) or a usage error with the subcommand's usage line (exit 2).
    static func reportParseFailure(_ error: Error, arguments: [String]) -> ExitStatus {
        let sub = arguments.first.flatMap { named[$0] }
        if exitCode(for: error) == .success {
            var text = fullMessage(for: error)
            // `planq --help` also lists the default subcommand's options, so one screen shows every flag.
            if sub == nil, arguments.contains(where: { $0 == "--help" || $0 == "-h" }) {
                text += "\n\n" + helpMessage(for: QueryCommand.self)
            }
            print(text)
            return .success
        }
        let name = sub.map { "planq \($0.configuration.commandName ?? "")" } ?? "planq"
        let usage = usageString(for: sub ?? QueryCommand.self)
        writeError("\(name): error: \(message(for: error))\nUsage: \(usage)\n  See '\(name) --help' for the options.\n")
        return .usage
    }

    /// Unreachable: `dispatch(_:)` runs the subcommands.
    func run() throws {
        throw CleanExit.helpRequest(Planq.self)
    }
}
