import Foundation

/// The file formats `planq ingest` reads. Detected from the content (magic bytes, markup), not only
/// from the file name; `--input-format` overrides the detection.
public enum DocumentFormat: String, CaseIterable, Sendable {
    /// Plain text: tab-separated tables, or tables laid out with runs of spaces.
    case text
    /// PDF committee papers (text layer read from word boxes).
    case pdf
    /// HTML committee pages.
    case html
    /// Excel workbooks (Office Open XML).
    case xlsx
    /// Comma-separated values: one table with a header.
    case csv
    /// Tab-separated values: one table with a header.
    case tsv

    /// The format of `data`, from its first bytes, then from the name's extension.
    public static func detect(_ data: Data, name: String) -> DocumentFormat {
        let head = data.prefix(8)
        if head.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .xlsx }
        // Excel 97-2003 (an OLE compound file): the xlsx reader says how to convert it.
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { return .xlsx }
        let ext = (name as NSString).pathExtension.lowercased()
        let sample = String(decoding: data.prefix(4096), as: UTF8.self).lowercased()
        if sample.contains("<!doctype html") || sample.contains("<html") || sample.contains("<table") || sample.contains("<body") {
            return .html
        }
        switch ext {
        case "csv": return .csv
        case "tsv", "tab": return .tsv
        case "htm", "html", "xhtml": return .html
        // A file named as a workbook that is not a zip: the xlsx reader says so, rather than the
        // text reader reading it as prose.
        case "xlsx", "xlsm", "xls": return .xlsx
        default: return .text
        }
    }
}
