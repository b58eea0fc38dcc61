import Foundation

/// Reads an xlsx workbook (performance returns, indicator sets) into a ``Document``: one block per
/// worksheet, in tab order, each a heading line with the sheet's name and then its rows.
///
/// The archive is opened through ZIPFoundation with zip-bomb guards (``XLSXArchive``) and each XML
/// part streamed through libxml2's reader. Values come out as an analyst sees them (``XLSXSheet``,
/// ``XLSXNumberFormat``): "45%", "2009-03-31", 16.2. Merged cells follow the layout of the page:
/// a title merged across the sheet is a prose line, a group heading merged over the columns of a
/// second header row (`2008/09` over `Actual | Target | Status`) is joined into that header
/// (`2008/09 Actual`), and a cell merged down (a theme beside several rows) names every row it
/// covers. Each line's origin is its sheet and first cell (`Q3 returns!B14`).
struct XLSXDocumentReader: DocumentFormatReader {
    /// The document in `data`.
    func read(_ data: Data, name: String) throws(DecodeFailure) -> Document {
        var archive = try XLSXArchive(data)
        let workbook = try XLSXWorkbook(&archive)
        var doc = Document(name: name, format: .xlsx)
        var budget = XLSXSheet.maxCells
        for sheet in workbook.sheets {
            guard let part = try archive.part(sheet.path) else {
                doc.notes.append("sheet '\(sheet.name)': its part \(sheet.path) is missing; skipped")
                continue
            }
            let cells = try XLSXSheet(part, part: sheet.path, workbook: workbook, budget: budget)
            budget -= cells.cellCount
            let before = doc.lines.count
            doc.append(text: sheet.name, origin: SourceOrigin(sheet: sheet.name))
            XLSXLayout(sheet: cells).emit(sheetName: sheet.name, into: &doc)
            doc.notes.append("sheet '\(sheet.name)': \(cells.cellCount) cells, \(doc.lines.count - before - 1) lines")
        }
        if doc.lines.count == workbook.sheets.count {
            throw DecodeFailure("the workbook's sheets are all empty")
        }
        return doc
    }
}
