import Foundation

/// Everything an ``ExecutionContext`` is made from, and the one place contexts are made.
///
/// The CLI, the shell and reports all build their contexts here (through
/// ``Engine/makeContext()``), so a limit set by `--max-rows` or `--max-memory`,
/// or a thread count, holds wherever a statement runs.
public struct ExecutionSettings: Sendable, Equatable {
    /// The date `today` means (days since 1970-01-01).
    public var today: Int32
    /// Worker threads for parallel (morsel-driven) aggregation.
    public var threads: Int
    /// Rows per morsel (see ``ExecutionContext/morselSize``).
    public var morselSize: Int
    /// Row, memory and regex limits.
    public var limits: ExecutionLimits

    /// Settings with every field given; defaults: all cores, the default morsel and limits.
    public init(today: Int32, threads: Int = ExecutionSettings.allCores,
                morselSize: Int = ExecutionContext.defaultMorselSize, limits: ExecutionLimits = ExecutionLimits()) {
        self.today = today
        self.threads = max(1, threads)
        self.morselSize = max(1, morselSize)
        self.limits = limits
    }

    /// The machine's active cores: the thread count when none is asked for.
    public static var allCores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Settings from the command-line flags (`--today`, `--threads`, `--max-rows`,
    /// `--max-memory`), each nil when not given. `today` is a parsed date; the
    /// flags are validated by the caller, so a size that does not parse is no limit.
    public static func fromFlags(today: Int32?, threads: Int?, maxRows: Int?, maxMemory: String?) -> ExecutionSettings {
        ExecutionSettings(today: today ?? Engine.currentDate(), threads: threads ?? allCores,
                          limits: ExecutionLimits(maxRows: maxRows ?? ExecutionLimits.defaultMaxRows,
                                                  maxMemory: maxMemory.flatMap(ExecutionLimits.parseSize)))
    }

    /// A fresh context for one run (its own cancellation flag).
    public func makeContext() -> ExecutionContext {
        ExecutionContext(today: today, threads: threads, morselSize: morselSize, limits: limits)
    }
}
