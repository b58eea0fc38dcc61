/// The rule that derives an indicator's RAG status when the document states none.
///
/// Given an actual and a target for the same period and a polarity (from the National Indicator
/// set or the document, else the title's wording, else the direction baseline → target where the
/// targets are not quarterly or cumulative; see ``PerformanceModel``): green when the target is met; amber when the actual
/// misses it by at most `tolerance` × |target| (default 5%); red otherwise. Without a polarity or a
/// same-period pair no status is derived.
public struct StatusRule: Sendable {
    /// The relative tolerance for amber, e.g. 0.05 for 5%.
    public var tolerance: Double

    /// A rule with amber tolerance `tolerance` (relative to the target).
    public init(tolerance: Double = 0.05) { self.tolerance = tolerance }

    /// `higher`/`lower`: the stated polarity, else the sign of target − baseline, else nil.
    static func polarity(stated: String?, baseline: Double?, target: Double?) -> String? {
        if let p = stated { return p }
        guard let b = baseline, let t = target, b != t else { return nil }
        return t > b ? "higher" : "lower"
    }

    /// The derived status, or nil.
    func status(actual: Double, target: Double, polarity: String) -> String {
        let met = polarity == "higher" ? actual >= target : actual <= target
        if met { return "green" }
        return abs(actual - target) <= tolerance * abs(target) ? "amber" : "red"
    }

    /// improving / worse / same, from an earlier and a later value.
    static func direction(from earlier: Double, to later: Double, polarity: String) -> String {
        if earlier == later { return "same" }
        return (later > earlier) == (polarity == "higher") ? "improving" : "worse"
    }
}
