/// A heading recognised in a document's text, and what it sets.
enum ContextHeading: Equatable, Sendable {
    /// A plan title with its period.
    case plan(title: String, period: String?)
    /// A theme name (empty when the name is on the next line).
    case theme(String)
    /// A numbered outcome.
    case outcome(number: Int, text: String)
    /// An unnumbered objective or outcome (`Long Term Objective: …`, `Departmental Plan outcome: …`).
    case objective(String)
    /// An outcome owner line: the owner and organisation.
    case owner(name: String, organisation: String?)
    /// A key partners line: the lead (marked `*`) and the list.
    case partners(lead: String?, list: [String])
    /// `LAA Target: NI 101 …` and similar lines naming the indicator of the next table.
    case indicator(String)
}
