#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading a whole data file into memory, and naming tables after files.
public enum FileBytes {
    /// The largest data file loaded by default (1 GiB): loading needs the file's
    /// bytes plus its columns in memory, so a bigger file is refused up front with
    /// a clear error rather than risking an out-of-memory kill. `--max-file-size` raises it.
    public static let defaultMaxBytes = 1 << 30

    /// The file's bytes, read into a buffer of the file's size.
    ///
    /// The path is opened without blocking and checked with `fstat` before any
    /// byte is read: a folder, a FIFO, a socket or a device is refused by name
    /// (a FIFO would block, a folder or device has no meaningful size, and
    /// `ftell` on one once asked for exabytes).
    /// - Parameter what: how messages name the file ("data file", "file").
    /// - Throws: when the path is not a regular file, cannot be read, or is larger than `maxBytes`.
    static func read(_ path: String, maxBytes: Int = Int.max, what: String = "data file") throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let e = errno
            throw Diagnostic("cannot open '\(path)': \(e == ENOENT ? "no such file" : String(cString: strerror(e)))")
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            throw Diagnostic("cannot read '\(path)': \(String(cString: strerror(errno)))")
        }
        if let kind = kind(st.st_mode) {
            throw Diagnostic("'\(path)' is \(kind), not a \(what)",
                             help: kind == "a folder" ? "give the path of a file inside it"
                                 : kind.hasPrefix("a FIFO") ? "a pipe has no size and may never end; save its output to a file first"
                                 : "give the path of a regular file")
        }
        let size = Int(st.st_size)
        if size > maxBytes {
            throw Diagnostic("'\(path)' is \(ExecutionLimits.describe(bytes: size)), over the limit of \(ExecutionLimits.describe(bytes: maxBytes)) for one \(what)",
                             help: what == "data file" ? "raise the limit with --max-file-size if the machine has the memory" : nil)
        }
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buf, count in
            var got = 0
            while got < size, let base = buf.baseAddress {
                let n = systemRead(fd, base + got, size - got)
                if n < 0 && errno == EINTR { continue }
                if n < 0 { failure = errno; break }
                if n == 0 { break }
                got += n
            }
            // A file that shrank while read is read as far as it goes.
            count = got
        }
        if failure != 0 { throw Diagnostic("cannot read '\(path)': \(String(cString: strerror(failure)))") }
        return bytes
    }

    /// The bytes of the regular file at `path` (for the command's own inputs:
    /// ingest documents, reference and override files). See ``read(_:maxBytes:what:)``.
    public static func readRegularFile(_ path: String, maxBytes: Int = Int.max, what: String = "file") throws -> [UInt8] {
        try read(path, maxBytes: maxBytes, what: what)
    }

    /// What a non-regular file is, for a message ("a folder", "a FIFO (named pipe)"), or nil for a regular file.
    static func kind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        default: return "a special file"
        }
    }

    /// `read(2)`, named apart from this type's `read`.
    private static func systemRead(_ fd: Int32, _ p: UnsafeMutablePointer<UInt8>, _ n: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.read(fd, p, n)
        #else
        return Darwin.read(fd, p, n)
        #endif
    }

    /// The file name without folders and without its last extension (`data/plans.csv` → `plans`).
    static func stem(_ path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return file }
        return String(file[..<dot])
    }
}
