/// A half-open range of UTF-8 byte offsets into a source text.
public struct SourceSpan: Hashable, Sendable {
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    public static let none = SourceSpan(0, 0)

    /// The smallest span covering both.
    public func merged(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(min(start, other.start), max(end, other.end))
    }
}
