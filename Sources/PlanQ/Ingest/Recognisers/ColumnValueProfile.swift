import Foundation

/// What the cells of one table column hold, counted by kind: numbers (plain, percentages,
/// money), dates, status words, people's names, short repeated labels and sentences.
///
/// Header words say what a column is meant to hold; the cells say what it does hold, so a
/// `Progress` column whose cells are `Completed` / `Behind schedule` is a status column and an
/// unnamed column of dates is a due date.
struct ColumnValueProfile: Equatable, Sendable {
    /// Non-empty cells.
    var filled = 0
    /// Cells that read as a number (with or without a unit).
    var numbers = 0
    /// Cells whose number is a percentage.
    var percentages = 0
    /// Cells whose number is money (`£`).
    var money = 0
    /// Cells that read as a date or a period's end (``DateNormalizer/iso(_:)``).
    var dates = 0
    /// Cells that state a RAG status (``RatingNormalizer/status(in:)``).
    var statuses = 0
    /// Cells that look like a person's name (two or three capitalised words).
    var names = 0
    /// Cells of one to four words, no digits and no sentence punctuation: a category or label.
    var labels = 0
    /// Cells of more than eight words: prose.
    var sentences = 0
    /// Distinct texts among the label cells.
    var distinctLabels = 0

    /// The profile of column `col` over `rows`.
    init(rows: [SourceRow], column col: Int) {
        var seen = Set<String>()
        for row in rows {
            guard col < row.cells.count else { continue }
            let text = TextCleaner.clean(row.cells[col])
            if text.isEmpty { continue }
            filled += 1
            let words = text.split(separator: " ")
            if words.count > 8 { sentences += 1 }
            let v = NumberNormalizer.read(text)
            if v.value != nil, words.count <= 8 {
                numbers += 1
                if v.unit == "%" { percentages += 1 }
                if v.unit?.hasPrefix("£") == true { money += 1 }
            }
            if words.count <= 6, DateNormalizer.iso(text) != nil { dates += 1 }
            if words.count <= 6, RatingNormalizer.status(in: text) != nil { statuses += 1 }
            if Self.isName(words) { names += 1 }
            if (1...4).contains(words.count), !text.contains(where: \.isNumber), !text.contains(".") {
                labels += 1
                seen.insert(TextCleaner.key(text))
            }
        }
        distinctLabels = seen.count
    }

    /// Whether `words` read as a person's name: two or three words, each capitalised letters only.
    static func isName(_ words: [Substring]) -> Bool {
        guard (2...3).contains(words.count) else { return false }
        return words.allSatisfy { w in
            guard let f = w.first, f.isUppercase, w.count >= 2 else { return false }
            return w.dropFirst().allSatisfy { $0.isLowercase || $0 == "-" || $0 == "'" }
        }
    }

    /// Whether most filled cells (at least `share`) are of a kind counted `n`, with at least two cells.
    func most(_ n: Int, _ share: Double = 0.6) -> Bool { filled >= 2 && Double(n) >= share * Double(filled) }

    /// Whether the column reads as statuses: RAG words, or short labels drawn from a few repeated
    /// values (`Completed`, `On schedule`, `Behind schedule`), with no sentences among them.
    var readsAsStatus: Bool {
        if most(statuses) { return true }
        return filled >= 4 && most(labels, 0.7) && sentences == 0 && numbers == 0 && distinctLabels <= max(3, filled / 2)
            && distinctLabels <= 8
    }
}
