/// A closed, ordered vocabulary such as RAG (`red`, `amber`, `green`).
///
/// Values are stored as `UInt32` codes: the index of the value in `values`.
/// Sorting an enum column sorts by code, so the declared order is the sort order.
public final class EnumType: Hashable, @unchecked Sendable {
    public let name: String
    public let values: [String]
    private let index: [String: UInt32]

    public init(name: String, values: [String]) {
        self.name = name
        self.values = values
        var index: [String: UInt32] = [:]
        for (i, v) in values.enumerated() where index[v.lowercased()] == nil {
            index[v.lowercased()] = UInt32(i)
        }
        self.index = index
    }

    /// The code of `value`, matched case-insensitively; nil when it is not a member.
    public func code(of value: String) -> UInt32? {
        index[value.lowercased()]
    }

    public static func == (a: EnumType, b: EnumType) -> Bool {
        a === b || (a.name == b.name && a.values == b.values)
    }

    public func hash(into h: inout Hasher) {
        h.combine(name)
        h.combine(values)
    }

    /// The red/amber/green status scale, in its conventional order.
    public static let rag = EnumType(name: "rag", values: ["red", "amber", "green"])
}
