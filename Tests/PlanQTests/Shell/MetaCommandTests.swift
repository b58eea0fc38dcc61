import XCTest
@testable import PlanQ
@testable import PlanQShell

/// Parsing of `.` commands and their errors.
final class MetaCommandTests: XCTestCase {
    func testParsesEveryCommand() throws {
        XCTAssertEqual(try MetaCommand.parse(".help"), .help(nil))
        XCTAssertEqual(try MetaCommand.parse(".tables"), .tables)
        XCTAssertEqual(try MetaCommand.parse(".schema"), .schema(nil))
        XCTAssertEqual(try MetaCommand.parse(".schema risks"), .schema("risks"))
        XCTAssertEqual(try MetaCommand.parse(".mode CSV"), .mode(.csv))
        XCTAssertEqual(try MetaCommand.parse(".timer on"), .timer(true))
        XCTAssertEqual(try MetaCommand.parse(".timer off"), .timer(false))
        XCTAssertEqual(try MetaCommand.parse(".output out.csv"), .output("out.csv"))
        XCTAssertEqual(try MetaCommand.parse(".output"), .output(nil))
        XCTAssertEqual(try MetaCommand.parse(".once x.json"), .once("x.json"))
        XCTAssertEqual(try MetaCommand.parse(".read a.pq"), .read("a.pq"))
        XCTAssertEqual(try MetaCommand.parse(".load data/x.csv"), .load("data/x.csv", as: nil))
        XCTAssertEqual(try MetaCommand.parse(".load x.csv as extra"), .load("x.csv", as: "extra"))
        XCTAssertEqual(try MetaCommand.parse(".last"), .last)
        XCTAssertEqual(try MetaCommand.parse(".threads 2"), .threads(2))
        XCTAssertEqual(try MetaCommand.parse(".quit"), .quit)
        XCTAssertEqual(try MetaCommand.parse(".exit"), .quit)
        XCTAssertEqual(try MetaCommand.parse(".help Pivot"), .help("pivot"))
        XCTAssertEqual(try MetaCommand.parse(".mode line"), .mode(.table, expanded: .on))
        XCTAssertEqual(try MetaCommand.parse(".expanded auto"), .expanded(.auto))
        XCTAssertEqual(try MetaCommand.parse(".maxwidth 30"), .maxWidth(30))
        XCTAssertEqual(try MetaCommand.parse(".pager off"), .pager(false))
        XCTAssertEqual(try MetaCommand.parse(".pager"), .pager(nil))
        XCTAssertEqual(try MetaCommand.parse(".expanded"), .expanded(nil))
        XCTAssertEqual(try MetaCommand.parse(".highlight on"), .highlight(true))
        XCTAssertEqual(try MetaCommand.parse(".ingest a.pdf b.txt"), .ingest(["a.pdf", "b.txt"], as: nil))
        XCTAssertEqual(try MetaCommand.parse(".ingest \"Q3 report.html\" as q3"), .ingest(["Q3 report.html"], as: "q3"))
        XCTAssertEqual(try MetaCommand.parse(".report r.pqr theme=\"Community Safety\" -o out.md"),
                       .report("r.pqr", parameters: ["theme=Community Safety"], output: "out.md"))
        XCTAssertEqual(try MetaCommand.parse(".report r.pqr"), .report("r.pqr", parameters: [], output: nil))
        XCTAssertEqual(try MetaCommand.parse(".export risks out/r.JSONL"), .export("risks", to: "out/r.JSONL"))
    }

    func testQuotedArgumentsKeepSpaces() throws {
        XCTAssertEqual(try MetaCommand.parse(".load \"Council plans/extra data.csv\" as extra"),
                       .load("Council plans/extra data.csv", as: "extra"))
        XCTAssertEqual(try MetaCommand.parse(".output 'my results.csv'"), .output("my results.csv"))
        XCTAssertEqual(try MetaCommand.parse(".once \"\""), .once(""))
    }

    func message(_ line: String) -> String {
        do {
            _ = try MetaCommand.parse(line)
            return "parsed"
        } catch let e as MetaCommand.ParseError {
            return e.message
        } catch {
            return "\(error)"
        }
    }

    func testErrorsSayWhatIsWrong() {
        XCTAssertEqual(message(".mode xml"), "unknown mode 'xml'; use table, line, csv, tsv, json, jsonl or markdown")
        XCTAssertEqual(message(".timer maybe"), "usage: .timer on|off")
        XCTAssertEqual(message(".threads 0"), "usage: .threads N (at least 1)")
        XCTAssertEqual(message(".load a b c d"), "usage: .load PATH [as NAME]")
        XCTAssertEqual(message(".tables x"), ".tables takes no arguments")
        XCTAssertEqual(message(".read \"a b.pq"), "unterminated \" in the command")
        XCTAssertEqual(message(".expanded sometimes"), "usage: .expanded [on|off|auto]")
        XCTAssertEqual(message(".maxwidth 0"), "usage: .maxwidth N (at least 1)")
        XCTAssertEqual(message(".pager maybe"), "usage: .pager on|off")
        XCTAssertEqual(message(".ingest"), "usage: .ingest FILE... [as NAME]")
        XCTAssertEqual(message(".ingest as q3"), "usage: .ingest FILE... [as NAME]")
        XCTAssertEqual(message(".ingest a.txt as 3q"), "'3q' cannot start a table name; use letters, digits and _")
        XCTAssertEqual(message(".report"), "usage: .report FILE [name=value...] [-o OUT]")
        XCTAssertEqual(message(".report r.pqr theme"), "report parameters are name=value, got 'theme'")
        XCTAssertEqual(message(".report r.pqr -o"), "usage: .report FILE [name=value...] [-o OUT]")
        XCTAssertEqual(message(".export risks"), "usage: .export TABLE FILE (.csv, .tsv, .json or .jsonl)")
        XCTAssertEqual(message(".export risks r.xlsx"), "cannot tell the format of 'r.xlsx'; end the file name in .csv, .tsv, .json or .jsonl")
        XCTAssertEqual(message(".help a b"), "usage: .help [TOPIC]")
        XCTAssertEqual(message(".shema"), "unknown command '.shema'; did you mean '.schema'? (.help lists them)")
    }
}
