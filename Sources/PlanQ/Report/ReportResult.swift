/// A report after every query ran: what ``ReportRenderer`` draws.
public struct ReportResult: Sendable {
    /// One query's outcome: its table, or why it was not run (a missing optional table).
    public struct Part: Sendable {
        public var caption: String
        /// The query as run, parameters substituted.
        public var query: String
        public var table: Table?
        public var skipped: String?
        /// Why `table` has no rows, when it has none.
        public var emptyResult: EmptyResultExplanation? = nil
    }

    /// A section with the outcome of each of its queries.
    public struct Section: Sendable {
        public var heading: String
        public var commentary: String
        public var display: ReportDisplay
        public var parts: [Part]
    }

    public var title: String
    public var ragRule: String
    /// The date the report is as of (`as_of`, else the run date).
    public var asOf: CivilDate
    /// Parameter names and the values used, in declaration order.
    public var parameters: [(name: String, value: String)]
    /// The report file and data directory, for the document's footer.
    public var reportFile: String
    public var dataSource: String
    public var sections: [Section]
    /// Warnings from the queries (a quoted value a column never holds), pointing into the report file.
    public var warnings: [Diagnostic] = []
}
