import Foundation

/// The resource limits a query runs under, so that hostile or mistaken input ends
/// with a clear error instead of an out-of-memory kill or a hang.
///
/// - `maxRows`: the most rows a join may produce. A join is the only operator
///   whose output can outgrow its inputs (keys that match nearly every pair of
///   rows give rows × rows), so it is checked as the output grows and stops long
///   before memory runs out. Other operators are bounded by the loaded tables.
///   `--max-rows` sets it.
/// - `maxMemory`: an estimate of the bytes a materialised intermediate may take
///   (rows × columns × 16 bytes per cell, a generous upper bound for the
///   columnar layout). `--max-memory` sets it; nil means no estimate is checked.
/// - `regexMilliseconds`: how long one `matches`/`like` evaluation on one value
///   may take before the query stops (ICU's matcher backtracks; see ``TextKernels``).
public struct ExecutionLimits: Sendable, Equatable {
    /// Default row limit: ten million rows.
    public static let defaultMaxRows = 10_000_000

    /// Most rows one join may produce.
    public var maxRows: Int
    /// Most bytes (estimated) one materialised intermediate may need; nil for no limit.
    public var maxMemory: Int?
    /// Milliseconds one regular-expression match on one value may take.
    public var regexMilliseconds: Int

    /// Limits with the defaults: 10 million join rows, no memory limit, 1 s per regex match.
    public init(maxRows: Int = ExecutionLimits.defaultMaxRows, maxMemory: Int? = nil, regexMilliseconds: Int = 1000) {
        self.maxRows = maxRows
        self.maxMemory = maxMemory
        self.regexMilliseconds = regexMilliseconds
    }

    /// Bytes one materialised cell is assumed to take when checking `maxMemory`.
    static let bytesPerCell = 16

    /// Throws when materialising `rows` rows of `columns` columns would pass the
    /// row or the memory limit. `what` names the operator in the message.
    func check(rows: Int, columns: Int, _ what: String) throws {
        if rows > maxRows {
            throw Diagnostic("\(what) exceeds the row limit of \(maxRows) rows",
                             help: "narrow the query (a join on keys that repeat multiplies rows), or raise --max-rows")
        }
        try checkMemory(rows: rows, columns: columns, what)
    }

    /// Throws when `rows` rows of `columns` columns would pass the memory limit.
    func checkMemory(rows: Int, columns: Int, _ what: String) throws {
        if let maxMemory {
            let (bytes, overflow) = rows.multipliedReportingOverflow(by: max(1, columns) * ExecutionLimits.bytesPerCell)
            if overflow || bytes > maxMemory {
                throw Diagnostic("\(what) would need about \(ExecutionLimits.describe(bytes: overflow ? Int.max : bytes)), over the memory limit of \(ExecutionLimits.describe(bytes: maxMemory))",
                                 help: "narrow the query, or raise --max-memory")
            }
        }
    }

    /// `1.5 GB`, `12 MB`, `512 bytes`.
    static func describe(bytes: Int) -> String {
        let units: [(Double, String)] = [(1_073_741_824, "GB"), (1_048_576, "MB"), (1024, "KB")]
        for (size, name) in units where Double(bytes) >= size {
            let v = Double(bytes) / size
            return v >= 10 ? "\(Int(v.rounded())) \(name)" : "\((v * 10).rounded() / 10) \(name)"
        }
        return "\(bytes) bytes"
    }

    /// Parses a size such as `512M`, `2G`, `100000`, `64KB`; nil if malformed.
    public static func parseSize(_ text: String) -> Int? {
        var s = text.trimmingCharacters(in: .whitespaces).uppercased()
        if s.hasSuffix("B") && s.count > 1 && !(s.dropLast().last?.isNumber ?? true) { s.removeLast() }
        var scale = 1
        switch s.last {
        case "K": scale = 1 << 10
        case "M": scale = 1 << 20
        case "G": scale = 1 << 30
        case "T": scale = 1 << 40
        default: break
        }
        if scale > 1 { s.removeLast() }
        guard let n = Int(s), n > 0 else { return nil }
        let (v, o) = n.multipliedReportingOverflow(by: scale)
        return o ? nil : v
    }
}
