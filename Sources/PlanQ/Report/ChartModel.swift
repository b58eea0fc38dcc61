/// Geometry of the inline SVG charts, computed here so the templates only place
/// shapes: a bar chart (one bar per row) and a stacked RAG bar per matrix row.
struct ChartModel {
    /// Full width for a section's only chart; `compact` for charts side by side, drawn
    /// narrower so that they shrink less and their text stays readable.
    let width: Double
    let labelWidth: Double
    let rowHeight = 26.0
    let barHeight = 18.0
    let fontSize: Double
    /// Longest label drawn; a longer one keeps its start and end (plan names differ at
    /// the end), and the table under the chart has the full text.
    let maxLabel: Int

    init(compact: Bool) {
        width = compact ? 360 : 640
        labelWidth = compact ? 175 : 220
        fontSize = compact ? 13 : 12
        maxLabel = compact ? 24 : 34
    }

    func clip(_ s: String) -> String {
        s.count <= maxLabel ? s : String(s.prefix(maxLabel / 2 - 1)) + "…" + String(s.suffix(maxLabel / 2))
    }

    /// Bars for a `bar-chart` section: labels from the text columns, lengths from the
    /// last numeric column. Bars take the RAG colour when the value column or the label
    /// is a RAG word, else a dark blue (white text on it is 9:1).
    func bars(_ table: Table) -> [String: Any]? {
        guard let valueIndex = table.columns.indices.last(where: { table.columns[$0].type.isNumeric }) else { return nil }
        let hidden = Set(["document", "line"])
        let labelIndices = table.columns.indices.filter {
            $0 != valueIndex && !table.columns[$0].type.isNumeric && !hidden.contains(table.columns[$0].name.lowercased())
        }
        var values: [(String, Double)] = []
        for r in 0..<table.rowCount {
            let label = labelIndices.map { ResultTableModel.display(table.value(row: r, column: $0)) }
                .filter { !$0.isEmpty }.joined(separator: " · ")
            var d = 0.0
            switch table.value(row: r, column: valueIndex) {
            case .int(let n): d = Double(n)
            case .double(let x): d = x
            default: break
            }
            values.append((label.isEmpty ? "(none)" : label, d))
        }
        let maxValue = max(values.map { abs($0.1) }.max() ?? 0, 1e-9)
        let plot = width - labelWidth - 60
        let columnStatus = RagStatus(word: table.columns[valueIndex].name)
        var bars: [[String: Any]] = []
        for (k, (label, v)) in values.enumerated() {
            let y = Double(k) * rowHeight + 4
            let w = max(1, abs(v) / maxValue * plot)
            let status = columnStatus ?? RagStatus(word: label)
            bars.append([
                "y": fmt(y), "textY": fmt(y + barHeight - 5), "width": fmt(w), "x": fmt(labelWidth),
                "valueX": fmt(labelWidth + w + 6), "label": clip(label), "value": Value.format(v),
                "fill": status?.colour ?? "#1F4E79",
            ])
        }
        return ["width": fmt(width), "height": fmt(Double(values.count) * rowHeight + 8),
                "labelX": fmt(labelWidth - 8), "barHeight": fmt(barHeight), "fontSize": fmt(fontSize), "items": bars,
                "valueName": table.columns[valueIndex].name]
    }

    /// One stacked bar per row of a RAG matrix, segments in red, amber, green, not stated.
    func stacked(_ model: ResultTableModel) -> [String: Any]? {
        let statusColumns = model.columns.indices.filter { model.columns[$0].rag != nil }
        guard !statusColumns.isEmpty, !model.rows.isEmpty else { return nil }
        let labelColumns = model.columns.indices.filter { model.columns[$0].rag == nil && !model.columns[$0].numeric }
        let plot = width - labelWidth - 20
        var rows: [[String: Any]] = []
        let totals = model.rows.map { row in statusColumns.reduce(0.0) { $0 + (Double(row.cells[$1].text) ?? 0) } }
        let maxTotal = max(totals.max() ?? 0, 1)
        for (k, row) in model.rows.enumerated() {
            let y = Double(k) * rowHeight + 4
            var x = labelWidth
            var segments: [[String: Any]] = []
            for c in statusColumns {
                let n = Double(row.cells[c].text) ?? 0
                guard n > 0, let status = model.columns[c].rag else { continue }
                let w = n / maxTotal * plot
                segments.append(["x": fmt(x), "width": fmt(w), "fill": status.colour, "textFill": status.textColour,
                                 "textX": fmt(x + w / 2), "text": Value.format(n), "label": status.label])
                x += w
            }
            let label = labelColumns.map { row.cells[$0].text }.filter { !$0.isEmpty }.joined(separator: " · ")
            rows.append(["y": fmt(y), "textY": fmt(y + barHeight - 5), "label": clip(label.isEmpty ? "(none)" : label),
                         "segments": segments])
        }
        return ["width": fmt(width), "height": fmt(Double(rows.count) * rowHeight + 8),
                "labelX": fmt(labelWidth - 8), "barHeight": fmt(barHeight), "fontSize": fmt(fontSize), "items": rows]
    }

    func fmt(_ d: Double) -> String { Value.format((d * 10).rounded() / 10) }
}
