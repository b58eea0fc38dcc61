import Foundation

/// Shows text longer than the screen through a pager, as psql does: `PLANQ_PAGER`,
/// else `PAGER`, else `less -SRFX` (chop long lines, keep colours, quit when the text
/// fits, leave it on the screen). An empty setting turns paging off.
///
/// The pager is a child process (run by `/bin/sh -c`, so the setting may carry
/// options) reading the text on its stdin while it owns the terminal. When the
/// analyst quits it early the rest of the text meets a closed pipe: SIGPIPE is
/// ignored (``ignoreBrokenPipe()``) and the write's EPIPE just ends the writing.
/// A pager that cannot be found or started leaves the caller to print the text.
enum Pager {
    /// The default command when neither variable is set.
    static let defaultCommand = "less -SRFX"

    /// The command from the environment; nil when paging is turned off by an empty setting.
    static func command(_ env: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let value = env["PLANQ_PAGER"] ?? env["PAGER"] ?? defaultCommand
        return value.trimmingCharacters(in: .whitespaces).isEmpty ? nil : value
    }

    /// The program a command runs (its first word), if it can be found: a path that is
    /// executable, or a name found on `PATH`.
    static func program(of command: String, path: String? = ProcessInfo.processInfo.environment["PATH"]) -> String? {
        guard let first = command.split(whereSeparator: \.isWhitespace).first.map(String.init) else { return nil }
        let fm = FileManager.default
        if first.contains("/") { return fm.isExecutableFile(atPath: first) ? first : nil }
        for dir in (path ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = String(dir) + "/" + first
            if fm.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Makes writes to a closed pipe fail with EPIPE instead of killing the shell.
    static func ignoreBrokenPipe() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// Runs `command` with `text` on its stdin and waits for it to finish.
    /// - Returns: false when the pager could not be run (not found, not startable, or the
    ///   shell exited 126/127); the caller then prints the text.
    static func show(_ text: String, command: String) -> Bool {
        guard program(of: command) != nil else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let pipe = Pipe()
        process.standardInput = pipe
        do {
            try process.run()
        } catch {
            return false
        }
        pipe.fileHandleForReading.closeFile()
        let fd = pipe.fileHandleForWriting.fileDescriptor
        // A pager quitting early is normal (q after the first screen): the rest is dropped.
        writeAll(Data(text.utf8), to: fd)
        pipe.fileHandleForWriting.closeFile()
        process.waitUntilExit()
        // 126/127: sh could not run the program, so nothing was shown; print instead.
        let status = process.terminationStatus
        return !(process.terminationReason == .exit && (status == 126 || status == 127))
    }

    /// Writes `data` to `fd`, retrying short writes; false when the reader went away (EPIPE).
    @discardableResult
    static func writeAll(_ data: Data, to fd: Int32) -> Bool {
        data.withUnsafeBytes { raw -> Bool in
            guard let base = raw.baseAddress else { return true }
            var done = 0
            while done < raw.count {
                let n = write(fd, base + done, raw.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                done += n
            }
            return true
        }
    }
}
