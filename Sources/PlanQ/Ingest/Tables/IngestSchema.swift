/// The tables `planq ingest` writes, their columns and the closed vocabularies (ordered enums).
enum IngestSchema {
    /// Ordered enums, as written to schema.json.
    static let enums: [(String, [String])] = [
        ("direction", ["worse", "same", "improving"]),
        ("owner_source", ["record", "outcome"]),
        ("polarity", ["higher", "lower"]),
        ("rag", RatingNormalizer.rag),
        ("status_source", ["stated", "reported", "derived"]),
    ]

    /// A text column.
    static func t(_ n: String) -> IngestColumn { IngestColumn(name: n, type: "text") }
    /// An int column.
    static func i(_ n: String) -> IngestColumn { IngestColumn(name: n, type: "int") }
    /// A double column.
    static func d(_ n: String) -> IngestColumn { IngestColumn(name: n, type: "double") }
    /// A date column.
    static func date(_ n: String) -> IngestColumn { IngestColumn(name: n, type: "date") }
    /// An enum column using enum `en`.
    static func e(_ n: String, _ en: String) -> IngestColumn { IngestColumn(name: n, type: "enum", enumName: en) }

    /// `id`, `document`, `line`, `page`, `sheet`, `cell`: every record table starts with these. `line`
    /// is the line in a text or HTML file and the line on its page in a PDF; `page` is null but for
    /// PDF; `sheet` and `cell` (`Q3 returns`, `B14`) are null but for spreadsheets.
    static let located = [t("id"), t("document"), i("line"), i("page"), t("sheet"), t("cell")]
    /// The columns ``located`` adds after `line`, filled from each line's ``SourceOrigin``.
    static let originColumns = ["page", "sheet", "cell"]
    /// Where a record sits: plan, council, theme and outcome.
    static let placed = [t("plan"), t("council"), t("theme"), i("outcome_no"), t("outcome")]
    /// The join from a record table to `outcomes`.
    static let toOutcomes: [(String, [String])] = [("outcomes", ["plan", "outcome_no"])]

    /// Empty tables with every column, in the order they are written.
    static func emptyTables() -> [IngestTable] {
        [
            IngestTable(name: "plans", columns: [t("id"), t("plan"), t("council"), t("title"), t("kind"), t("period"),
                                                 date("published"), t("document"), i("line")]),
            IngestTable(name: "outcomes", columns: located + placed + [t("owner"), t("owner_raw"), t("organisation"), t("lead_partner"), t("key_partners")],
                        joinKeys: [("plans", ["plan"])]),
            IngestTable(name: "indicators", columns: located + placed + [
                t("ref"), t("code"), t("indicator_key"), t("title"), t("target_type"), t("unit"), e("polarity", "polarity"), t("polarity_source"),
                d("baseline"), t("baseline_period"), d("target"), t("target_period"), d("end_target"), t("end_target_period"),
                d("actual"), t("actual_period"), e("status", "rag"), e("status_source", "status_source"), t("status_period"),
                t("status_document"), i("status_line"), IngestColumn(name: "latest", type: "bool"), e("direction", "direction"),
                t("direction_from"), t("direction_to"),
                t("owner"), t("owner_raw"), e("owner_source", "owner_source"), t("organisation"), t("warnings"),
                t("baseline_raw"), t("target_raw"), t("end_target_raw"), t("actual_raw"), t("status_raw")], joinKeys: toOutcomes),
            IngestTable(name: "observations", columns: located + [t("plan"), t("council"), t("record_id"), t("record_kind"), t("indicator_key"),
                                                                  t("code"), t("title"), t("period"), t("period_type"), t("kind"),
                                                                  d("value"), t("unit"), e("status", "rag"), t("raw")]),
            IngestTable(name: "actions", columns: located + placed + [
                t("ref"), t("action_key"), t("action"), t("owner"), t("owner_raw"), e("owner_source", "owner_source"), t("organisation"), t("resources"),
                date("due"), t("due_raw"), e("status", "rag"), e("status_source", "status_source"), t("status_period"),
                t("status_document"), i("status_line"), IngestColumn(name: "latest", type: "bool"), t("sub_actions"), t("status_raw")], joinKeys: toOutcomes),
            IngestTable(name: "risks", columns: located + placed + [
                t("ref"), t("risk"), e("status", "rag"), t("impact"), t("likelihood"), t("priority"), t("rating_raw"),
                t("controls"), t("owner"), t("owner_raw"), e("owner_source", "owner_source"), date("due"), t("due_raw")], joinKeys: toOutcomes),
            IngestTable(name: "partnerships", columns: located + [t("partnership"), t("council"), t("function"), t("lead_officer"),
                                                                  t("post"), date("completed"), t("continue")]),
            IngestTable(name: "governance", columns: located + [t("partnership"), t("item"), t("owner"), t("owner_raw"), date("due"), t("due_raw"), t("state")]),
            IngestTable(name: "concerns", columns: located + [t("partnership"), t("concern"), t("action_planned"), t("officer"),
                                                          date("timescale")]),
            IngestTable(name: "progress", columns: located + [t("plan"), t("record_id"), t("period"), t("kind"), t("code"), t("ref"), t("title"),
                                                              e("status", "rag"), d("actual"), d("target"), t("comment")]),
            IngestTable(name: "status_counts", columns: located + [t("plan"), t("period"), t("kind"), i("red"), i("amber"), i("green"),
                                                                   i("other"), i("total"),
                                                                   i("read_red"), i("read_amber"), i("read_green"), i("read_total"),
                                                                   t("difference")]),
            IngestTable(name: "status_history", columns: located + [t("plan"), t("council"), t("record_id"), t("record_kind"),
                                                                    t("indicator_key"), t("action_key"), t("code"), t("title"), t("period"),
                                                                    e("status", "rag"), e("source", "status_source"), d("actual"), d("target")]),
            IngestTable(name: "owners", columns: [t("id"), t("document"), t("owner_raw"), t("person"), i("position"), i("people"),
                                                  t("rule"), i("records")]),
            IngestTable(name: "national_indicators", columns: [t("code"), i("number"), t("title"), e("polarity", "polarity"), t("theme")]),
        ]
    }

    /// The schema of `tables` as IO's ``DatasetSchema`` (the type `planq --data` reads schema.json
    /// into): the ordered enums, "" as null, each table's column types and join keys.
    static func schema(_ tables: [IngestTable]) -> DatasetSchema {
        var entries: [String: DatasetSchema.TableEntry] = [:]
        for t in tables {
            let columns = t.columns.map { ($0.name, DatasetSchema.ColumnEntry(type: $0.type, enumName: $0.enumName, values: nil)) }
            entries[t.name] = DatasetSchema.TableEntry(columns: Dictionary(columns, uniquingKeysWith: { a, _ in a }), null: [],
                                                       joinKeys: Dictionary(t.joinKeys, uniquingKeysWith: { a, _ in a }))
        }
        return DatasetSchema(enums: Dictionary(enums, uniquingKeysWith: { a, _ in a }), null: [""], tables: entries)
    }
}
