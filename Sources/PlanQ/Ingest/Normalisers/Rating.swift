/// A rating cell read into its parts: `Amber (High-Possible)` → amber, high, possible.
struct Rating: Equatable, Sendable {
    /// red / amber / green, or nil when no colour is stated.
    var status: String?
    /// The impact word (`high`), or nil.
    var impact: String?
    /// The likelihood word (`possible`), or nil.
    var likelihood: String?
    /// A priority (`high` for `H`), or nil.
    var priority: String?
}
