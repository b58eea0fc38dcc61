/// One query result laid out for the templates: header, rows of display strings,
/// RAG cells marked, and `document` + `line` folded into one "Source" cell per row.
///
/// Values stay plain strings here; the template engine escapes them for the output
/// format, so nothing from the data reaches the document unescaped.
struct ResultTableModel {
    struct Cell {
        var text: String
        var numeric: Bool
        var rag: RagStatus?
        /// A count in a RAG matrix (the number is shown, the status word beside it).
        var isCount = false
    }

    var columns: [(name: String, numeric: Bool, rag: RagStatus?)] = []
    var rows: [(cells: [Cell], source: String)] = []
    var hasSource = false
    /// Index in the table of each shown column.
    var shown: [Int] = []

    /// Lays out `table`. With `matrix`, columns named red/amber/green/null are RAG
    /// count columns and a Total column is added.
    init(_ table: Table, matrix: Bool) {
        let docIndex = table.columnIndex("document")
        let lineIndex = table.columnIndex("line")
        hasSource = docIndex != nil
        let hidden = Set([docIndex, hasSource ? lineIndex : nil].compactMap { $0 })
        shown = table.columns.indices.filter { !hidden.contains($0) }
        let ragColumns = shown.map { ResultTableModel.isRagColumn(table.columns[$0]) }
        let directionColumns = shown.map { ResultTableModel.isDirectionColumn(table.columns[$0]) }
        let matrixStatus: [RagStatus?] = shown.map { matrix ? ResultTableModel.matrixStatus(table.columns[$0].name) : nil }
        for (k, i) in shown.enumerated() {
            let c = table.columns[i]
            let status = matrixStatus[k]
            columns.append((status?.label ?? c.name, c.type.isNumeric, status))
        }
        // A table with its own total (a document's stated tallies) keeps it.
        let addTotal = matrix && matrixStatus.contains { $0 != nil } && table.columnIndex("total") == nil
        if addTotal { columns.append(("Total", true, nil)) }
        for r in 0..<table.rowCount {
            var cells: [Cell] = []
            var total = 0.0
            for (k, i) in shown.enumerated() {
                let v = table.value(row: r, column: i)
                // A matrix row's label must say something: a null key reads "(none)".
                let shownText = matrix && matrixStatus[k] == nil && v.isNull && !table.columns[i].type.isNumeric ? "(none)" : ResultTableModel.display(v)
                let text = directionColumns[k] && !v.isNull ? ResultTableModel.arrow(shownText) : shownText
                var rag: RagStatus?
                if ragColumns[k] { rag = RagStatus(word: text) ?? (v.isNull ? .notStated : nil) }
                if let s = matrixStatus[k] {
                    if case .int(let n) = v { total += Double(n) }
                    if case .double(let d) = v { total += d }
                    rag = (v == .int(0) || v.isNull) ? nil : s
                }
                cells.append(Cell(text: text, numeric: table.columns[i].type.isNumeric, rag: rag, isCount: matrixStatus[k] != nil))
            }
            if addTotal { cells.append(Cell(text: Value.format(total), numeric: true, rag: nil)) }
            rows.append((cells, source(table, r, docIndex, lineIndex)))
        }
    }

    /// `document:line`, `document`, or empty.
    func source(_ t: Table, _ r: Int, _ doc: Int?, _ line: Int?) -> String {
        guard let doc else { return "" }
        let d = t.value(row: r, column: doc)
        if d.isNull { return "" }
        guard let line else { return d.description }
        let l = t.value(row: r, column: line)
        return l.isNull ? d.description : "\(d):\(l)"
    }

    /// A column holds RAG words: the `rag` enum (or any enum of red/amber/green), or a
    /// text column called status, rag or rating.
    static func isRagColumn(_ c: Column) -> Bool {
        if let e = c.type.enumType {
            let words = Set(e.values.map { $0.lowercased() })
            return words.isSuperset(of: ["red", "amber", "green"])
        }
        return c.type == .text && ["status", "rag", "rating"].contains(c.name.lowercased())
    }

    /// A column of directions of travel: the `direction` enum (worse, same, improving).
    static func isDirectionColumn(_ c: Column) -> Bool {
        guard let e = c.type.enumType else { return false }
        return Set(e.values.map { $0.lowercased() }) == ["worse", "same", "improving"]
    }

    /// A direction with its arrow; the word stays beside it so the page reads in black and white.
    static func arrow(_ word: String) -> String {
        switch word.lowercased() {
        case "improving": return "↑ improving"
        case "worse": return "↓ worse"
        case "same": return "→ same"
        default: return word
        }
    }

    /// A pivot's status column: `red`, `amber`, `green`, or `null` (not stated).
    static func matrixStatus(_ name: String) -> RagStatus? {
        if name.lowercased() == "null" { return .notStated }
        return RagStatus(word: name)
    }

    /// A value as text: nulls empty, doubles without trailing zeros, dates ISO.
    static func display(_ v: Value) -> String {
        v.isNull ? "" : v.description
    }
}
