import Foundation

extension Table {
    /// Bytes held by the table's column storage: typed value arrays, validity
    /// words and dictionary strings (UTF-8 bytes plus the array slot). What the
    /// `--timer` load line reports as `columns` beside the process's RSS.
    public var storageBytes: Int {
        var seen = Set<UInt64>()
        return columns.reduce(0) { total, c in
            let v = c.vector
            var b = (v.validity?.words.count ?? 0) * 8
            switch v.data {
            case .null: break
            case .bool(let a): b += a.count
            case .int(let a): b += a.count * 8
            case .double(let a): b += a.count * 8
            case .date(let a): b += a.count * 4
            case .enumeration(let a, _): b += a.count * 4
            case .text(let a, let d):
                b += a.count * 4
                if seen.insert(d.generation).inserted {
                    b += d.strings.reduce(0) { $0 + $1.utf8.count + 16 }
                }
            }
            return total + b
        }
    }
}

/// The process's resident set size in bytes (Linux `/proc/self/statm`), or nil.
public func residentBytes() -> Int? {
    guard let s = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
    let parts = s.split(separator: " ")
    guard parts.count > 1, let pages = Int(parts[1]) else { return nil }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}
