import Foundation

/// Reads a CSV or TSV file (performance returns, open data) as one table with a header.
///
/// CSV goes through IO's RFC 4180 record parser (``CSVRecord``), the same rules and error
/// positions as `planq --data`; rows may be ragged, as exported returns often are. TSV has no
/// quoting: each line is a row, split at tabs. Every record becomes one tab-joined row of the
/// document, so the recognisers see the header first and the records under it.
struct DelimitedDocumentReader: DocumentFormatReader {
    /// The field separator (`,` or a tab).
    var separator: Character

    /// The document in `data`.
    func read(_ data: Data, name: String) throws(DecodeFailure) -> Document {
        if data.prefix(65536).contains(0) { throw DecodeFailure("the document looks binary (it holds NUL bytes), not \(label)") }
        var doc = Document(name: name, format: separator == "," ? .csv : .tsv)
        let records: [(line: Int, fields: [String])]
        if separator == "," {
            do {
                records = try CSVRecord.records(Array(data), name: name)
            } catch {
                throw DecodeFailure("\(error)".trimmingCharacters(in: .whitespacesAndNewlines))
            }
        } else {
            guard let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .windowsCP1252) else {
                throw DecodeFailure("the document is not UTF-8 or Windows-1252 text")
            }
            var out: [(line: Int, fields: [String])] = []
            // "\r\n" is one Character in Swift, so lines are split on every kind of line end.
            let split = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            for (i, raw) in split.enumerated() {
                var line = String(raw)
                if i == 0, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
                if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
                out.append((i + 1, line.components(separatedBy: "\t")))
            }
            records = out
        }
        let rows = records.filter { !$0.fields.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
        guard let header = rows.first else { throw DecodeFailure("the \(label) file holds no records") }
        let width = rows.map(\.fields.count).max() ?? header.fields.count
        for (k, r) in rows.enumerated() {
            // Short rows are padded so every record has the header's columns.
            var cells = r.fields + Array(repeating: "", count: max(0, width - r.fields.count))
            if k == 0 { cells = cells.map(Self.spelled) }
            doc.append(cells: cells, origin: SourceOrigin(line: r.line))
        }
        doc.notes.append("\(label): one table, \(header.fields.count) columns, \(rows.count - 1) records")
        return doc
    }

    /// "CSV" or "TSV", for messages.
    var label: String { separator == "," ? "CSV" : "TSV" }
}
