/// A number read out of a cell's prose: `65.8% (2007/08) Data Source: …` → 65.8, `%`, `2007/08`.
struct MeasuredValue: Equatable, Sendable {
    /// The number; nil when the cell states none (`TBC`, `N/A`, prose only).
    var value: Double?
    /// `%`, `£`, `£ per week`, or nil when the cell names no unit.
    var unit: String?
    /// The period the cell names for the value (`2007/08`, `2009`), or nil.
    var period: String?
    /// The cell text the value came from, tags removed.
    var raw: String
}
