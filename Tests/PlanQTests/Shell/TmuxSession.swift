import Foundation
import XCTest

/// Drives a program in a detached tmux session on a private server, for tests that
/// need a real terminal: type keys, read the screen, wait for text to appear.
///
/// Each session has its own `-L` socket, so tests never touch anyone else's tmux,
/// and `close()` kills only that server.
final class TmuxSession {
    private static var counter = 0
    let socket: String
    let target = "planq"

    /// Starts `command` (an argv, run through `env` with `environment` added and `unset`
    /// removed) in a
    /// `width`×`height` terminal. Throws `XCTSkip` when tmux cannot run here.
    init(_ command: [String], environment: [String: String], unset: [String] = [], width: Int, height: Int) throws {
        TmuxSession.counter += 1
        socket = "planq-test-\(getpid())-\(TmuxSession.counter)"
        let argv = ["env"] + unset.flatMap { ["-u", $0] }
            + environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" } + command
        let shellCommand = argv.map(TmuxSession.quoted).joined(separator: " ")
        let r = TmuxSession.tmux(["-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", target,
                                  "-x", String(width), "-y", String(height), shellCommand])
        guard let r, r.status == 0 else {
            throw XCTSkip("tmux cannot run here (\(r.map { $0.output } ?? "not installed")); terminal tests skipped")
        }
    }

    deinit { close() }

    /// Ends the session's tmux server (only ours).
    func close() {
        _ = TmuxSession.tmux(["-L", socket, "kill-server"])
    }

    /// Types `text` literally (no key names).
    func type(_ text: String) {
        // tmux reads an argument ending in ';' as a command separator unless escaped.
        let arg = text.hasSuffix(";") ? String(text.dropLast()) + "\\;" : text
        _ = TmuxSession.tmux(["-L", socket, "send-keys", "-t", target, "-l", arg])
    }

    /// Presses keys by name: `Enter`, `Tab`, `C-c`, `C-d`, `Up`.
    func press(_ keys: String...) {
        _ = TmuxSession.tmux(["-L", socket, "send-keys", "-t", target] + keys)
    }

    /// The screen and its scrollback, wrapped lines joined, trailing blank lines dropped;
    /// with `escapes`, colours and attributes as escape sequences.
    func screen(escapes: Bool = false) -> String {
        let out = TmuxSession.tmux(["-L", socket, "capture-pane", "-p", "-J", "-S", "-500", "-t", target]
            + (escapes ? ["-e"] : []))?.output ?? ""
        var lines = out.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
        while let l = lines.last, l.allSatisfy(\.isWhitespace) { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// Polls the screen until `done` holds; fails the test with the screen after `timeout` seconds.
    @discardableResult
    func waitFor(_ what: String, timeout: Double = 15, file: StaticString = #filePath, line: UInt = #line,
                 _ done: (String) -> Bool) -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var s = screen()
        while !done(s) {
            if Date() > deadline {
                XCTFail("timed out waiting for \(what); screen:\n\(s)", file: file, line: line)
                return s
            }
            usleep(30_000)
            s = screen()
        }
        return s
    }

    /// Waits until the screen contains `text`.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 15, file: StaticString = #filePath, line: UInt = #line) -> String {
        waitFor("'\(text)'", timeout: timeout, file: file, line: line) { $0.contains(text) }
    }

    /// The cursor's column and row on the visible screen.
    func cursor() -> (x: Int, y: Int) {
        let out = TmuxSession.tmux(["-L", socket, "display-message", "-p", "-t", target, "#{cursor_x} #{cursor_y}"])?.output ?? ""
        let parts = out.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        return parts.count == 2 ? (parts[0], parts[1]) : (-1, -1)
    }

    /// True while the session (the program in it) is alive.
    var isRunning: Bool {
        TmuxSession.tmux(["-L", socket, "has-session", "-t", target])?.status == 0
    }

    private static func quoted(_ s: String) -> String {
        "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Runs tmux; nil when it cannot be started at all.
    private static func tmux(_ args: [String]) -> (status: Int32, output: String)? {
        guard let path = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"]
            .first(where: FileManager.default.isExecutableFile) else { return nil }
        // Spawned by hand rather than with Foundation's Process: the tmux server that
        // `new-session` forks inherits Process's exit-watching descriptor and keeps it
        // open, so Process would never see tmux exit. Output goes to a file for the
        // same reason (a pipe would never reach end of file).
        let outPath = NSTemporaryDirectory() + "planq-tmux-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: outPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + args).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, path, &actions, nil, argv, environ) == 0 else { return nil }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let data = FileManager.default.contents(atPath: outPath) ?? Data()
        let exited = status & 0x7f == 0
        return (exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), String(decoding: data, as: UTF8.self))
    }
}
