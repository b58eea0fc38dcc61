import Foundation
import XCTest

/// Issue 19: a line typed in the shell with a byte that is not UTF-8 (a Latin-1
/// terminal's `é`) is refused with the byte and its offset, never run without it
/// (readline drops such a byte from the line, so the query would match nothing).
final class ShellInputCheckTests: XCTestCase {
    var session: TmuxSession?

    override func tearDown() { session?.close() }

    func testLatin1ByteInATypedLineIsRefused() throws {
        let binary = ShellTerminalTests(name: "binary", testClosure: { _ in }).binary
        let history = NSTemporaryDirectory() + "planq-history-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: history) }
        let s = try TmuxSession([binary, "--data", ShellTerminalTests.fixtures],
                                environment: ["PLANQ_HISTORY": history, "TERM": "screen", "NO_COLOR": "1"], width: 120, height: 30)
        session = s
        s.waitFor("planq> ")
        s.type("risks where owner = \"caf")
        // tmux's -H sends raw bytes: a lone 0xE9, as a Latin-1 terminal would.
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["tmux", "-L", s.socket, "send-keys", "-t", s.target, "-H", "e9"]
        try p.run()
        p.waitUntilExit()
        s.type("\" aggregate count() as c")
        s.press("Enter")
        let screen = s.waitFor("is not UTF-8 text")
        XCTAssertTrue(screen.contains("<input>: error: the line is not UTF-8 text: byte 0xE9 at offset 24 of the keys typed"), screen)
        XCTAssertFalse(screen.contains("1 row"), "the line must not run: \(screen)")
    }
}
