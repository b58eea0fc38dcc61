/// A column of values for one batch (or a whole table column): typed data plus validity.
///
/// `validity == nil` means no nulls. Values under a null bit are unspecified but
/// initialised (kernels compute over them freely and mask the result).
public struct Vector: @unchecked Sendable {
    public var data: VectorData
    public var validity: ValidityMask?

    public init(_ data: VectorData, validity: ValidityMask? = nil) {
        self.data = data
        self.validity = validity
    }

    public var count: Int { data.count }
    public var type: DataType { data.type }

    @inline(__always)
    public func isNull(_ i: Int) -> Bool {
        if case .null = data { return true }
        guard let v = validity else { return false }
        return !v.isValid(i)
    }

    public func slice(_ start: Int, _ count: Int) -> Vector {
        Vector(data.slice(start, count), validity: validity?.slice(start, count))
    }

    public func gather(_ sel: UnsafeBufferPointer<UInt32>) -> Vector {
        Vector(data.gather(sel), validity: validity?.gather(sel))
    }

    public func gather(_ sel: ContiguousArray<UInt32>) -> Vector {
        sel.withUnsafeBufferPointer { gather($0) }
    }

    /// Number of null rows.
    public var nullCount: Int {
        if case .null(let n) = data { return n }
        return validity?.nullCount ?? 0
    }

    /// The value at row `i`, boxed. For output and tests only: never in a hot loop.
    public func value(at i: Int) -> Value {
        if isNull(i) { return .null }
        switch data {
        case .null: return .null
        case .bool(let a): return .bool(a[a.startIndex + i] != 0)
        case .int(let a): return .int(a[a.startIndex + i])
        case .double(let a): return .double(a[a.startIndex + i])
        case .date(let a): return .date(a[a.startIndex + i])
        case .text(let a, let d): return .text(d[a[a.startIndex + i]])
        case .enumeration(let a, let e):
            let c = Int(a[a.startIndex + i])
            return .text(c < e.values.count ? e.values[c] : "?")
        }
    }
}

extension Vector {
    /// Rows at `indices`, where a negative index yields a null (outer joins, pivot holes).
    public func gatherOptional(_ indices: ContiguousArray<Int32>) -> Vector {
        let safe = ContiguousArray(indices.map { UInt32(max(0, $0)) })
        if count == 0 {
            return Vector(zeroData(type, indices.count), validity: ValidityMask(count: indices.count, allValid: false))
        }
        var out = gather(safe)
        if indices.contains(where: { $0 < 0 }) {
            var mask = out.validity?.aligned() ?? ValidityMask(count: indices.count, allValid: true)
            for (i, x) in indices.enumerated() where x < 0 { mask.set(i, valid: false) }
            out.validity = mask
        }
        return out
    }
}
