/// The logical type of a column, vector or expression.
///
/// Physical layouts: `bool` is one byte per row (0/1), `int` is `Int64`,
/// `double` is `Double`, `date` is `Int32` days since 1970-01-01, `text` is
/// `UInt32` codes into a ``StringDictionary``, and `enumeration` is `UInt32`
/// codes into the ordered values of an ``EnumType``. `null` is the type of the
/// bare `null` literal before it is unified with another type.
public enum DataType: Hashable, CustomStringConvertible, Sendable {
    case null
    case bool
    case int
    case double
    case date
    case text
    case enumeration(EnumType)

    public var description: String {
        switch self {
        case .null: return "null"
        case .bool: return "bool"
        case .int: return "int"
        case .double: return "double"
        case .date: return "date"
        case .text: return "text"
        case .enumeration(let e): return "enum(\(e.name))"
        }
    }

    /// True for `int` and `double`.
    public var isNumeric: Bool { self == .int || self == .double }

    /// True for types stored as `UInt32` codes (text and enums).
    public var isCoded: Bool {
        switch self {
        case .text, .enumeration: return true
        default: return false
        }
    }

    /// The enum type, if this is an enumeration.
    public var enumType: EnumType? {
        if case .enumeration(let e) = self { return e }
        return nil
    }
}
