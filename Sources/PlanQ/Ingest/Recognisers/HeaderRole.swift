/// What one column of a recognised table holds, read from its header cell.
enum HeaderRole: String, Equatable, Sendable {
    /// A record reference (`Ref:`, `Risk Register Ref`).
    case ref
    /// An indicator's name or definition (`Improvement Target`, `Definition`, `Measure and Target`).
    case measure
    /// An action's text (`Action for improvement`, `Action`).
    case action
    /// A risk's text (`Risk`, `Key risks to achieving ...`).
    case risk
    /// A governance item or other titled line (`Title`).
    case item
    /// A risk rating (`Rating`), which may hold the RAG word and impact/likelihood.
    case rating
    /// The impact or severity of a risk, in its own column.
    case impact
    /// The likelihood or probability of a risk, in its own column.
    case likelihood
    /// A priority letter or word (`Priority H/M/L`).
    case priority
    /// Controls or mitigating actions of a risk.
    case controls
    /// The person accountable (`Responsible Officer`, `Lead Individual`, `Who`).
    case owner
    /// The organisation accountable (`Lead Agency`).
    case organisation
    /// Partners involved (`Key Partners`).
    case partners
    /// Resources (`Support requirements and resources required`).
    case resources
    /// A due date (`Date to be completed`, `Due Date`, `Timescale`).
    case due
    /// Milestones or sub actions.
    case subActions
    /// A baseline value, with the header's period if any.
    case baseline
    /// The first target value.
    case target
    /// A later (end of agreement) target value.
    case endTarget
    /// A quarterly target (`Quarter 1 Target`).
    case quarterTarget
    /// An actual value or outturn.
    case actual
    /// The actual of one quarter of the plan's year, in a row of quarters (`Q1` … `Q4`).
    case quarterActual
    /// Which way is better, stated per row (`Polarity`, `Pol`: `Higher is better`, `↑`).
    case polarity
    /// A stated status (`Status`, `RAG`, `Traffic light`).
    case status
    /// Free comment, progress or activity text.
    case comment
    /// Linked indicators, risks or outcomes.
    case links
    /// Monitoring / method of review / date of review.
    case review
    /// A column a reader can name but that feeds no table (`Short Term Action`, `Page`).
    case ignored
}
