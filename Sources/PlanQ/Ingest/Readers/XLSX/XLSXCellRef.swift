/// A cell reference such as `B14`: a 1-based column and row, within Excel's grid.
struct XLSXCellRef: Hashable {
    /// Excel's last column (XFD).
    static let maxColumn = 16_384
    /// Excel's last row.
    static let maxRow = 1_048_576

    /// 1-based column (A = 1).
    var column: Int
    /// 1-based row.
    var row: Int

    /// A reference from its parts.
    init(column: Int, row: Int) {
        self.column = column
        self.row = row
    }

    /// Parses `B14` (a `$` is ignored); nil when malformed or outside Excel's grid.
    init?(_ text: String) {
        var col = 0, row = 0, letters = 0, digits = 0
        for u in text.utf8 where u != UInt8(ascii: "$") {
            switch u {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard digits == 0, letters < 3 else { return nil }
                col = col * 26 + Int((u | 0x20) - UInt8(ascii: "a")) + 1
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard letters > 0, digits < 7 else { return nil }
                row = row * 10 + Int(u - UInt8(ascii: "0"))
                digits += 1
            default:
                return nil
            }
        }
        guard letters > 0, digits > 0, col <= Self.maxColumn, row >= 1, row <= Self.maxRow else { return nil }
        self.column = col
        self.row = row
    }

    /// The column's letters (1 → A, 28 → AB).
    static func letters(_ column: Int) -> String {
        var n = column, out = ""
        while n > 0 {
            let r = (n - 1) % 26
            out = String(UnicodeScalar(UInt8(65 + r))) + out
            n = (n - 1) / 26
        }
        return out
    }

    /// `B14`.
    var name: String { Self.letters(column) + String(row) }
}
