/// The typed payload of a ``Vector``: one contiguous buffer per physical type.
///
/// Operators switch on this once per batch, then run a loop specialised for the
/// payload type; no per-value enum is ever built.
public enum VectorData: @unchecked Sendable {
    case null(Int)
    case bool(ArraySlice<UInt8>)
    case int(ArraySlice<Int64>)
    case double(ArraySlice<Double>)
    case date(ArraySlice<Int32>)
    case text(ArraySlice<UInt32>, StringDictionary)
    case enumeration(ArraySlice<UInt32>, EnumType)

    public var count: Int {
        switch self {
        case .null(let n): return n
        case .bool(let a): return a.count
        case .int(let a): return a.count
        case .double(let a): return a.count
        case .date(let a): return a.count
        case .text(let a, _): return a.count
        case .enumeration(let a, _): return a.count
        }
    }

    public var type: DataType {
        switch self {
        case .null: return .null
        case .bool: return .bool
        case .int: return .int
        case .double: return .double
        case .date: return .date
        case .text: return .text
        case .enumeration(_, let e): return .enumeration(e)
        }
    }

    /// Rows `start..<start+count`, sharing storage.
    public func slice(_ start: Int, _ count: Int) -> VectorData {
        @inline(__always) func s<T>(_ a: ArraySlice<T>) -> ArraySlice<T> {
            let b = a.startIndex + start
            return a[b..<(b + count)]
        }
        switch self {
        case .null: return .null(count)
        case .bool(let a): return .bool(s(a))
        case .int(let a): return .int(s(a))
        case .double(let a): return .double(s(a))
        case .date(let a): return .date(s(a))
        case .text(let a, let d): return .text(s(a), d)
        case .enumeration(let a, let e): return .enumeration(s(a), e)
        }
    }

    /// The rows at the positions in `sel`, in order.
    public func gather(_ sel: UnsafeBufferPointer<UInt32>) -> VectorData {
        @inline(__always) func g<T>(_ a: ArraySlice<T>) -> ArraySlice<T> {
            // Nothing selected: a fresh empty array (the initialiser below would store a
            // count into the shared empty storage, a race between threads; see makeBuffer).
            if sel.isEmpty { return ArraySlice<T>() }
            return a.withUnsafeBufferPointer { src in
                let out = ContiguousArray<T>(unsafeUninitializedCapacity: sel.count) { dst, n in
                    for j in 0..<sel.count {
                        (dst.baseAddress! + j).initialize(to: src[Int(sel[j])])
                    }
                    n = sel.count
                }
                return out[...]
            }
        }
        switch self {
        case .null: return .null(sel.count)
        case .bool(let a): return .bool(g(a))
        case .int(let a): return .int(g(a))
        case .double(let a): return .double(g(a))
        case .date(let a): return .date(g(a))
        case .text(let a, let d): return .text(g(a), d)
        case .enumeration(let a, let e): return .enumeration(g(a), e)
        }
    }
}
