import ArgumentParser
import Foundation
import PlanQ
import PlanQShell

/// Exit statuses: 0 success, 1 a query or data error, 2 a usage error.
enum ExitStatus: Int32 {
    case success = 0, failure = 1, usage = 2
}

func writeError(_ s: String) {
    FileHandle.standardError.write(Data(s.utf8))
}

let stderrColor = isatty(2) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

/// Finds the bundled `datasets/` folder: `PLANQ_DATA`, then the working directory
/// and its parents, then the executable's parents, then the source checkout.
func defaultDataDirectory() -> String? {
    let fm = FileManager.default
    if let env = ProcessInfo.processInfo.environment["PLANQ_DATA"] { return env }
    func search(from start: URL) -> String? {
        var dir = start
        for _ in 0..<8 {
            let candidate = dir.appendingPathComponent("datasets")
            if fm.fileExists(atPath: candidate.appendingPathComponent("schema.json").path) { return candidate.path }
            dir.deleteLastPathComponent()
        }
        return nil
    }
    if let d = search(from: URL(fileURLWithPath: fm.currentDirectoryPath)) { return d }
    if let d = search(from: URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()) { return d }
    return search(from: URL(fileURLWithPath: #filePath).deletingLastPathComponent())
}

// Arguments that are not UTF-8 are refused before `CommandLine.arguments` (decoded lossily) is used.
if let message = RawArguments.firstInvalid(RawArguments.bytes(), renderer: DiagnosticRenderer(color: stderrColor)) {
    writeError(message)
    exit(ExitStatus.failure.rawValue)
}
exit(Planq.dispatch(Array(CommandLine.arguments.dropFirst())).rawValue)
