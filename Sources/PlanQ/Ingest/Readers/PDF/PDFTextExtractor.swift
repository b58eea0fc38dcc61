import Foundation

/// Runs poppler's `pdftotext -bbox-layout` (Debian `poppler-utils`) on a PDF and returns its word
/// boxes as XHTML.
///
/// poppler runs as a child process rather than a linked library: a damaged or hostile PDF that
/// crashes or hangs poppler then ends that process, not planq; the child is killed after
/// ``timeout`` seconds and when its output passes ``maxOutputBytes``; and the fuzz build, which
/// compiles PlanQ with swiftc alone, needs no system-library module.
struct PDFTextExtractor: Sendable {
    /// The program to run; a bare name is looked up on `PATH`.
    var executable = "pdftotext"
    /// Arguments before the input and output paths.
    var arguments = ["-bbox-layout", "-enc", "UTF-8"]
    /// Seconds the child may run before it is killed.
    var timeout: Double = 60
    /// Bytes of XHTML accepted before the child is killed.
    var maxOutputBytes = 512 << 20
    /// Bytes of error output kept (poppler can print one line per bad byte).
    var maxErrorBytes = 64 << 10

    /// The XHTML `pdftotext` writes for `data`, or a failure saying why the PDF cannot be read.
    func extract(_ data: Data) throws(DecodeFailure) -> Data {
        guard let program = Self.locate(executable) else {
            throw DecodeFailure("reading PDF needs poppler's pdftotext, which is not installed (Debian: apt-get install poppler-utils)")
        }
        let fm = FileManager.default
        let input = fm.temporaryDirectory.appendingPathComponent("planq-pdf-\(UUID().uuidString).pdf")
        defer { try? fm.removeItem(at: input) }
        do { try data.write(to: input) } catch {
            throw DecodeFailure("cannot write a temporary copy for pdftotext: \(error.localizedDescription)")
        }
        let run = try launch(program, arguments + [input.path, "-"])
        if run.timedOut { throw DecodeFailure("pdftotext took over \(Int(timeout)) s on the PDF and was stopped; the file may be damaged or hostile") }
        if run.overflow { throw DecodeFailure("the PDF's text layer is over \(maxOutputBytes >> 20) MB of word boxes; split the document") }
        let err = String(decoding: run.stderr, as: UTF8.self)
        if run.status != 0 || run.stdout.isEmpty {
            if err.contains("Incorrect password") || err.lowercased().contains("encrypt") {
                throw DecodeFailure("the PDF is encrypted (password-protected); save an unprotected copy and ingest that")
            }
            if !Self.hasEndMarker(data) {
                throw DecodeFailure("the PDF is truncated or damaged (no %%EOF marker at its end; pdftotext: \(Self.firstLine(err)))")
            }
            throw DecodeFailure("the PDF is damaged and poppler cannot read it (pdftotext exit \(run.status): \(Self.firstLine(err)))")
        }
        return run.stdout
    }

    /// The first line of poppler's error output, for messages.
    static func firstLine(_ err: String) -> String {
        let line = err.split(separator: "\n").first.map(String.init) ?? "no message"
        return String(line.prefix(160))
    }

    /// Whether `%%EOF` occurs in the last 1024 bytes, where PDF readers look for it.
    static func hasEndMarker(_ data: Data) -> Bool {
        let tail = [UInt8](data.suffix(1024))
        let mark = Array("%%EOF".utf8)
        guard tail.count >= mark.count else { return false }
        for i in 0...(tail.count - mark.count) where tail[i] == mark[0] && Array(tail[i..<(i + mark.count)]) == mark { return true }
        return false
    }

    /// The full path of `name`: itself when it holds a slash, else the first match on `PATH`.
    static func locate(_ name: String) -> String? {
        let fm = FileManager.default
        if name.contains("/") { return fm.isExecutableFile(atPath: name) ? name : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") where !dir.isEmpty {
            let c = "\(dir)/\(name)"
            if fm.isExecutableFile(atPath: c) { return c }
        }
        return nil
    }

    /// What one run of the child gave.
    struct Run {
        var status: Int32
        var stdout: Data
        var stderr: Data
        var timedOut: Bool
        var overflow: Bool
    }

    /// Runs `program` with `args`, reading its output on two threads under the size limits and
    /// killing it at the time limit.
    func launch(_ program: String, _ args: [String]) throws(DecodeFailure) -> Run {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: program)
        p.arguments = args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        let state = ChildOutput()
        do { try p.run() } catch {
            throw DecodeFailure("cannot start \(program): \(error.localizedDescription)")
        }
        let group = DispatchGroup()
        let limit = maxOutputBytes, errLimit = maxErrorBytes
        // Both pipes are drained at once so a child filling one never blocks on the other.
        DispatchQueue.global().async(group: group) {
            let h = out.fileHandleForReading
            while true {
                let chunk = h.availableData
                if chunk.isEmpty { break }
                if !state.appendOut(chunk, limit: limit), p.isRunning { p.terminate() }
            }
        }
        DispatchQueue.global().async(group: group) {
            let h = err.fileHandleForReading
            while true {
                let chunk = h.availableData
                if chunk.isEmpty { break }
                state.appendErr(chunk, limit: errLimit)
            }
        }
        let deadline = DispatchTime.now() + timeout
        let timer = DispatchWorkItem {
            guard p.isRunning else { return }
            state.markTimedOut()
            p.terminate()
            DispatchQueue.global().asyncAfter(deadline: .now() + 2) { if p.isRunning { kill(p.processIdentifier, SIGKILL) } }
        }
        DispatchQueue.global().asyncAfter(deadline: deadline, execute: timer)
        p.waitUntilExit()
        timer.cancel()
        // A grandchild holding the pipes open must not hold planq: stop reading soon after the exit.
        _ = group.wait(timeout: .now() + 2)
        let s = state.snapshot()
        return Run(status: p.terminationStatus, stdout: s.out, stderr: s.err, timedOut: s.timedOut, overflow: s.overflow)
    }
}
