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

    /// The file's bytes, read with one `fread` into a buffer of the file's size.
    /// - Throws: when the file cannot be read or is larger than `maxBytes`.
    static func read(_ path: String, maxBytes: Int = Int.max) throws -> [UInt8] {
        guard let f = fopen(path, "rb") else {
            throw Diagnostic("cannot open '\(path)': \(String(cString: strerror(errno)))")
        }
        defer { fclose(f) }
        fseek(f, 0, SEEK_END)
        let size = ftell(f)
        fseek(f, 0, SEEK_SET)
        guard size >= 0 else { throw Diagnostic("cannot read '\(path)': not a regular file") }
        if size > maxBytes {
            throw Diagnostic("'\(path)' is \(ExecutionLimits.describe(bytes: size)), over the limit of \(ExecutionLimits.describe(bytes: maxBytes)) for one data file",
                             help: "raise the limit with --max-file-size if the machine has the memory")
        }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buf, count in
            let got = size == 0 ? 0 : fread(buf.baseAddress, 1, size, f)
            failed = got != size
            count = failed ? 0 : size
        }
        if failed { throw Diagnostic("cannot read '\(path)': \(String(cString: strerror(errno)))") }
        return bytes
    }

    /// The file name without folders and without its last extension (`data/plans.csv` → `plans`).
    static func stem(_ path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return file }
        return String(file[..<dot])
    }
}
