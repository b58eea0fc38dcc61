import ArgumentParser
import Foundation
import PlanQ

/// `planq sql --dialect postgres|duckdb|spark -c QUERY`: print the SQL a query compiles to.
struct SQLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract: "Print the SQL of planq queries for PostgreSQL, DuckDB or Spark.",
        discussion: """
        Names and types are checked against the tables in --data (default: the bundled \
        datasets/), as a query run there would be; enum orders (red, amber, green) come from \
        its schema.json. Each statement's SQL ends with ';'. What a dialect cannot express is \
        an error pointing at it, never approximate SQL.

        Example: planq sql --dialect duckdb -c 'risks group by theme pivot status'
        """)

    @Option(help: "The SQL dialect: postgres, duckdb or spark.")
    var dialect: String

    @Option(name: [.customShort("c"), .long], help: "Compile these statements.")
    var command: String?

    @Option(name: [.customShort("f"), .long], help: "Compile the statements in this file.")
    var file: String?

    @Option(help: "The tables the query names (a folder of *.csv, *.jsonl and schema.json).")
    var data: String?

    @Option(help: "The date 'today' means, as YYYY-MM-DD (default: the current date).")
    var today: String?

    @Option(name: .customLong("row-order"),
            help: "A column numbering every table's rows in load order; the SQL then also keeps planq's row order.")
    var rowOrder: String?

    func validate() throws {
        if SQLDialect.named(dialect) == nil { throw ValidationError("--dialect must be postgres, duckdb or spark, not '\(dialect)'") }
        if command != nil && file != nil { throw ValidationError("use either -c or -f, not both") }
        if let today, CivilDate.parse(today) == nil { throw ValidationError("--today '\(today)' is not a date (YYYY-MM-DD)") }
    }

    /// Compiles the statements and prints their SQL; returns the exit status (run by `Planq.dispatch`).
    func execute() -> ExitStatus {
        let cmd = self
        let renderer = DiagnosticRenderer(color: stderrColor)
        let source: SourceText
        do {
            if let c = cmd.command {
                source = SourceText(name: "<query>", text: c)
            } else if let f = cmd.file {
                source = SourceText(name: f, text: try UTF8Input.readFile(f))
            } else {
                let data = FileHandle.standardInput.readDataToEndOfFile()
                source = SourceText(name: "<stdin>", text: try UTF8Input.decode([UInt8](data), name: "<stdin>"))
            }
        } catch {
            writeError(renderer.render(error as? Diagnostic ?? Diagnostic("\(error)")))
            return .failure
        }
        guard let dialect = SQLDialect.named(cmd.dialect) else { return .usage }
        let today = cmd.today.flatMap { CivilDate.parse($0)?.days } ?? Engine.currentDate()
        return SQLCommand.printSQL(source, dialect: dialect, dataDirectory: cmd.data ?? defaultDataDirectory(), today: today,
                        options: SQLCompiler.Options(rowOrderColumn: cmd.rowOrder))
    }

    /// Compiles every statement of `source` against the tables in `dataDirectory` and prints
    /// the SQL (each ending in `;`, a blank line between); errors go to stderr with exit 1.
    static func printSQL(_ source: SourceText, dialect: SQLDialect, dataDirectory: String?, today: Int32,
                         options: SQLCompiler.Options = SQLCompiler.Options()) -> ExitStatus {
        let renderer = DiagnosticRenderer(color: stderrColor)
        guard let dir = dataDirectory else {
            writeError("planq sql: no --data given and no datasets/ folder found\n")
            return .failure
        }
        do {
            let catalog = try DataDirectory.load(dir)
            let statements = try SQLCompiler.compile(source, catalog: catalog, today: today, dialect: dialect, options: options)
            let text = statements.map { $0 + ";\n" }.joined(separator: "\n")
            FileHandle.standardOutput.write(Data(text.utf8))
            return .success
        } catch let d as Diagnostic {
            writeError(renderer.render(d.located(in: source)))
            return .failure
        } catch {
            writeError("planq sql: \(error)\n")
            return .failure
        }
    }
}
