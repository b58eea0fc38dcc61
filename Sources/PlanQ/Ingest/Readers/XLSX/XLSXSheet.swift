import Foundation

/// One worksheet's cells as text (shared and inline strings, numbers in their formats, booleans,
/// errors) and its merged ranges.
struct XLSXSheet {
    /// A merged range, inclusive.
    struct Merge {
        /// Top-left cell.
        var from: XLSXCellRef
        /// Bottom-right cell.
        var to: XLSXCellRef
    }

    /// Most non-empty cells read from one workbook (a guard on huge sheets).
    static let maxCells = 2_000_000

    /// Non-empty cells by row, then column.
    var rows: [Int: [Int: String]] = [:]
    /// Merged ranges.
    var merges: [Merge] = []
    /// Non-empty cells read.
    var cellCount = 0

    /// Reads the sheet part `data` with the workbook's strings and styles; `budget` is how many
    /// cells may still be read.
    init(_ data: Data, part: String, workbook: XLSXWorkbook, budget: Int) throws(DecodeFailure) {
        var ref: XLSXCellRef? = nil
        var type = "n", style = 0
        var value = "", inline = ""
        var inValue = false, inInlineText = false, inPhonetic = false
        var nextRow = 1, nextColumn = 1
        var rows: [Int: [Int: String]] = [:]
        var merges: [Merge] = []
        var count = 0
        try XMLEventReader.read(data, part: part) { event throws(DecodeFailure) in
            switch event {
            case .start("row", let a, _):
                if let r = a["r"].flatMap(Int.init), r >= 1, r <= XLSXCellRef.maxRow { nextRow = r }
                nextColumn = 1
            case .end("row"):
                nextRow += 1
            case .start("c", let a, _):
                // A cell without `r` follows the one before it.
                ref = a["r"].flatMap(XLSXCellRef.init) ?? XLSXCellRef(column: min(nextColumn, XLSXCellRef.maxColumn), row: nextRow)
                type = a["t"] ?? "n"
                style = a["s"].flatMap(Int.init) ?? 0
                value = ""; inline = ""
            case .start("v", _, _): inValue = true
            case .end("v"): inValue = false
            case .start("rPh", _, _): inPhonetic = true
            case .end("rPh"): inPhonetic = false
            case .start("t", _, _): inInlineText = true
            case .end("t"): inInlineText = false
            case .text(let s):
                if inValue { value += s } else if inInlineText && !inPhonetic { inline += s }
            case .end("c"):
                guard let at = ref else { return }
                ref = nil
                nextRow = at.row
                nextColumn = at.column + 1
                let text = Self.text(type: type, value: value, inline: inline, style: style, workbook: workbook)
                guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return }
                if rows[at.row, default: [:]].updateValue(text, forKey: at.column) == nil { count += 1 }
                if count > budget {
                    throw DecodeFailure("the workbook has over \(XLSXSheet.maxCells) non-empty cells (sheet part '\(part)')")
                }
            case .start("mergeCell", let a, _):
                let ends = (a["ref"] ?? "").split(separator: ":").map(String.init)
                if let f = ends.first.flatMap(XLSXCellRef.init), let t = (ends.count > 1 ? ends[1] : ends.first).flatMap(XLSXCellRef.init),
                   t.row >= f.row, t.column >= f.column {
                    merges.append(Merge(from: f, to: t))
                }
            default:
                break
            }
        }
        self.rows = rows
        self.merges = merges
        self.cellCount = count
    }

    /// A cell's text from its type (`t`), raw value and style.
    static func text(type: String, value: String, inline: String, style: Int, workbook: XLSXWorkbook) -> String {
        switch type {
        case "s":
            guard let i = Int(value.trimmingCharacters(in: .whitespaces)), i >= 0, i < workbook.strings.count else { return "" }
            return workbook.strings[i]
        case "inlineStr": return inline
        case "str", "e": return value
        case "b": return value == "1" ? "TRUE" : "FALSE"
        case "d": return String(value.prefix(10))  // ISO 8601 date cells (rare)
        default:
            guard let d = Double(value.trimmingCharacters(in: .whitespaces)) else { return value }
            let kind = style >= 0 && style < workbook.styles.count ? workbook.styles[style] : .number
            return kind.text(d, date1904: workbook.date1904)
        }
    }
}
