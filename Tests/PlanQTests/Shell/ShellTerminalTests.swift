import Foundation
import XCTest

/// Drives the interactive shell of the built `planq` through a real terminal (tmux)
/// and asserts on what the analyst would see.
final class ShellTerminalTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = root.appendingPathComponent("Tests/Fixtures/plans").path

    var historyFile = ""
    var session: TmuxSession?

    override func setUp() {
        historyFile = NSTemporaryDirectory() + "planq-history-" + UUID().uuidString
    }

    override func tearDown() {
        session?.close()
        try? FileManager.default.removeItem(atPath: historyFile)
    }

    /// The `planq` executable next to the test bundle.
    var binary: String {
        var dir = Bundle.main.bundleURL
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent("planq")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
            dir.deleteLastPathComponent()
        }
        return Bundle.main.bundleURL.appendingPathComponent("planq").path
    }

    /// Starts the shell on the fixture plans and waits for its first prompt.
    @discardableResult
    func startShell(width: Int = 120, height: Int = 40, color: Bool = false) throws -> TmuxSession {
        var env = ["PLANQ_HISTORY": historyFile, "TERM": "screen"]
        if !color { env["NO_COLOR"] = "1" }
        // The test runner's own NO_COLOR must not leak into the colour case.
        let s = try TmuxSession([binary, "--data", Self.fixtures], environment: env, unset: color ? ["NO_COLOR"] : [],
                                width: width, height: height)
        session = s
        s.waitFor("planq> ")
        return s
    }

    /// The screen's last line that starts with the prompt.
    func lastPromptLine(_ screen: String) -> String {
        screen.split(separator: "\n").last { $0.hasPrefix("planq> ") }.map(String.init) ?? ""
    }

    /// Types a prefix, presses Tab, and waits for the prompt line to read `expected`.
    func assertCompletes(_ s: TmuxSession, _ typed: String, to expected: String, line: UInt = #line) {
        s.type(typed)
        s.waitFor("'\(typed)' on the prompt", line: line) { self.lastPromptLine($0) == "planq> " + typed }
        s.press("Tab")
        s.waitFor("completion to '\(expected)'", line: line) { self.lastPromptLine($0) == "planq> " + expected }
    }

    func testCompletesColumnEnumValueAndQuotedTheme() throws {
        let s = try startShell()
        assertCompletes(s, "indicators where ow", to: "indicators where owner ")
        s.press("C-c")
        s.waitFor("a fresh prompt") { self.lastPromptLine($0) == "planq> " }
        assertCompletes(s, "indicators where status = am", to: "indicators where status = amber ")
        s.press("Enter")
        s.waitFor("2 rows")
        assertCompletes(s, "indicators where theme = \"Com", to: "indicators where theme = \"Community Safety\" ")
        s.type("select id, theme")
        s.press("Enter")
        let screen = s.waitFor("3 rows")
        XCTAssertTrue(screen.contains(" i3 | Community Safety"), screen)
        // A value with non-ASCII text.
        assertCompletes(s, "indicators where title = \"Caf", to: "indicators where title = \"Café usage in libraries (local)\" ")
        s.press("C-c")
        s.waitFor("a fresh prompt") { self.lastPromptLine($0) == "planq> " }
        // In a single-quoted string the apostrophe is doubled.
        assertCompletes(s, "indicators where theme = 'Chi", to: "indicators where theme = 'Children''s Services' ")
    }

    func testColourOnlyWithoutNoColor() throws {
        for color in [true, false] {
            let s = try startShell(color: color)
            s.type("risks where sttus = red")
            s.press("Enter")
            s.waitFor("did you mean 'status'?")
            s.type("risks where status = red select status")
            s.press("Enter")
            s.waitFor("1 row")
            let screen = s.screen(escapes: true)
            XCTAssertEqual(screen.contains("\u{1B}[31mred"), color, screen)
            XCTAssertEqual(screen.contains("\u{1B}[31merror"), color, screen)
            s.close()
        }
    }

    func testSamePrefixIsTableAfterJoinAndColumnAfterWhere() throws {
        let s = try startShell()
        assertCompletes(s, "indicators join ou", to: "indicators join outcomes ")
        s.press("C-c")
        s.waitFor("a fresh prompt") { self.lastPromptLine($0) == "planq> " }
        assertCompletes(s, "indicators where ou", to: "indicators where outcome_no ")
    }

    func testMultiLineQuery() throws {
        let s = try startShell()
        s.type("risks where")
        s.press("Enter")
        s.waitFor("  ...> ")
        s.type("status = red")
        s.press("Enter")
        s.waitFor("second continuation prompt") { $0.components(separatedBy: "  ...> ").count == 3 }
        s.type("group by theme;")
        s.press("Enter")
        let screen = s.waitFor("1 row")
        XCTAssertTrue(screen.contains("""
            planq> risks where
              ...> status = red
              ...> group by theme;
             theme            | count
            ------------------+-------
             Community Safety |     1
            1 row
            """), screen)
    }

    func testErrorWithCaretThenWorkingQuery() throws {
        let s = try startShell()
        s.type("indicators where statu = red")
        s.press("Enter")
        s.waitFor("did you mean 'status'?")
        s.type("risks group by plan")
        s.press("Enter")
        let screen = s.waitFor("1 row")
        XCTAssertTrue(screen.contains("""
            <input>:1:18: error: unknown column 'statu'; did you mean 'status'?
            indicators where statu = red
                             ^~~~~
            planq> risks group by plan
             plan | count
            ------+-------
             laa  |     5
            1 row
            """), screen)
    }

    func testModeCsvThenLast() throws {
        let s = try startShell()
        s.type("risks group by plan")
        s.press("Enter")
        s.waitFor("1 row")
        s.type(".mode csv")
        s.press("Enter")
        s.waitFor("prompt after .mode") { $0.hasSuffix("planq> .mode csv\nplanq> ") }
        s.type(".last")
        s.press("Enter")
        let screen = s.waitFor("laa,5")
        XCTAssertTrue(screen.contains("planq> .last\nplan,count\nlaa,5\nplanq> "), screen)
    }

    func testFifteenColumnsInSixtyColumnTerminalAreMarked() throws {
        let s = try startShell(width: 60, height: 30)
        s.type("indicators let a = 1, b = 2, c = 3, d = 4")
        s.press("Enter")
        let screen = s.waitFor("hidden columns:")
        XCTAssertTrue(screen.contains("… 10 rows; 15 columns, "), screen)
        XCTAssertTrue(screen.contains(".mode csv or .output to see all"), screen)
        let header = screen.split(separator: "\n").first { $0.hasPrefix(" id ") }.map(String.init) ?? ""
        XCTAssertTrue(header.hasSuffix(" …"), "header should mark hidden columns: \(header)")
        XCTAssertLessThanOrEqual(header.count, 60)
        XCTAssertTrue(screen.contains("hidden columns: ") && screen.contains("d"), screen)
    }

    func testHistoryHoldsWholeStatementsAndRecallsThem() throws {
        let s = try startShell()
        s.type("risks where")
        s.press("Enter")
        s.waitFor("  ...> ")
        s.type("status = red;")
        s.press("Enter")
        s.waitFor("1 row")
        s.type("risks group by plan")
        s.press("Enter")
        s.waitFor("laa  |     5")
        s.press("C-d")
        let deadline = Date().addingTimeInterval(10)
        while s.isRunning && Date() < deadline { usleep(30_000) }
        XCTAssertFalse(s.isRunning, "Ctrl-D on an empty line should leave the shell")
        let history = try String(contentsOfFile: historyFile, encoding: .utf8)
        XCTAssertEqual(history, "risks where\\nstatus = red;\nrisks group by plan\n")

        // A new shell finds entries with Ctrl-R, and recalls the multi-line statement
        // as one entry and runs it again.
        let again = try startShell()
        again.press("C-r")
        again.type("by pl")
        again.waitFor("(reverse-i-search)`by pl': risks group by plan")
        again.press("C-g")
        // Leaving the search leaves blanks where its text was; compare without them.
        func trimmed(_ l: String) -> String { String(l.reversed().drop { $0 == " " }.reversed()) }
        again.waitFor("the prompt back") { trimmed(self.lastPromptLine($0)) == "planq>" }
        again.press("Up")
        again.waitFor("the recalled statement") { trimmed(self.lastPromptLine($0)) == "planq> risks group by plan" }
        again.press("Up")
        // readline shows the line break inside the entry by padding to the edge of the screen.
        again.waitFor("the recalled multi-line statement") { screen in
            screen.split(separator: "\n").map { $0.reversed().drop { $0 == " " }.reversed() }.map { String($0) }
                .joined(separator: "\n").hasSuffix("planq> risks where\nstatus = red;")
        }
        again.press("Enter")
        let screen = again.waitFor("1 row")
        XCTAssertTrue(screen.contains(" id | plan | theme "), screen)
    }

    /// Types a line, presses Enter and waits for the next empty prompt; returns the screen.
    @discardableResult
    func enter(_ s: TmuxSession, _ line: String, file: StaticString = #filePath, lineNo: UInt = #line) -> String {
        let prompts = s.screen().components(separatedBy: "planq> ").count
        s.type(line)
        s.press("Enter")
        return s.waitFor("the prompt after '\(line)'", file: file, line: lineNo) { screen in
            screen.components(separatedBy: "planq> ").count > prompts && screen.hasSuffix("planq> ")
        }
    }

    func testLoadSchemaOnceOutputAndRead() throws {
        let dir = NSTemporaryDirectory() + "planq-shell-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "name,score\nx,1\ny,\n".write(toFile: dir + "/extra.csv", atomically: true, encoding: .utf8)
        try "scores aggregate count() as n;\nscores where score is null select name;\n"
            .write(toFile: dir + "/q.pq", atomically: true, encoding: .utf8)
        let s = try startShell()
        var screen = enter(s, ".load \(dir)/extra.csv as scores")
        XCTAssertTrue(screen.contains("loaded scores: 2 rows, 2 columns"), screen)
        screen = enter(s, ".schema scores")
        XCTAssertTrue(screen.contains("""
             column | type | nulls | distinct
            --------+------+-------+----------
             name   | text |     0 |        2
             score  | int  |     1 |        1
            """), screen)
        enter(s, ".mode csv")
        enter(s, ".once \(dir)/once.csv")
        screen = enter(s, "scores select name")
        XCTAssertFalse(screen.contains("\nx\ny\n"), "a .once result goes to the file only")
        XCTAssertEqual(try String(contentsOfFile: dir + "/once.csv", encoding: .utf8), "name\nx\ny\n")
        enter(s, ".output \(dir)/out.csv")
        enter(s, "scores where score = 1 select name")
        enter(s, "scores aggregate count()")
        enter(s, ".output")
        XCTAssertEqual(try String(contentsOfFile: dir + "/out.csv", encoding: .utf8), "name\nx\ncount\n2\n")
        screen = enter(s, ".read \(dir)/q.pq")
        XCTAssertTrue(screen.contains(".read \(dir)/q.pq\nn\n2\nname\ny\nplanq> "), screen)
        screen = enter(s, ".tables")
        XCTAssertTrue(screen.contains("scores,2,2"), screen)
        enter(s, ".timer on")
        screen = enter(s, "scores aggregate max(score) as best")
        XCTAssertTrue(screen.contains("best\n1\nTime: total "), screen)
        screen = enter(s, ".help")
        XCTAssertTrue(screen.contains(".schema [TABLE]            columns: type, nulls, distinct values"), screen)
        screen = enter(s, ".mdoe csv")
        XCTAssertTrue(screen.contains("error: unknown command '.mdoe'; did you mean '.mode'?"), screen)
    }

    func testCtrlCCancelsARunningQueryAndTheShellGoesOn() throws {
        // A self-join on one key value: 3,000² = 9 million rows, seconds in a debug build.
        // The engine checks for cancellation between batches, so the cancel lands when the
        // aggregate starts pulling the join's output, hence the generous timeout.
        let dir = NSTemporaryDirectory() + "planq-shell-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let rows = (0..<3000).map { "1,\($0)\n" }.joined()
        try ("a,b\n" + rows).write(toFile: dir + "/j.csv", atomically: true, encoding: .utf8)
        let s = try startShell()
        enter(s, ".load \(dir)/j.csv")
        s.type("j join j on a aggregate count()")
        s.press("Enter")
        // Accepted when readline has moved the cursor to the start of the next line;
        // the query starts right after.
        s.waitFor("the query to start") { screen in
            screen.hasSuffix("planq> j join j on a aggregate count()") && s.cursor().x == 0
        }
        s.press("C-c")
        s.waitFor("query cancelled", timeout: 60)
        s.waitFor("a fresh prompt") { self.lastPromptLine($0) == "planq> " }
        s.type("j aggregate count()")
        s.press("Enter")
        let screen = s.waitFor("1 row")
        XCTAssertTrue(screen.contains("  3000\n1 row"), screen)
        XCTAssertFalse(screen.contains("9000000"), screen)
    }
}
