import Foundation

/// What the workbook's shared parts say: its sheets in order with the part holding each, the
/// shared strings, the number format of each cell style, and the date system.
struct XLSXWorkbook {
    /// A sheet: its name and the archive path of its part.
    struct Sheet {
        /// The name on its tab.
        var name: String
        /// The path of its XML part (`xl/worksheets/sheet1.xml`).
        var path: String
    }

    /// Most shared strings read (a guard on hostile workbooks).
    static let maxStrings = 4_000_000

    /// The worksheets in tab order (chart sheets left out).
    var sheets: [Sheet] = []
    /// The shared strings table.
    var strings: [String] = []
    /// The number format kind of each cell style (`s` attribute) index.
    var styles: [XLSXNumberFormat] = []
    /// Whether dates count from 1904.
    var date1904 = false

    /// Reads the shared parts of `archive`.
    init(_ archive: inout XLSXArchive) throws(DecodeFailure) {
        guard let workbook = try archive.part("xl/workbook.xml") else {
            throw DecodeFailure("not an xlsx workbook: the zip archive has no xl/workbook.xml (is it another kind of zip, or an .xls or .ods file?)")
        }
        var declared: [(name: String, rel: String)] = []
        try XMLEventReader.read(workbook, part: "xl/workbook.xml") { event throws(DecodeFailure) in
            guard case .start(let name, let attrs, _) = event else { return }
            if name == "workbookPr", let v = attrs["date1904"] { date1904 = v == "1" || v == "true" }
            if name == "sheet", let n = attrs["name"], let id = attrs["id"] { declared.append((n, id)) }
        }
        var targets: [String: (target: String, type: String)] = [:]
        if let rels = try archive.part("xl/_rels/workbook.xml.rels") {
            try XMLEventReader.read(rels, part: "xl/_rels/workbook.xml.rels") { event throws(DecodeFailure) in
                guard case .start("Relationship", let attrs, _) = event, let id = attrs["Id"], let t = attrs["Target"] else { return }
                targets[id] = (t, attrs["Type"] ?? "")
            }
        }
        for (i, d) in declared.enumerated() {
            if let t = targets[d.rel] {
                if t.type.hasSuffix("/chartsheet") || t.type.hasSuffix("/dialogsheet") { continue }
                sheets.append(Sheet(name: d.name, path: Self.resolve(t.target)))
            } else if archive.has("xl/worksheets/sheet\(i + 1).xml") {
                // No relationships part: the usual names, in order.
                sheets.append(Sheet(name: d.name, path: "xl/worksheets/sheet\(i + 1).xml"))
            }
        }
        if sheets.isEmpty { throw DecodeFailure("the workbook has no worksheets") }
        if let shared = try archive.part("xl/sharedStrings.xml") { strings = try Self.sharedStrings(shared) }
        if let s = try archive.part("xl/styles.xml") { styles = try Self.styles(s) }
    }

    /// An archive path from a relationship target (relative to `xl/`, or absolute from the root).
    static func resolve(_ target: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = ["xl"]
        for p in target.split(separator: "/") {
            if p == ".." { if !parts.isEmpty { parts.removeLast() } } else if p != "." { parts.append(String(p)) }
        }
        return parts.joined(separator: "/")
    }

    /// The shared strings: each `<si>`'s text runs joined, phonetic guides (`<rPh>`) left out.
    static func sharedStrings(_ data: Data) throws(DecodeFailure) -> [String] {
        var out: [String] = []
        var current = "", inT = false, inPhonetic = false
        try XMLEventReader.read(data, part: "xl/sharedStrings.xml") { event throws(DecodeFailure) in
            switch event {
            case .start("si", _, _): current = ""
            case .start("t", _, _): inT = true
            case .start("rPh", _, _): inPhonetic = true
            case .end("t"): inT = false
            case .end("rPh"): inPhonetic = false
            case .end("si"):
                out.append(current)
                if out.count > maxStrings { throw DecodeFailure("the workbook has over \(maxStrings) shared strings") }
            case .text(let s) where inT && !inPhonetic: current += s
            default: break
            }
        }
        return out
    }

    /// The number format kind of each cell style, from `<numFmts>` and `<cellXfs>`.
    static func styles(_ data: Data) throws(DecodeFailure) -> [XLSXNumberFormat] {
        var codes: [Int: String] = [:]
        var kinds: [XLSXNumberFormat] = []
        var inCellXfs = false
        try XMLEventReader.read(data, part: "xl/styles.xml") { event throws(DecodeFailure) in
            switch event {
            case .start("numFmt", let a, _):
                if let id = a["numFmtId"].flatMap(Int.init), let code = a["formatCode"] { codes[id] = code }
            case .start("cellXfs", _, _): inCellXfs = true
            case .end("cellXfs"): inCellXfs = false
            case .start("xf", let a, _) where inCellXfs:
                let id = a["numFmtId"].flatMap(Int.init) ?? 0
                kinds.append(XLSXNumberFormat.kind(id: id, code: codes[id]))
            default: break
            }
        }
        return kinds
    }
}
