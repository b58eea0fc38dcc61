import ArgumentParser
import Foundation
import PlanQ

/// The `planq` command: run queries from `-c`, `-f` or standard input over a data directory.
struct PlanqCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "planq",
        abstract: "Query council performance plans (outcomes, indicators, actions, risks).",
        discussion: """
        Examples:
          planq -c 'indicators group by theme'
          planq --format csv -f report.pq
          echo 'risks group by theme pivot status' | planq
        With no --data, the bundled plans in datasets/ are loaded.
        """)

    @Option(name: [.customShort("c"), .long], help: "Run these statements.")
    var command: String?

    @Option(name: [.customShort("f"), .long], help: "Run the statements in this file.")
    var file: String?

    @Option(help: "Load every *.csv and *.jsonl in this directory (with its schema.json).")
    var data: String?

    @Option(help: "Output format: table, csv, tsv, json, jsonl or markdown.")
    var format: ResultFormat = .table

    @Flag(help: "Print load time and per-statement timings to standard error.")
    var timer = false

    @Option(help: "The date 'today' means, as YYYY-MM-DD (for reproducible scripts).")
    var today: String?

    @Option(help: "Worker threads (default: all cores).")
    var threads: Int?

    func validate() throws {
        if command != nil && file != nil { throw ValidationError("use either -c or -f, not both") }
        if let today, CivilDate.parse(today) == nil { throw ValidationError("--today '\(today)' is not a date (YYYY-MM-DD)") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        throw CleanExit.message("unreachable")
    }
}

extension ResultFormat: ExpressibleByArgument {}
