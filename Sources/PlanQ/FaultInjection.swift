#if DEBUG
/// Test-only switches that plant known bugs in the engine, so that a test can show
/// the differential batch (Tests/PlanQTests/Differential) catches them.
///
/// Compiled only into debug builds; release builds have no trace of it. Every
/// switch is off unless a test turns it on (and back off) around one batch.
enum FaultInjection {
    /// `count(x)` counts null values too (as if it were `count()`).
    nonisolated(unsafe) static var countIncludesNulls = false
    /// `false and null` gives null instead of false (the dominant-value rule is lost).
    nonisolated(unsafe) static var andIgnoresDominantFalse = false
    /// `rank() over (...)` numbers peers apart (as if it were `row_number()`).
    nonisolated(unsafe) static var rankIgnoresPeers = false
}
#endif
