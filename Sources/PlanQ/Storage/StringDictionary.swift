import Foundation

/// The string table behind a text column: each distinct string once, addressed by a `UInt32` code.
///
/// A dictionary is append-only and shared by reference between a column and every
/// batch sliced from it, so a code means the same string for the whole column.
/// Kernels that work on text evaluate once per dictionary entry, then gather by code.
public final class StringDictionary: @unchecked Sendable {
    public private(set) var strings: ContiguousArray<String>
    private var index: [String: UInt32]

    /// A number no other dictionary in this process has or will have.
    ///
    /// Caches of per-dictionary work are keyed by it (with `count`, since a
    /// dictionary may grow). An object's address or `ObjectIdentifier` cannot serve:
    /// computed text (`coalesce`, `lower`, ...) makes a dictionary per batch, and a
    /// later batch's dictionary is often allocated where a freed one was, so a cache
    /// keyed by address hands it the freed one's answers.
    public let generation: UInt64

    public init() {
        strings = []
        index = [:]
        generation = DictionaryGeneration.next()
    }

    public init<S: Sequence>(unique: S) where S.Element == String {
        strings = ContiguousArray(unique)
        index = Dictionary(strings.enumerated().map { ($1, UInt32($0)) }, uniquingKeysWith: { a, _ in a })
        generation = DictionaryGeneration.next()
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

    /// The string with code `code`.
    public subscript(code: UInt32) -> String { strings[Int(code)] }
}
