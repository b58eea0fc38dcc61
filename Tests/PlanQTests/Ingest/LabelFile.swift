import Foundation

/// A label file (`Tests/Ingest/Labels/**/*.tsv`) read strictly: the header must be exactly the
/// expected columns, every row must have exactly as many cells, and every value must be of its
/// column's kind. ``LabelScorer/readTSV(_:)`` pads short rows silently, which is right for scoring
/// but would let a malformed file score as if it were fine; this reader is the check against that.
struct LabelFile {
    /// A label file that does not follow the format, with every problem found (`file:line: …`).
    struct Malformed: Error, CustomStringConvertible {
        /// The problems, one a line.
        var problems: [String]
        /// All problems, one a line.
        var description: String { problems.joined(separator: "\n") }
    }

    /// The file's name, for messages.
    var name: String
    /// The rows, as column → value.
    var rows: [[String: String]]
    /// The 1-based line of each row in the label file.
    var fileLines: [Int]

    /// The words a column may hold, where it is a closed list (the empty string is always allowed).
    static let vocabulary: [String: Set<String>] = [
        "status": ["red", "amber", "green"],
        "polarity": ["higher", "lower"],
        "impact": ["low", "medium", "high", "extreme"],
        "likelihood": ["rare", "unlikely", "possible", "likely", "almost certain"],
        "kind": ["indicators", "actions"],
    ]
    /// Columns that hold a number or nothing.
    static let numeric: Set<String> = ["baseline", "target", "actual", "red", "amber", "green", "other", "total"]
    /// Columns that must never be empty.
    static let required: Set<String> = ["document", "line", "plan", "title", "action", "risk", "kind"]

    /// Reads `text` (the contents of `name`) with exactly the columns `header`.
    /// - Throws: ``Malformed`` listing every header, cell-count or value problem.
    static func parse(_ text: String, name: String, header: [String]) throws -> LabelFile {
        var problems: [String] = []
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        guard let first = lines.first else { throw Malformed(problems: ["\(name): the file is empty"]) }
        let found = first.components(separatedBy: "\t")
        if found != header {
            problems.append("\(name):1: header is \(found.joined(separator: "|")), expected \(header.joined(separator: "|"))")
        }
        var file = LabelFile(name: name, rows: [], fileLines: [])
        for (i, line) in lines.enumerated().dropFirst() {
            let cells = line.components(separatedBy: "\t")
            guard cells.count == header.count else {
                problems.append("\(name):\(i + 1): \(cells.count) cells, expected \(header.count)")
                continue
            }
            let row = Dictionary(uniqueKeysWithValues: zip(header, cells))
            problems += valueProblems(row, at: "\(name):\(i + 1)")
            file.rows.append(row)
            file.fileLines.append(i + 1)
        }
        if !problems.isEmpty { throw Malformed(problems: problems) }
        return file
    }

    /// Reads the label file at `url` with exactly the columns `header`.
    static func read(_ url: URL, header: [String]) throws -> LabelFile {
        try parse(try String(contentsOf: url, encoding: .utf8), name: url.lastPathComponent, header: header)
    }

    /// The problems of one row's values: closed vocabularies, numbers, ISO dates, required cells.
    static func valueProblems(_ row: [String: String], at place: String) -> [String] {
        var problems: [String] = []
        for (column, value) in row.sorted(by: { $0.key < $1.key }) {
            if value != value.trimmingCharacters(in: .whitespaces) { problems.append("\(place): \(column) has spaces around it") }
            if value.isEmpty {
                if required.contains(column) { problems.append("\(place): \(column) is empty") }
                continue
            }
            if let words = vocabulary[column], !words.contains(value) {
                problems.append("\(place): \(column) '\(value)' is not one of \(words.sorted().joined(separator: ", "))")
            }
            if numeric.contains(column), Double(value) == nil { problems.append("\(place): \(column) '\(value)' is not a number") }
            if column == "line", (Int(value) ?? 0) < 1 { problems.append("\(place): line '\(value)' is not a positive integer") }
            if column == "due", !isISODate(value) { problems.append("\(place): due '\(value)' is not an ISO date") }
        }
        return problems
    }

    /// Whether `s` is a real calendar date written `yyyy-mm-dd`.
    static func isISODate(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m), d >= 1 else { return false }
        let days = [31, (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return d <= days[m - 1]
    }

    /// Checks that every row names a document in `documents` (name → its number of lines) and a line
    /// inside it, and that no two rows share a document and line.
    /// - Throws: ``Malformed`` listing every such problem.
    func validate(documents: [String: Int]) throws {
        var problems: [String] = []
        var seen: Set<String> = []
        for (row, at) in zip(rows, fileLines) {
            let doc = row["document"] ?? "", line = Int(row["line"] ?? "") ?? 0
            guard let count = documents[doc] else {
                problems.append("\(name):\(at): document '\(doc)' is not one of \(documents.keys.sorted().joined(separator: ", "))")
                continue
            }
            if line > count { problems.append("\(name):\(at): line \(line) is past the end of \(doc) (\(count) lines)") }
            if !seen.insert("\(doc)#\(line)").inserted { problems.append("\(name):\(at): a second record at \(doc):\(line)") }
        }
        if !problems.isEmpty { throw Malformed(problems: problems) }
    }
}
