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
        XCTAssertEqual(message(".shema"), "unknown command '.shema'; did you mean '.schema'? (.help lists them)")
    }
}
