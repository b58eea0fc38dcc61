import Foundation
import XCTest

/// Issue 16: the shell runs statements with the settings its command line gave
/// (one factory for every context), so a join the CLI refuses under `--max-rows`
/// is refused in the shell too, and `.report` runs under the same limits.
final class ShellLimitsTests: XCTestCase {
    var session: TmuxSession?

    override func tearDown() { session?.close() }

    func start(_ flags: [String]) throws -> TmuxSession {
        let binary = ShellTerminalTests(name: "binary", testClosure: { _ in }).binary
        let history = NSTemporaryDirectory() + "planq-history-" + UUID().uuidString
        addTeardownBlock { try? FileManager.default.removeItem(atPath: history) }
        let s = try TmuxSession([binary, "--data", ShellTerminalTests.fixtures] + flags,
                                environment: ["PLANQ_HISTORY": history, "TERM": "screen", "NO_COLOR": "1", "PLANQ_PAGER": ""],
                                width: 140, height: 30)
        session = s
        s.waitFor("planq> ")
        return s
    }

    func testShellRefusesTheJoinTheCLIRefuses() throws {
        let cli = try CLIRunner().planq(["--data", ShellTerminalTests.fixtures, "--max-rows", "3", "-c",
                                         "indicators join outcomes on plan, outcome_no"])
        XCTAssertEqual(cli.status, 1)
        XCTAssertTrue(cli.err.contains("the join output exceeds the row limit of 3 rows"), cli.err)

        let s = try start(["--max-rows", "3"])
        s.type("indicators join outcomes on plan, outcome_no")
        s.press("Enter")
        let screen = s.waitFor("exceeds the row limit")
        XCTAssertTrue(screen.contains("error: the join output exceeds the row limit of 3 rows"), screen)
        // The prompt comes back with the error as the only output: no result table was drawn.
        let after = screen.components(separatedBy: "outcome_no").dropFirst().joined()
        XCTAssertTrue(after.contains("error: the join output exceeds"), after)
        XCTAssertFalse(after.contains("│") || after.contains("|"), "the join must not print rows: \(screen)")
    }

    func testShellKeepsTheMemoryLimit() throws {
        let s = try start(["--max-memory", "1K"])
        s.type("indicators join outcomes on plan, outcome_no")
        s.press("Enter")
        let screen = s.waitFor("over the memory limit")
        XCTAssertTrue(screen.contains("over the memory limit of 1.0 KB"), screen)
    }
}
