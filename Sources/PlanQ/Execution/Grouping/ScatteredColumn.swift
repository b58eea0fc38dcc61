import Foundation

/// One fixed-width argument column of a radix-partitioned aggregation, its rows
/// moved by a counting sort into partition order (``Aggregate``'s scatter
/// phase). Values live in one raw buffer of `count` slots, written by several
/// threads at once (each thread owns disjoint slots, so nothing is shared), and
/// a partition's rows are read back as one typed ``Vector``.
///
/// Text arguments are not scattered (their codes may come from a different
/// dictionary in each batch); the planner's other paths take them.
final class ScatteredColumn: @unchecked Sendable {
    /// The element type of the column.
    enum Kind {
        case bool, int, double, date
        case enumeration(EnumType)
    }

    let kind: Kind
    let count: Int
    /// Bytes per value.
    private let width: Int
    private let values: UnsafeMutableRawPointer
    /// One byte per row (1 = valid), present when some batch of the column can hold nulls.
    private let valid: UnsafeMutablePointer<UInt8>?

    /// The kind for an argument of static type `type`, or nil when it cannot be scattered.
    static func kind(of type: DataType) -> Kind? {
        switch type {
        case .bool: return .bool
        case .int: return .int
        case .double: return .double
        case .date: return .date
        case .enumeration(let e): return .enumeration(e)
        case .text, .null: return nil
        }
    }

    /// An uninitialised column of `count` rows; `nullable` adds the validity bytes.
    init(kind: Kind, count: Int, nullable: Bool) {
        self.kind = kind
        self.count = count
        switch kind {
        case .bool: width = 1
        case .int, .double: width = 8
        case .date, .enumeration: width = 4
        }
        values = UnsafeMutableRawPointer.allocate(byteCount: max(1, count * width), alignment: 8)
        valid = nullable ? UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, count)) : nil
    }

    deinit {
        values.deallocate()
        valid?.deallocate()
    }

    /// Whether `v` (a batch of this argument) can hold nulls.
    static func hasNulls(_ v: Vector) -> Bool {
        if case .null = v.data { return true }
        return v.validity != nil
    }

    /// Moves row `i` of `v` to slot `dst[i]`.
    func scatter(_ v: Vector, _ dst: UnsafeBufferPointer<Int>) throws {
        let n = dst.count
        @inline(__always) func move<T>(_ a: ArraySlice<T>, _: T.Type) {
            let out = values.assumingMemoryBound(to: T.self)
            a.withUnsafeBufferPointer { src in
                for i in 0..<n { out[dst[i]] = src[i] }
            }
        }
        switch (kind, v.data) {
        case (.bool, .bool(let a)): move(a, UInt8.self)
        case (.int, .int(let a)): move(a, Int64.self)
        case (.double, .double(let a)): move(a, Double.self)
        case (.date, .date(let a)): move(a, Int32.self)
        case (.enumeration, .enumeration(let a, _)): move(a, UInt32.self)
        case (_, .null):
            // Every row null: zero the slots (values under a null are never read, but stay initialised).
            for i in 0..<n { memset(values + dst[i] * width, 0, width) }
        default:
            throw Diagnostic("internal error: a \(v.type) batch in a scattered \(kind) aggregate argument")
        }
        guard let valid else { return }
        if case .null = v.data {
            for i in 0..<n { valid[dst[i]] = 0 }
        } else if let mask = v.validity {
            for i in 0..<n { valid[dst[i]] = mask.isValid(i) ? 1 : 0 }
        } else {
            for i in 0..<n { valid[dst[i]] = 1 }
        }
    }

    /// Rows `start..<end` as a vector (a copy: the column is freed with the aggregation).
    func vector(_ start: Int, _ end: Int) -> Vector {
        let n = end - start
        func copy<T>(_: T.Type) -> ArraySlice<T> {
            let src = (values + start * width).assumingMemoryBound(to: T.self)
            return makeBuffer(n) { (o: UnsafeMutableBufferPointer<T>) in
                guard let base = o.baseAddress else { return }
                base.initialize(from: src, count: n)
            }[...]
        }
        let data: VectorData
        switch kind {
        case .bool: data = .bool(copy(UInt8.self))
        case .int: data = .int(copy(Int64.self))
        case .double: data = .double(copy(Double.self))
        case .date: data = .date(copy(Int32.self))
        case .enumeration(let e): data = .enumeration(copy(UInt32.self), e)
        }
        guard let valid else { return Vector(data) }
        let mask = ValidityMask(bytes: UnsafeBufferPointer(start: valid + start, count: n))
        return Vector(data, validity: mask.allValid ? nil : mask)
    }
}
