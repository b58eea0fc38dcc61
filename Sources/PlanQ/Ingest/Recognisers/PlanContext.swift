/// Where a record sits: its plan, theme and outcome, and the outcome's accountable owner.
struct PlanContext: Equatable, Sendable {
    /// The plan's slug.
    var plan = ""
    /// The plan's title.
    var planTitle = ""
    /// The plan's financial year or span, e.g. `2008/09`.
    var planPeriod: String?
    /// The theme heading the record sits under.
    var theme: String?
    /// The outcome or objective number (stated, else numbered in order of appearance).
    var outcomeNo: Int?
    /// The outcome or objective text.
    var outcome: String?
    /// The outcome's accountable owner.
    var owner: String?
    /// The outcome owner's organisation.
    var organisation: String?
}
