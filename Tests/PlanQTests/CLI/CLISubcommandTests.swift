import Foundation
import XCTest

/// The command line as swift-argument-parser subcommands: `query` is the default, so
/// `planq -c ...` and `planq query -c ...` are the same; help lists every option; a usage
/// error names the subcommand, shows its usage line and exits 2.
final class CLISubcommandTests: XCTestCase {
    let cli = CLIRunner()
    var fixtures: String { CLITests.fixtures }

    func testQueryIsTheDefaultSubcommand() throws {
        let q = "risks group by plan"
        let bare = try cli.planq(["--data", fixtures, "--format", "csv", "-c", q])
        let named = try cli.planq(["query", "--data", fixtures, "--format", "csv", "-c", q])
        XCTAssertEqual(bare.status, 0, bare.err)
        XCTAssertEqual(bare.out, "plan,count\nlaa,5\n")
        XCTAssertEqual(named.status, 0, named.err)
        XCTAssertEqual(named.out, bare.out)
    }

    func testVersionPrintsTheReleaseAndExitsZero() throws {
        for args in [["--version"], ["query", "--version"]] {
            let r = try cli.planq(args)
            XCTAssertEqual(r.status, 0, r.err)
            XCTAssertEqual(r.out, "planq 0.4.0\n")
        }
    }

    func testQueryErrorsAreTheSameThroughTheSubcommand() throws {
        let r = try cli.planq(["query", "--data", fixtures, "-c", "indicators where statu = red"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.err, """
        <query>:1:18: error: unknown column 'statu'; did you mean 'status'?
        indicators where statu = red
                         ^~~~~

        """)
    }

    func testHelpListsEveryOptionAndSubcommand() throws {
        let r = try cli.planq(["--help"])
        XCTAssertEqual(r.status, 0, r.err)
        for option in ["--command", "--file", "--data", "--format", "--timer", "--quiet", "--today", "--threads",
                       "--output", "--max-rows", "--max-memory", "--max-file-size"] {
            XCTAssertTrue(r.out.contains(option), "planq --help does not list \(option)")
        }
        for sub in ["query (default)", "ingest", "report"] {
            XCTAssertTrue(r.out.contains(sub), "planq --help does not list \(sub)")
        }
        let ingest = try cli.planq(["help", "ingest"])
        XCTAssertEqual(ingest.status, 0, ingest.err)
        XCTAssertTrue(ingest.out.contains("USAGE: planq ingest"), ingest.out)
        XCTAssertTrue(ingest.out.contains("--out <out>"), ingest.out)
        XCTAssertTrue(ingest.out.contains("--input-format"), ingest.out)
        let report = try cli.planq(["report", "--help"])
        XCTAssertEqual(report.status, 0, report.err)
        XCTAssertTrue(report.out.contains("USAGE: planq report <file>"), report.out)
    }

    func testUsageErrorsNameTheSubcommandAndExitTwo() throws {
        let bogus = try cli.planq(["--bogus"])
        XCTAssertEqual(bogus.status, 2)
        XCTAssertTrue(bogus.err.hasPrefix("planq: error: Unknown option '--bogus'\nUsage: planq query "), bogus.err)
        XCTAssertEqual(bogus.out, "")
        let both = try cli.planq(["-c", "risks", "-f", "x.pq"])
        XCTAssertEqual(both.status, 2)
        XCTAssertTrue(both.err.hasPrefix("planq: error: use either -c or -f, not both\n"), both.err)
        let report = try cli.planq(["report"])
        XCTAssertEqual(report.status, 2)
        XCTAssertTrue(report.err.hasPrefix("planq report: error: Missing expected argument '<file>'\nUsage: planq report <file>"), report.err)
        let threads = try cli.planq(["--threads", "0", "-c", "risks"])
        XCTAssertEqual(threads.status, 2)
        XCTAssertTrue(threads.err.hasPrefix("planq: error: --threads must be at least 1\n"), threads.err)
        let size = try cli.planq(["--max-file-size", "big", "-c", "risks"])
        XCTAssertEqual(size.status, 2)
        XCTAssertTrue(size.err.hasPrefix("planq: error: --max-file-size 'big' is not a size (e.g. 512M, 4G)\n"), size.err)
    }
}
