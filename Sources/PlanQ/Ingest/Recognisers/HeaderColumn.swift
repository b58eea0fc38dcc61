/// One recognised header cell: its role, the period the header names (`Target 2008/09` → `2008/09`),
/// and the header text itself.
struct HeaderColumn: Equatable, Sendable {
    /// What the column holds.
    var role: HeaderRole
    /// The financial year or other period named in the header, normalised; nil when none.
    var period: String?
    /// The header's own words, used for `target_type` and in reports.
    var text: String
}
