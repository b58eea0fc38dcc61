/// Where the reader is inside one partnership's section of a partnership review.
struct PartnershipState: Sendable {
    /// The sections of a partnership's return.
    enum Section: Sendable { case function, governance, concerns, concernActions, carryOn, other }
    /// The partnership's name (the line above `PARTNERSHIP FUNCTION:`).
    var name: String
    /// Its row in `partnerships`.
    var row: Int
    /// The section the text is in.
    var section: Section = .function
    /// Rows of `concerns` added for this partnership.
    var concernRows: [Int] = []
    /// The `Completed By Lead Officer` block is being read.
    var inLeadBlock = false
}
