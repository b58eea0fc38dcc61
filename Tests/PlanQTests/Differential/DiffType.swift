/// The column types the differential generator produces, and how each maps to
/// planq and to SQLite (dates as ISO text, bools as 0/1, enums as their codes).
enum DiffType: String, CaseIterable {
    case int, double, text, bool, date, rag

    /// The RAG scale: declared order red < amber < green (not alphabetical, on purpose).
    static let ragValues = ["red", "amber", "green"]

    var sqlType: String {
        switch self {
        case .int, .bool, .rag: return "INTEGER"
        case .double: return "REAL"
        case .text, .date: return "TEXT"
        }
    }

    var isNumeric: Bool { self == .int || self == .double }
    /// Types with a total order both engines agree on (so `sort`, `min`, `max` apply).
    var isOrdered: Bool { self != .bool }
}
