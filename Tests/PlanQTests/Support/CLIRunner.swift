import Foundation

/// What one run of the `planq` executable gave: exit status, standard output and standard error.
struct CLIRun {
    var status: Int32
    var out: String
    var err: String
}

/// Runs the built `planq` executable for the tests that drive it as a user would (CLI, ingest,
/// report, SQL): one place that finds the binary and captures its output, so every such test
/// reads both pipes at once (a child that fills its stderr pipe while the test waits on stdout
/// would otherwise hang the test).
struct CLIRunner {
    /// The `planq` executable beside the test bundle (SwiftPM puts both in the build folder).
    var binary: URL {
        var dir = Bundle.main.bundleURL
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent("planq")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir.deleteLastPathComponent()
        }
        return Bundle.main.bundleURL.appendingPathComponent("planq")
    }

    /// Runs planq with `args`. Standard input is `stdin` when given, else the file at `stdinFile`,
    /// else empty; `environment` entries are added to (or replace) the test process's own.
    func planq(_ args: [String], stdin: String? = nil, stdinFile: String? = nil,
               environment: [String: String] = [:]) throws -> CLIRun {
        try run(binary, args, stdin: stdin, stdinFile: stdinFile, environment: environment)
    }

    /// Runs the executable `exe` with `args`, as ``planq(_:stdin:stdinFile:environment:)`` does.
    func run(_ exe: URL, _ args: [String], stdin: String? = nil, stdinFile: String? = nil,
             environment: [String: String] = [:]) throws -> CLIRun {
        let p = Process()
        p.executableURL = exe
        p.arguments = args
        if !environment.isEmpty {
            p.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        var input: Pipe?
        if let stdinFile {
            p.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: stdinFile))
        } else if stdin != nil {
            let pipe = Pipe()
            p.standardInput = pipe
            input = pipe
        } else {
            p.standardInput = FileHandle.nullDevice
        }
        try p.run()
        final class Box: @unchecked Sendable { var data = Data() }
        let e = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            e.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        if let input, let stdin {
            // Written on its own thread too: a child that answers before reading all its input
            // must not block the test.
            group.enter()
            DispatchQueue.global().async {
                input.fileHandleForWriting.write(Data(stdin.utf8))
                try? input.fileHandleForWriting.close()
                group.leave()
            }
        }
        let o = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        return CLIRun(status: p.terminationStatus, out: String(decoding: o, as: UTF8.self), err: String(decoding: e.data, as: UTF8.self))
    }
}
