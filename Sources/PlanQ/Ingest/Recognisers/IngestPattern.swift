import Foundation

/// Compiles the recognisers' constant regular expressions.
///
/// The patterns are literals in the source, never user input; a pattern that does not compile is a
/// programming error caught by the first test that loads the type, so it stops with its text.
enum IngestPattern {
    /// The compiled `pattern`, case-insensitive when `caseless`.
    static func make(_ pattern: String, caseless: Bool = false) -> NSRegularExpression {
        do {
            return try NSRegularExpression(pattern: pattern, options: caseless ? [.caseInsensitive] : [])
        } catch {
            preconditionFailure("invalid constant pattern \(pattern): \(error)")
        }
    }
}
