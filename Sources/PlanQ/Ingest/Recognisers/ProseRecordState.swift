/// Where the reader of records written as prose is (see `DocumentIngest+ProseRecords.swift`).
struct ProseRecordState: Sendable {
    /// The row (in `indicators`) of the last indicator a prose block named, and the line it started on.
    var indicator: (row: Int, line: Int)?
    /// An `Indicator` label on its own line: the next line names the indicator.
    var awaitingIndicator = false
    /// An `NI n Title` line that becomes a record when a `Lead:` line follows it.
    var heading: (text: String, line: Int)?
    /// The value header of the current block (column roles), waiting for its row of values.
    var valueHeader: [String?]?
    /// The row (in `actions`) of the last action bullet, for a `Responsible Officer – …` line under it.
    var action: Int?
    /// An action bullet whose owner and date may be on the next line.
    var pendingAction: (text: String, line: Int)?
    /// Inside a `Remedial action` / `Actions` list.
    var inActions = false
    /// Inside a `Risk assessment` / `Risks` section.
    var inRisks = false
}
