/// What the progress-prose reader knows: the document's colour key and the statement in force.
///
/// Progress reports state statuses in prose: a colour key (`Red = do not expect to achieve …`,
/// `Green = action/target now completed or met`), then sentences such as "Three actions have been
/// completed in relation to …" or "two more performance indicators are recorded as green:" followed
/// by the items, one per bullet ("Percentage absence in primary schools 5.23% against a target of 5.3%").
struct ProgressProse: Sendable {
    /// Colour → content words of its definition in the key.
    var key: [(colour: String, words: Set<String>)] = []
    /// The status, kind and line of the sentence whose items are being read.
    var statement: (status: String, kind: String, line: Int)?
    /// Whether the next plain paragraph may be an item (a statement's single item without a bullet).
    var paragraphItemAllowed = false
    /// The status a statement says its items had in the previous report ("one activity which
    /// was previously reported as red is now recorded as amber").
    var previousStatus: String?
}
