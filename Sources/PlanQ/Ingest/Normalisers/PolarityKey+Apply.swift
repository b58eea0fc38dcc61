/// Gives the indicators of one document their polarity from the document's own key.
extension PolarityKey {
    /// Sets `polarity` and `polarity_source` on rows `range` of `indicators` (one document's rows):
    /// a polarity the row states (its polarity cell, kept in `_polarity_raw`, or a marker of the
    /// key in its title) first; then the National Indicator list's (set at recognition); then the
    /// paper's default. A row left without one is settled later from its title's wording
    /// (``PerformanceModel/setPolarity(_:)``).
    func apply(to indicators: inout IngestTable, rows range: Range<Int>) {
        for i in range where i < indicators.rows.count {
            var r = indicators.rows[i]
            defer { indicators.rows[i] = r }
            if let p = r["_polarity_raw"].flatMap({ polarity(cell: $0) }) ?? polarity(title: r["title"] ?? "") {
                r["polarity"] = p
                r["polarity_source"] = "document"
                continue
            }
            if let p = r["polarity"], !p.isEmpty {
                if (r["polarity_source"] ?? "").isEmpty { r["polarity_source"] = "reference" }
                continue
            }
            if let p = defaultPolarity {
                r["polarity"] = p
                r["polarity_source"] = "document"
            }
        }
    }
}
