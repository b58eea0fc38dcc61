/// Why a query returned no rows: the step that removed the last rows, and what the
/// rows that reached it held. Made by ``EmptyResultExplainer``; the CLI prints it on
/// standard error, the shell under the empty result, a report in place of the table.
public struct EmptyResultExplanation: Sendable, Equatable {
    /// The whole sentence, starting "0 rows: ", e.g.
    /// `0 rows: 29 indicators have theme = "Community Safety"; status is null in all 29, so none has status = red`.
    public var message: String
    /// The step that removed the last rows, as `explain` names it:
    /// `where status = red`, `join outcomes on ...`, `limit 0`, `table risks`.
    public var step: String
    /// Where that step is written in the query (a conjunct, a join or limit clause,
    /// a table name), when known.
    public var span: SourceSpan?

    /// The message without its "0 rows: " lead, for a sentence that has its own ("No rows: ...").
    public var reason: String {
        message.hasPrefix("0 rows: ") ? String(message.dropFirst("0 rows: ".count)) : message
    }

    /// An explanation; `span` is where the step is written, if known.
    public init(message: String, step: String, span: SourceSpan? = nil) {
        self.message = message
        self.step = step
        self.span = span
    }
}
