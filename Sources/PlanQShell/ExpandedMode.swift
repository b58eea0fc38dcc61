/// When the shell shows records expanded (one `column | value` line per field) instead
/// of as a table: psql's `\x on|off|auto`.
public enum ExpandedMode: String, CaseIterable, Sendable {
    /// Always a table.
    case off
    /// Always expanded (also what `.mode line` sets).
    case on
    /// Expanded when a table row would be wider than the terminal.
    case auto
}
