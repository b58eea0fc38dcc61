/// The string table behind a text column: each distinct string once, addressed by a `UInt32` code.
///
/// A dictionary is append-only and shared by reference between a column and every
/// batch sliced from it, so a code means the same string for the whole column.
/// Kernels that work on text evaluate once per dictionary entry, then gather by code.
public final class StringDictionary: @unchecked Sendable {
    public private(set) var strings: ContiguousArray<String>
    private var index: [String: UInt32]

    public init() {
        strings = []
        index = [:]
    }

    public init<S: Sequence>(unique: S) where S.Element == String {
        strings = ContiguousArray(unique)
        index = Dictionary(strings.enumerated().map { ($1, UInt32($0)) }, uniquingKeysWith: { a, _ in a })
    }

    /// Number of distinct strings.
    public var count: Int { strings.count }

    /// The code for `s`, adding it if it is new.
    @discardableResult
    public func intern(_ s: String) -> UInt32 {
        if let c = index[s] { return c }
        let c = UInt32(strings.count)
        strings.append(s)
        index[s] = c
        return c
    }

    /// The code of `s` if present.
    public func code(of s: String) -> UInt32? { index[s] }

    public subscript(code: UInt32) -> String { strings[Int(code)] }
}
