import PlanQ

/// The tables behind `.tables` and `.schema`: facts about loaded data, as result tables
/// so they print in the current `.mode` like any query result.
enum SchemaSummary {
    /// One row per table: name, rows, columns.
    static func tables(_ catalog: Catalog) -> Table {
        let tables = catalog.tableNames.compactMap(catalog.table)
        return build([("table", .texts(tables.map(\.name))),
                      ("rows", .ints(tables.map { Int64($0.rowCount) })),
                      ("columns", .ints(tables.map { Int64($0.columns.count) }))])
    }

    /// One row per column of `table`: name, type, null count, distinct non-null values.
    static func columns(_ table: Table) -> Table {
        let cols = table.columns
        return build([("column", .texts(cols.map(\.name))),
                      ("type", .texts(cols.map(\.type.description))),
                      ("nulls", .ints(cols.map { Int64($0.vector.nullCount) })),
                      ("distinct", .ints(cols.map { Int64(distinctCount($0.vector)) }))])
    }

    /// Distinct non-null values. Coded columns count the codes in use (an enum may
    /// declare values no row has); others compare boxed values, which is fine for a
    /// command typed by hand.
    static func distinctCount(_ v: Vector) -> Int {
        switch v.data {
        case .text(let codes, _), .enumeration(let codes, _):
            var seen = Set<UInt32>()
            for (i, c) in codes.enumerated() where !v.isNull(i) { seen.insert(c) }
            return seen.count
        default:
            var seen = Set<Value>()
            for i in 0..<v.count where !v.isNull(i) { seen.insert(v.value(at: i)) }
            return seen.count
        }
    }

    enum Values {
        case texts([String])
        case ints([Int64])
    }

    private static func build(_ columns: [(String, Values)]) -> Table {
        Table(name: "schema", columns: columns.map { name, values in
            switch values {
            case .texts(let s):
                let dict = StringDictionary()
                return Column(name: name, vector: Vector(.text(ArraySlice(s.map { dict.intern($0) }), dict)))
            case .ints(let n):
                return Column(name: name, vector: Vector(.int(ArraySlice(n))))
            }
        })
    }
}
