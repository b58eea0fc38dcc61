#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading a whole data file into memory, and naming tables after files.
enum FileBytes {
    /// The file's bytes, read with one `fread` into a buffer of the file's size.
    static func read(_ path: String) throws -> [UInt8] {
        guard let f = fopen(path, "rb") else {
            throw Diagnostic("cannot open '\(path)': \(String(cString: strerror(errno)))")
        }
        defer { fclose(f) }
        fseek(f, 0, SEEK_END)
        let size = ftell(f)
        fseek(f, 0, SEEK_SET)
        guard size >= 0 else { throw Diagnostic("cannot read '\(path)': not a regular file") }
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
