/// Where an indicator's polarity comes from when no one states it: the title's own wording.
extension StatusRule {
    /// Stems that say smaller values are better (`Reduce …`, `… killed or seriously injured`).
    static let lowerWords = ["reduc", "killed", "seriously injured", "absence", "absent", "not in education", "neet",
                             "death", "mortality", "crime", "offend", "offence", "conception", "obes", "vacan", "homeless",
                             "waiting time", "delay", "emergency admission", "excluded", "exclusion", "narrow", "gap between",
                             "low birth weight", "fear of", "anti social", "antisocial", "re offending",
                             "residual", "landfill", "emission", "co2", "fuel poverty", "unemploy", "benefit claimant",
                             "smoking prevalence", "misuse", "burglar", "violence", "casualties", "fly tipping", "litter"]
    /// Stems that say larger values are better (`Increase …`, `… satisfaction`, `achievement of …`).
    static let higherWords = ["increas", "improv", "achiev", "satisf", "participat", "take up", "employment rate",
                              "reaching level", "attain", "recycl", "compost", "stopping smoking", "breastfeeding",
                              "volunteer", "feel they can", "get on well", "within required timescales", "qualification",
                              "graduate"]

    /// `higher` or `lower` when the title's wording points one way only, else nil.
    ///
    /// Both ways (`Improve … so the gap … is reduced`) or neither gives nil: a guess is left out
    /// rather than written as a polarity.
    static func polarity(title: String) -> String? {
        let w = " " + TextCleaner.words(title) + " "
        let lower = lowerWords.contains { w.contains(" " + $0) }
        let higher = higherWords.contains { w.contains(" " + $0) }
        if lower == higher { return nil }
        return lower ? "lower" : "higher"
    }
}
