import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes output files and folders all or nothing: a failure, a full disk or
/// Ctrl-C never leaves a half-written file at the destination or a half-replaced
/// folder (`planq -o`, `.output`, `ingest --out`, reports).
///
/// A file is written to a temporary file in the destination's own folder (so
/// the final `rename(2)` stays on one file system, where it is atomic), flushed
/// with `fsync`, then renamed over the destination. A folder is built in a
/// temporary sibling folder and then swapped in: on Linux with one
/// `renameat2(RENAME_EXCHANGE)`, elsewhere with two renames (the old folder is
/// moved aside first, so the destination is briefly absent but never partial).
/// An interrupted run can leave a `.name.tmp-*` sibling behind, never a broken
/// destination.
public enum AtomicFileWriter {
    /// Replaces (or creates) the file at `path` with `data`.
    /// - Throws: a ``Diagnostic`` naming the path; the destination is then untouched.
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
            throw Diagnostic("cannot write '\(path)': it is a folder")
        }
        let tmp = temporaryPath(for: url)
        // The new file keeps an existing file's permissions; a new one gets 0644.
        let mode = (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int).flatMap { $0 } ?? 0o644
        let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, mode_t(mode))
        guard fd >= 0 else { throw failure("cannot write '\(path)'") }
        var ok = false
        defer {
            if !ok { unlink(tmp) }
        }
        var written = 0
        let failedWrite: Bool = data.withUnsafeBytes { raw in
            while written < raw.count {
                let n = systemWrite(fd, raw.baseAddress.map { $0 + written }, raw.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    return true
                }
                written += n
            }
            return false
        }
        let syncFailed = failedWrite || fsync(fd) != 0
        let error = errno
        close(fd)
        if syncFailed {
            throw Diagnostic("cannot write '\(path)': \(String(cString: strerror(error)))")
        }
        guard rename(tmp, path) == 0 else { throw failure("cannot replace '\(path)'") }
        ok = true
        syncDirectory(dir)
    }

    /// Replaces (or creates) the folder at `path` with one that `build` fills.
    /// `build` gets the path of an empty temporary folder beside `path`; if it
    /// throws, the temporary folder is removed and `path` is untouched.
    public static func replaceDirectory(at path: String, build: (String) throws -> Void) throws {
        let url = URL(fileURLWithPath: path)
        let fm = FileManager.default
        let tmp = temporaryPath(for: url)
        do {
            try fm.createDirectory(atPath: tmp, withIntermediateDirectories: false)
        } catch {
            throw Diagnostic("cannot create a folder beside '\(path)': \(error.localizedDescription)")
        }
        var ok = false
        defer {
            if !ok { try? fm.removeItem(atPath: tmp) }
        }
        try build(tmp)
        if !fm.fileExists(atPath: path) {
            guard rename(tmp, path) == 0 else { throw failure("cannot create '\(path)'") }
            ok = true
            return
        }
        if exchange(tmp, path) {
            // `tmp` now holds the old folder.
            ok = true
            try? fm.removeItem(atPath: tmp)
            return
        }
        let old = temporaryPath(for: url)
        guard rename(path, old) == 0 else { throw failure("cannot move '\(path)' aside") }
        guard rename(tmp, path) == 0 else {
            let f = failure("cannot replace '\(path)'")
            rename(old, path)
            throw f
        }
        ok = true
        try? fm.removeItem(atPath: old)
    }

    /// `.name.tmp-PID-RANDOM` beside `url`: hidden, and never a data file name.
    static func temporaryPath(for url: URL) -> String {
        let name = ".\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        return url.deletingLastPathComponent().appendingPathComponent(name).path
    }

    /// Swaps two paths atomically where the system can (Linux 3.15+).
    private static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        // Glibc declares renameat2 only under _GNU_SOURCE, which Swift's Glibc
        // module does not set, so look it up at run time.
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let sym = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(sym, to: RenameAt2.self)
        let renameExchange: UInt32 = 2  // RENAME_EXCHANGE in <linux/fs.h>
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
        #else
        return false
        #endif
    }

    /// Flushes the folder entry of a rename, so the new name survives a crash.
    private static func syncDirectory(_ dir: String) {
        let fd = open(dir.isEmpty ? "." : dir, O_RDONLY)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }

    /// `write(2)`; the module-qualified name differs between Glibc and Darwin.
    private static func systemWrite(_ fd: Int32, _ buf: UnsafeRawPointer?, _ n: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.write(fd, buf, n)
        #else
        return Darwin.write(fd, buf, n)
        #endif
    }

    private static func failure(_ what: String) -> Diagnostic {
        Diagnostic("\(what): \(String(cString: strerror(errno)))")
    }
}
