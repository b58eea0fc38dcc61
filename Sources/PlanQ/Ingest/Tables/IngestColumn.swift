/// A column of an ingested table: its name and schema type (`text`, `int`, `double`, `date`, or
/// `enum` with the enum's name).
struct IngestColumn: Sendable {
    /// The column name.
    var name: String
    /// The schema type.
    var type: String
    /// The enum the column uses when `type` is `enum`.
    var enumName: String? = nil
}
