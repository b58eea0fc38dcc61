import ArgumentParser
import Foundation
import PlanQ

/// `planq query` (the default subcommand, so `planq -c ...` is the same): run queries from
/// `-c`, `-f` or standard input over a data directory, or open the shell when stdin is a terminal.
struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Run queries (the default: `planq -c ...` is `planq query -c ...`).",
        discussion: """
        Statements come from -c, else -f, else standard input; with a terminal on standard input \
        and neither -c nor -f, the interactive shell opens. With no --data, the bundled plans in \
        datasets/ are loaded.

        Examples:
          planq -c 'indicators group by theme'
          planq --format csv -f report.pq
          echo 'risks group by theme pivot status' | planq
        """)

    @Option(name: [.customShort("c"), .long], help: "Run these statements.")
    var command: String?

    @Option(name: [.customShort("f"), .long], help: "Run the statements in this file.")
    var file: String?

    @Option(help: "Load every *.csv and *.jsonl in this directory (with its schema.json).")
    var data: String?

    @Option(help: ArgumentHelp(
        "Run the queries on this PostgreSQL database instead of loading --data.",
        discussion: "postgresql://USER@HOST:PORT/DB; add ?host=/socket/dir for a Unix socket, ?schema=NAME for a schema other than public.",
        valueName: "url"))
    var engine: String?

    @Option(help: "Output format: table, csv, tsv, json, jsonl, markdown or html.")
    var format: ResultFormat = .table

    @Flag(help: "Print load time and per-statement timings to standard error.")
    var timer = false

    @Flag(name: [.customShort("q"), .long], help: "Do not explain empty results on standard error (warnings and errors are still printed).")
    var quiet = false

    @Option(help: "The date 'today' means, as YYYY-MM-DD (for reproducible scripts).")
    var today: String?

    @Option(help: "Worker threads (default: all cores).")
    var threads: Int?

    @Option(name: [.customShort("o"), .long], help: "Write the results to this file (atomically: all or nothing) instead of standard output.")
    var output: String?

    @Option(name: .customLong("max-rows"), help: "Most rows a join may produce before the query stops with an error (default 10000000).")
    var maxRows: Int?

    @Option(name: .customLong("max-memory"), help: "Most memory an intermediate result may need, e.g. 512M or 4G (default: no limit).")
    var maxMemory: String?

    @Option(name: .customLong("max-file-size"), help: "Largest data file loaded, e.g. 4G (default 1G).")
    var maxFileSize: String?

    func validate() throws {
        if command != nil && file != nil { throw ValidationError("use either -c or -f, not both") }
        if engine != nil && data != nil { throw ValidationError("use either --data or --engine, not both") }
        try validateEngine()
        if let today, CivilDate.parse(today) == nil { throw ValidationError("--today '\(today)' is not a date (YYYY-MM-DD)") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        if let maxRows, maxRows < 1 { throw ValidationError("--max-rows must be at least 1") }
        if let maxMemory, ExecutionLimits.parseSize(maxMemory) == nil {
            throw ValidationError("--max-memory '\(maxMemory)' is not a size (e.g. 512M, 4G)")
        }
        if let maxFileSize, ExecutionLimits.parseSize(maxFileSize) == nil {
            throw ValidationError("--max-file-size '\(maxFileSize)' is not a size (e.g. 512M, 4G)")
        }
    }

    /// What the flags ask queries to run with (today, threads, limits).
    var settings: ExecutionSettings {
        ExecutionSettings.fromFlags(today: today.flatMap(CivilDate.parse)?.days, threads: threads,
                                    maxRows: maxRows, maxMemory: maxMemory)
    }

    /// The largest data file to load.
    var maxFileBytes: Int {
        maxFileSize.flatMap(ExecutionLimits.parseSize) ?? FileBytes.defaultMaxBytes
    }

    /// Runs the statements (main.swift calls `execute()` for the exit status; this is for completeness).
    func run() throws {
        let status = execute()
        if status != .success { throw ExitCode(status.rawValue) }
    }
}

extension ResultFormat: ExpressibleByArgument {}
