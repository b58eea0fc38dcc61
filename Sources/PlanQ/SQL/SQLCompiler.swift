/// Compiles a bound planq query to the SQL of PostgreSQL, DuckDB or Spark.
///
/// The input is the binder's ``LogicalPlan``, so names, bare enum words and types are
/// already resolved; the output keeps planq's semantics (three-valued nulls, checked
/// integer overflow, `//` and `%` truncating, division by zero as null, the RAG order
/// through an ordinal, nulls last in every sort). Each plan step becomes a named
/// `WITH` step when it needs its own `SELECT` (a grouping, a limit, a join side);
/// filters and computed columns fold into the step that reads them.
///
/// What a dialect cannot express is an ``SQLUnsupported`` error, never approximate SQL.
public struct SQLCompiler {
    /// Choices that do not change what a query means.
    public struct Options: Sendable {
        /// A column every table has that numbers its rows in load order. With it, the SQL
        /// also reproduces planq's row order (first appearance of groups, ties in input
        /// order), so `limit` and `top` pick the same rows planq picks among ties.
        public var rowOrderColumn: String?

        /// Whether a text pivot's columns come from running the pivot's input over the
        /// catalog's tables (true where the data is loaded, as for `planq sql`); false
        /// where the catalog holds only shapes (`--engine`): then the column's known values.
        public var pivotValuesFromData: Bool

        public init(rowOrderColumn: String? = nil, pivotValuesFromData: Bool = true) {
            self.rowOrderColumn = rowOrderColumn
            self.pivotValuesFromData = pivotValuesFromData
        }
    }

    let dialect: SQLDialect
    let options: Options
    /// Display names of column IDs (the binder's), used to name columns of steps.
    var names: [ColumnID: String]
    var script = SQLScript()
    var stepNames: [String: Int] = [:]
    /// Every step name given out or reserved (lowercased), so none is given twice.
    var usedStepNames: Set<String> = []
    /// The `WITH` step holding each named result (by lowercased name), when it is not the name itself.
    var tableSteps: [String: String] = [:]

    init(dialect: SQLDialect, options: Options, names: [ColumnID: String]) {
        self.dialect = dialect
        self.options = options
        self.names = names
    }

    /// The SQL for a bound query, one statement without a trailing semicolon.
    public static func compile(_ query: BoundQuery, dialect: SQLDialect, options: Options = Options()) throws -> String {
        var c = SQLCompiler(dialect: dialect, options: options, names: query.names)
        return try c.compileBound(query)
    }

    /// The SQL of `query` after the steps already in the script (named results).
    mutating func compileBound(_ query: BoundQuery) throws -> String {
        let rel = try relation(query.plan, needed: Set(query.plan.outputs))
        let outs = query.plan.outputs
        var items: [SQLSelect.Item] = []
        for (id, name) in zip(outs, query.columnNames) {
            guard let col = rel.columns[id] else { throw SQLUnsupported.internalError("column \(name) is missing") }
            items.append(SQLSelect.Item(sql: col.sql, alias: name))
        }
        script.final = SQLSelect(items: items, from: rel.from, filters: rel.filters,
                                 orderBy: rel.order.map { $0.rendered })
        foldLastStep(rel, items: items)
        return script.render(dialect)
    }

    /// For `table NAME = query`: the block defining NAME as a `WITH` step, holding the
    /// result's columns and, with a row-order column, that column numbering the rows in
    /// planq's order (so later statements read NAME in the order planq keeps it).
    mutating func definitionSelect(_ query: BoundQuery) throws -> SQLSelect {
        var rel = try relation(query.plan, needed: Set(query.plan.outputs))
        // Written out first, so the order is one hidden column of a step and never the row-order
        // column itself (Spark reads `ORDER BY planq_row` beside `AS planq_row` as the alias).
        if options.rowOrderColumn != nil && !rel.order.isEmpty {
            rel = try materialize(rel, outputs: query.plan.outputs, base: "rows")
        }
        var items: [SQLSelect.Item] = []
        for (id, name) in zip(query.plan.outputs, query.columnNames) {
            guard let col = rel.columns[id] else { throw SQLUnsupported.internalError("column \(name) is missing") }
            items.append(SQLSelect.Item(sql: col.sql, alias: name))
        }
        if let r = options.rowOrderColumn {
            if let t = rel.order.first, !t.descending {
                items.append(.init(sql: t.sql, alias: r))
            } else {
                let over = rel.order.isEmpty ? "" : "ORDER BY " + rel.order.map(\.rendered).joined(separator: ", ")
                items.append(.init(sql: "row_number() OVER (\(over))", alias: r))
            }
        }
        return SQLSelect(items: items, from: rel.from, filters: rel.filters)
    }

    /// When the final `SELECT` only renames the columns of the last step, that step
    /// becomes the final `SELECT` itself (one block fewer to read).
    mutating func foldLastStep(_ rel: SQLRelation, items: [SQLSelect.Item]) {
        // A union's block keeps its own shape (its hidden order columns are on both sides).
        guard let last = script.steps.last, rel.source == last.name, rel.filters.isEmpty, last.select.unionAll.isEmpty, last.select.folds,
              !last.select.distinct || rel.order.isEmpty else { return }
        var byAlias: [String: String] = [:]
        for item in last.select.items { if let a = item.alias { byAlias[a] = item.sql } }
        var folded = last.select
        var newItems: [SQLSelect.Item] = []
        for (item, id) in zip(items, itemIDs(rel, items)) {
            guard let ref = id, let sql = byAlias[ref] else { return }
            newItems.append(.init(sql: sql, alias: item.alias))
        }
        if folded.limit == nil {
            // An output column is ordered by its name (engines match a grouped expression
            // written twice unreliably); a hidden one by its expression.
            var finalName: [String: String] = [:]
            for (item, ref) in zip(items, itemIDs(rel, items)) { if let ref, let a = item.alias { finalName[ref] = a } }
            // A grouped block orders by hidden aggregates unreliably (Spark cannot with a window
            // in the list): it is folded only when every order term is an output column.
            let grouped = !last.select.groupBy.isEmpty || !last.select.having.isEmpty
            var order: [String] = []
            for t in rel.order {
                if grouped && t.ref.flatMap({ finalName[$0] }) == nil { return }
                guard let ref = t.ref, let sql = finalName[ref].map(dialect.quote) ?? byAlias[ref] else { return }
                order.append(SQLRelation.OrderTerm(sql: sql, descending: t.descending, ref: nil).rendered)
            }
            folded.orderBy = order
        }
        // A distinct block may only order by what it selects; the order is empty here.
        folded.items = newItems
        script.steps.removeLast()
        script.final = folded
    }

    /// For each final item, the step column it reads (nil when it is not a bare reference).
    func itemIDs(_ rel: SQLRelation, _ items: [SQLSelect.Item]) -> [String?] {
        var refBySQL: [String: String] = [:]
        for c in rel.columns.values { if let r = c.ref { refBySQL[c.sql] = r } }
        return items.map { refBySQL[$0.sql] }
    }

    /// A fresh name for a `WITH` step: `grouped`, then `grouped_2`, ...
    mutating func stepName(_ base: String) -> String {
        while true {
            let n = (stepNames[base] ?? 0) + 1
            stepNames[base] = n
            let name = n == 1 ? base : "\(base)_\(n)"
            // Named results and earlier steps keep their names.
            if usedStepNames.insert(name.lowercased()).inserted { return name }
        }
    }
}

