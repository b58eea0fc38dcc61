import Foundation

/// Turns a ``ReportResult`` into the plain dictionaries and arrays the Mustache
/// templates read. Every value stays raw text; the template's content type escapes it.
enum ReportModel {
    /// The template context for `result`.
    static func context(_ result: ReportResult) -> [String: Any] {
        var contents: [[String: Any]] = []
        var sections: [[String: Any]] = []
        for (i, s) in result.sections.enumerated() {
            let number = "\(i + 1)"
            let heading = "\(number). \(s.heading)"
            let anchor = "section-\(number)"
            contents.append(["number": number, "heading": s.heading, "anchor": anchor, "slug": slug(heading)])
            sections.append([
                "number": number, "heading": s.heading, "anchor": anchor, "commentary": s.commentary,
                "hasCommentary": !s.commentary.isEmpty,
                "parts": s.parts.map { part($0, display: s.display, several: s.parts.count > 1) },
                "several": s.parts.count > 1,
            ])
        }
        return [
            "title": result.title,
            "ragRule": result.ragRule,
            "hasRagRule": !result.ragRule.isEmpty,
            "asOf": result.asOf.description,
            "reportFile": result.reportFile,
            "dataSource": result.dataSource,
            "parameters": result.parameters.map { ["name": $0.name, "value": $0.value, "isAll": $0.value.isEmpty] },
            "hasParameters": !result.parameters.isEmpty,
            "contents": contents,
            "sections": sections,
            "legend": [RagStatus.red, .amber, .green, .notStated].map(rag),
        ]
    }

    /// One query's result: a table, a chart, or the reason it was skipped.
    static func part(_ p: ReportResult.Part, display: ReportDisplay, several: Bool) -> [String: Any] {
        var out: [String: Any] = ["caption": p.caption, "hasCaption": !p.caption.isEmpty, "query": p.query]
        guard let table = p.table else {
            out["skipped"] = p.skipped ?? ""
            out["isSkipped"] = true
            return out
        }
        let model = ResultTableModel(table, matrix: display == .ragMatrix)
        out["rowCount"] = table.rowCount
        out["rowWord"] = table.rowCount == 1 ? "row" : "rows"
        out["isEmpty"] = table.rowCount == 0
        // "No rows: <why>." (a reason ending in a question keeps its question mark).
        if let why = p.emptyResult { out["emptyReason"] = why.reason + (why.reason.hasSuffix("?") ? "" : ".") }
        out["hasRows"] = table.rowCount > 0
        out["hasSource"] = model.hasSource
        out["columns"] = model.columns.map { c -> [String: Any] in
            var d: [String: Any] = ["name": c.name, "numeric": c.numeric]
            if let r = c.rag { d["rag"] = rag(r) }
            return d
        }
        out["rows"] = model.rows.map { row -> [String: Any] in
            ["cells": row.cells.map(cell), "source": row.source, "hasSource": model.hasSource]
        }
        let charts = ChartModel(compact: several)
        if display == .barChart, table.rowCount > 0, let chart = charts.bars(table) { out["bars"] = chart }
        if display == .ragMatrix, let chart = charts.stacked(model) { out["stacked"] = chart }
        if display == .barChart, let chart = out["bars"] as? [String: Any] {
            out["markdownBars"] = markdownBars(chart)
            out["hasMarkdownBars"] = true
            out["barsValueName"] = chart["valueName"] ?? ""
        }
        return out
    }

    static func cell(_ c: ResultTableModel.Cell) -> [String: Any] {
        var d: [String: Any] = ["text": c.text, "numeric": c.numeric]
        if let r = c.rag {
            d["rag"] = rag(r)
            // A status cell shows the word; a matrix count keeps its number and adds the word.
            if c.isCount { d["countLabel"] = r.label.lowercased() } else { d["text"] = r.label }
        }
        return d
    }

    static func rag(_ r: RagStatus) -> [String: Any] {
        ["cls": r.cssClass, "label": r.label, "emoji": r.emoji, "colour": r.colour, "textColour": r.textColour]
    }

    /// Bars drawn with block characters for Markdown (GitHub shows no inline SVG).
    static func markdownBars(_ chart: [String: Any]) -> [[String: Any]] {
        let bars = chart["items"] as? [[String: Any]] ?? []
        let widths = bars.map { Double($0["width"] as? String ?? "") ?? 0 }
        let maxW = max(widths.max() ?? 1, 1)
        return zip(bars, widths).map { bar, w in
            ["label": bar["label"] ?? "", "value": bar["value"] ?? "",
             "bar": String(repeating: "█", count: max(1, Int((w / maxW * 30).rounded())))]
        }
    }

    /// The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens.
    static func slug(_ heading: String) -> String {
        var out = ""
        for ch in heading.lowercased() {
            if ch.isLetter || ch.isNumber || ch == "-" || ch == "_" { out.append(ch) } else if ch == " " { out.append("-") }
        }
        return out
    }
}
