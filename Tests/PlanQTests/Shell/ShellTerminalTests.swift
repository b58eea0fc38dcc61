import Foundation
import XCTest
import PlanQ

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
    var binary: String { CLIRunner().binary.path }

    /// Starts the shell on the fixture plans (or `data`) and waits for its first prompt.
    /// Paging is off unless `environment` names a pager (`PLANQ_PAGER`).
    @discardableResult
    func startShell(width: Int = 120, height: Int = 40, color: Bool = false, data: String = ShellTerminalTests.fixtures,
                    environment: [String: String] = [:]) throws -> TmuxSession {
        var env = ["PLANQ_HISTORY": historyFile, "TERM": "screen", "PLANQ_PAGER": ""]
        if !color { env["NO_COLOR"] = "1" }
        env.merge(environment) { _, new in new }
        // The test runner's own NO_COLOR must not leak into the colour case.
        let s = try TmuxSession([binary, "--data", data], environment: env, unset: color ? ["NO_COLOR"] : [],
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

    // MARK: - Wide and long results, highlighting, papers, help

    /// A fresh folder, removed when the test ends.
    func scratchFolder() throws -> String {
        let dir = NSTemporaryDirectory() + "planq-shell-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        return dir
    }

    func testExpandedDisplayOfLongTitlesInEightyColumns() throws {
        let dir = try scratchFolder()
        let title = (1...30).map { "word\($0)" }.joined(separator: " ")  // 200 characters
        XCTAssertEqual(title.count, 200)
        try "code,title,status\nNI 1,\(title),red\nNI 2,short,green\n".write(toFile: dir + "/long.csv", atomically: true, encoding: .utf8)
        let s = try startShell(width: 80, height: 40)
        enter(s, ".load \(dir)/long.csv")
        enter(s, ".expanded auto")
        var screen = enter(s, "long")
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertTrue(screen.contains("-[ RECORD 1 ]"), screen)
        XCTAssertTrue(screen.contains("-[ RECORD 2 ]"), screen)
        XCTAssertTrue(lines.contains("code   | NI 1"), screen)
        XCTAssertTrue(lines.contains("status | red"), screen)
        XCTAssertTrue(lines.contains("title  | short"), screen)
        // The title wraps at spaces within 80 columns and nothing of it is lost.
        let first = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("title  | word1 ") })
        var pieces: [String] = []
        for l in lines[first...] {
            guard l.hasPrefix("title  | ") || (l.hasPrefix("       | ") && !pieces.isEmpty) else { break }
            XCTAssertLessThanOrEqual(l.count, 80, l)
            pieces.append(String(l.dropFirst(9)))
        }
        XCTAssertGreaterThan(pieces.count, 2)
        XCTAssertEqual(pieces.joined(separator: " "), title)
        // A narrow result stays a table under auto; .maxwidth cuts the widest column with an ellipsis.
        screen = enter(s, "long select code, status")
        XCTAssertTrue(screen.contains(" code | status\n------+--------\n NI 1 | red"), screen)
        enter(s, ".expanded off")
        enter(s, ".maxwidth 12")
        screen = enter(s, "long select title, code")
        XCTAssertTrue(screen.contains(" title        | code\n--------------+------\n word1 word2… | NI 1"), screen)
        // .mode line is expanded regardless of width; .mode table goes back.
        enter(s, ".mode line")
        screen = enter(s, "long where status = green select code")
        XCTAssertTrue(screen.hasSuffix("-[ RECORD 1 ]\ncode | NI 2\n1 row\nplanq> "), screen)
        enter(s, ".mode table")
        screen = enter(s, "long where status = green select code")
        XCTAssertTrue(screen.hasSuffix(" code\n------\n NI 2\n1 row\nplanq> "), screen)
    }

    /// A CSV of `n` rows (`n,label`), loaded as table `big`.
    func bigTable(_ dir: String, rows n: Int = 500) throws -> String {
        let path = dir + "/big.csv"
        try ("n,label\n" + (1...n).map { "\($0),row \($0)\n" }.joined()).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Waits until the file at `path` holds `done`'s text.
    func waitForFile(_ path: String, _ what: String, _ done: (String) -> Bool, line: UInt = #line) -> String {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if let t = try? String(contentsOfFile: path, encoding: .utf8), done(t) { return t }
            usleep(30_000)
        }
        XCTFail("timed out waiting for \(what) in \(path)", line: line)
        return (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }

    func testLongResultGoesThroughThePagerButNotToAFile() throws {
        let dir = try scratchFolder()
        let big = try bigTable(dir)
        let record = dir + "/paged.txt"
        try "#!/bin/sh\ncat > '\(record)'\n".write(toFile: dir + "/pager.sh", atomically: true, encoding: .utf8)
        chmod(dir + "/pager.sh", 0o755)
        let s = try startShell(width: 80, height: 24, environment: ["PLANQ_PAGER": dir + "/pager.sh"])
        enter(s, ".load \(big)")
        var screen = enter(s, "big")
        let paged = waitForFile(record, "the paged result") { $0.hasSuffix("500 rows\n") }
        let lines = paged.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 503, "header, rule, 500 rows, footer")
        XCTAssertEqual(lines[0], " n   | label")
        XCTAssertEqual(lines[2], "   1 | row 1")
        XCTAssertEqual(lines[501], " 500 | row 500")
        XCTAssertFalse(screen.contains("row 1\n"), "the pager showed the rows, not the shell: \(screen)")
        // A short result is printed as usual.
        screen = enter(s, "big limit 2")
        XCTAssertTrue(screen.hasSuffix(" n | label\n---+-------\n 1 | row 1\n 2 | row 2\n2 rows\nplanq> "), screen)
        // Output sent to a file is never paged.
        try FileManager.default.removeItem(atPath: record)
        enter(s, ".once \(dir)/once.txt")
        enter(s, "big")
        let once = try String(contentsOfFile: dir + "/once.txt", encoding: .utf8)
        XCTAssertEqual(once.split(separator: "\n").count, 503)
        XCTAssertFalse(FileManager.default.fileExists(atPath: record))
        // .pager off: the screen's first rows and the marker.
        enter(s, ".pager off")
        screen = enter(s, "big")
        XCTAssertTrue(screen.contains("… 500 rows, 17 shown; .mode csv or .output to see all"), screen)
        XCTAssertFalse(FileManager.default.fileExists(atPath: record))
    }

    func testPagerQuittingEarlyOrMissingLeavesTheShellWorking() throws {
        let dir = try scratchFolder()
        let big = try bigTable(dir, rows: 5_000)
        // Reads 100 bytes and quits: the rest of the result meets a closed pipe.
        try "#!/bin/sh\nhead -c 100 > '\(dir)/head.txt'\n".write(toFile: dir + "/early.sh", atomically: true, encoding: .utf8)
        chmod(dir + "/early.sh", 0o755)
        var s = try startShell(width: 80, height: 24, environment: ["PLANQ_PAGER": dir + "/early.sh"])
        enter(s, ".load \(big)")
        enter(s, "big")
        XCTAssertEqual(waitForFile(dir + "/head.txt", "the pager's 100 bytes") { $0.utf8.count == 100 }.prefix(13), " n    | label")
        var screen = enter(s, "big aggregate count()")
        XCTAssertTrue(screen.contains("  5000\n1 row\nplanq> "), screen)
        XCTAssertTrue(s.isRunning)
        s.close()
        // A pager that does not exist: the result is printed fitted to the screen instead.
        s = try startShell(width: 80, height: 24, environment: ["PLANQ_PAGER": dir + "/no-such-pager -R"])
        enter(s, ".load \(big)")
        screen = enter(s, "big")
        XCTAssertTrue(screen.contains("… 5,000 rows, 17 shown; .mode csv or .output to see all"), screen)
    }

    func testHighlightingAsYouTypeUnlessNoColor() throws {
        for color in [true, false] {
            let s = try startShell(color: color)
            s.type("risks where status = red and title contains \"ab")
            s.waitFor("the typed line") { self.lastPromptLine($0).hasSuffix("contains \"ab") }
            var line = s.screen(escapes: true).split(separator: "\n").last { $0.hasPrefix("planq> ") }.map(String.init) ?? ""
            if color {
                XCTAssertTrue(line.contains("\u{1B}[1m\u{1B}[34mwhere"), line)
                XCTAssertTrue(line.contains("\u{1B}[35mred"), line)
                // The open string shows in the error colour before Enter...
                XCTAssertTrue(line.contains("\u{1B}[31m\"ab"), line)
                s.type("c\" and likelihood > 2")
                s.waitFor("the closed string") { self.lastPromptLine($0).hasSuffix("> 2") }
                line = s.screen(escapes: true).split(separator: "\n").last { $0.hasPrefix("planq> ") }.map(String.init) ?? ""
                // ...and as a string once closed; numbers have their own colour.
                XCTAssertTrue(line.contains("\u{1B}[32m\"abc\""), line)
                XCTAssertTrue(line.contains("\u{1B}[36m2"), line)
                XCTAssertEqual(s.cursor().x, "planq> risks where status = red and title contains \"abc\" and likelihood > 2".count)
            } else {
                XCTAssertFalse(line.contains("\u{1B}"), line)
            }
            s.press("C-c")
            s.waitFor("a fresh prompt") { self.lastPromptLine($0) == "planq> " }
            if color {
                enter(s, ".highlight off")
                s.type("risks where status = red")
                s.waitFor("the typed line") { self.lastPromptLine($0).hasSuffix("= red") }
                line = s.screen(escapes: true).split(separator: "\n").last { $0.hasPrefix("planq> ") }.map(String.init) ?? ""
                XCTAssertFalse(line.contains("\u{1B}[1m\u{1B}[34mwhere"), line)
            }
            s.close()
        }
    }

    func testIngestAPaperThenQueryIt() throws {
        let paper = Self.root.appendingPathComponent("Tests/Fixtures/ingest/quarterly_report.txt").path
        let s = try startShell()
        var screen = enter(s, ".ingest \(paper) as q3")
        XCTAssertTrue(screen.contains("quarterly_report: 15 lines; 1 plans, 3 indicators, 2 actions"), screen)
        XCTAssertTrue(screen.contains("loaded q3_indicators: 3 rows, "), screen)
        XCTAssertTrue(screen.contains("loaded q3_actions: 2 rows, "), screen)
        screen = enter(s, "q3_indicators group by status")
        XCTAssertTrue(screen.contains("""
             status | count
            --------+-------
             red    |     1
             amber  |     1
             green  |     1
            3 rows
            """), screen)
        // The session's own tables are untouched by a prefixed ingest.
        screen = enter(s, "indicators aggregate count()")
        XCTAssertTrue(screen.contains("    10\n1 row"), screen)
        screen = enter(s, ".ingest \(paper).missing")
        XCTAssertTrue(screen.contains("error: cannot read '\(paper).missing': no such file"), screen)
    }

    func testReportAndExportFromTheShell() throws {
        let dir = try scratchFolder()
        let data = Self.root.appendingPathComponent("Tests/Fixtures/reports").path
        let reportFile = Self.root.appendingPathComponent("reports/plan-summary.pqr").path
        let s = try startShell(data: data)
        var screen = enter(s, ".report \(reportFile) -o \(dir)/summary.md")
        XCTAssertTrue(screen.contains("wrote \(dir)/summary.md (markdown, 4 sections)"), screen)
        let expected = try String(contentsOfFile: data + "/plan-summary.expected.md", encoding: .utf8)
            .replacingOccurrences(of: "from reports/plan-summary.pqr on the data in Tests/Fixtures/reports",
                                  with: "from \(reportFile) on the data in the planq shell session")
        XCTAssertEqual(try String(contentsOfFile: dir + "/summary.md", encoding: .utf8), expected)
        // A parameter value no row holds is an error naming the parameter, and nothing is written.
        screen = enter(s, ".report \(reportFile) council=Nowhere -o \(dir)/none.md")
        XCTAssertTrue(screen.contains("parameter 'council': no council is \"Nowhere\""), screen)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/none.md"), screen)
        screen = enter(s, ".report \(reportFile) counsil=x")
        XCTAssertTrue(screen.contains("the report has no parameter 'counsil'"), screen)

        screen = enter(s, ".export indicators \(dir)/ind.csv")
        XCTAssertTrue(screen.contains("wrote indicators to \(dir)/ind.csv: "), screen)
        enter(s, ".export risks \(dir)/risks.jsonl")
        let original = try DataDirectory.load(data)
        for (name, file) in [("indicators", "ind.csv"), ("risks", "risks.jsonl")] {
            let back = try DataDirectory.loadFile(dir + "/" + file)
            let t = try XCTUnwrap(original.table(name))
            XCTAssertEqual(back.rowCount, t.rowCount, file)
            XCTAssertEqual(back.columns.map(\.name), t.columns.map(\.name), file)
            for c in t.columns.indices {
                XCTAssertEqual((0..<t.rowCount).map { back.value(row: $0, column: c).description },
                               (0..<t.rowCount).map { t.value(row: $0, column: c).description }, "\(file) \(t.columns[c].name)")
            }
        }
        screen = enter(s, ".export indicatorz \(dir)/x.csv")
        XCTAssertTrue(screen.contains("error: unknown table 'indicatorz'; did you mean 'indicators'?"), screen)
        screen = enter(s, ".export indicators \(dir)/x.xlsx")
        XCTAssertTrue(screen.contains("end the file name in .csv, .tsv, .json or .jsonl"), screen)
    }

    func testHelpPivotShowsTheRuleAndAnExample() throws {
        let s = try startShell()
        var screen = enter(s, ".help pivot")
        XCTAssertTrue(screen.contains("pivot_clause     = \"pivot\" expression ;"), screen)
        XCTAssertTrue(screen.contains("Example (04_risk_pivot.pq):\n  -- Risks per theme, one column per status.\n  risks group by theme pivot status\nplanq> "), screen)
        screen = enter(s, ".help pivto")
        XCTAssertTrue(screen.contains("error: no help on 'pivto'; did you mean 'pivot'?"), screen)
    }
}
