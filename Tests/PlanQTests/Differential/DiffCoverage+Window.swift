/// Coverage of the window family (``DiffWindowQuery``).
extension DiffCoverage {
    mutating func record(_ w: DiffWindowQuery) {
        add("window queries")
        if w.base.filter != nil { add("window: after where") }
        if w.base.grouped { add("window: over groups") }
        if w.base.table.rows.isEmpty { add("window: empty table") }
        if w.windows.count > 1 { add("window: several in one let") }
        for x in w.windows {
            add("window fn \(x.function)")
            add(x.partition.isEmpty ? "window: no per" : "window: per \(x.partition.count) key(s)")
            add(x.sort.isEmpty ? "window: unsorted" : "window: sorted")
            if x.sort.contains(where: \.descending) { add("window: desc key") }
            if x.offset != nil { add("window: lag/lead offset") }
            if x.function == "count" && x.argument == nil { add("window fn count()") }
            let table = w.base.table
            let nullable = table.columns.indices.filter { table.nullRate($0) > 0 }.map { table.columns[$0].name }
            func reads(_ e: DiffExpr) -> Bool { nullable.contains { e.sql.contains("\"\($0)\"") } }
            if !w.base.grouped {
                if x.partition.contains(where: reads) { add("window: null partition key") }
                if x.sort.prefix(2).contains(where: { reads($0.expr) }) { add("window: null sort key") }
                if let a = x.argument, reads(a) { add("window: null argument") }
            }
        }
    }
}
