/// The lines of a page that may form a table: from its first line of separated phrases to its last.
struct PDFRegion: Equatable, Sendable {
    /// Index of the first line.
    var lower: Int
    /// Index of the last line holding two or more phrases.
    var upper: Int
}
