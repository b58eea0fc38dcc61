/// Small building blocks shared by the kernels: fresh typed buffers filled by a
/// closure the optimiser inlines, so each kernel compiles to a plain loop.

@inline(__always)
func makeBuffer<T>(_ n: Int, _ body: (UnsafeMutableBufferPointer<T>) -> Void) -> ContiguousArray<T> {
    // With n == 0 the initialiser stores the count into the stdlib's shared empty-array
    // storage: two threads doing so at once is a data race (ThreadSanitizer saw it
    // when two partitions of a parallel aggregate were both empty).
    if n == 0 { return ContiguousArray() }
    return ContiguousArray<T>(unsafeUninitializedCapacity: n) { buf, count in
        body(buf)
        count = n
    }
}

@inline(__always)
func map1<A, R>(_ a: ArraySlice<A>, _ f: (A) -> R) -> ArraySlice<R> {
    a.withUnsafeBufferPointer { pa in
        makeBuffer(pa.count) { (out: UnsafeMutableBufferPointer<R>) in
            for i in 0..<pa.count { (out.baseAddress.unsafelyUnwrapped + i).initialize(to: f(pa[i])) }
        }[...]
    }
}

@inline(__always)
func map2<A, B, R>(_ a: ArraySlice<A>, _ b: ArraySlice<B>, _ f: (A, B) -> R) -> ArraySlice<R> {
    a.withUnsafeBufferPointer { pa in
        b.withUnsafeBufferPointer { pb in
            makeBuffer(pa.count) { (out: UnsafeMutableBufferPointer<R>) in
                for i in 0..<pa.count { (out.baseAddress.unsafelyUnwrapped + i).initialize(to: f(pa[i], pb[i])) }
            }[...]
        }
    }
}

/// `a op constant` over a whole buffer.
@inline(__always)
func mapConst<A, R>(_ a: ArraySlice<A>, _ c: A, _ f: (A, A) -> R) -> ArraySlice<R> {
    a.withUnsafeBufferPointer { pa in
        makeBuffer(pa.count) { (out: UnsafeMutableBufferPointer<R>) in
            for i in 0..<pa.count { (out.baseAddress.unsafelyUnwrapped + i).initialize(to: f(pa[i], c)) }
        }[...]
    }
}

/// A vector of `n` copies of a value of type `t` (or nulls).
func broadcast(_ v: Value, _ t: DataType, _ n: Int) -> Vector {
    func rep<T>(_ x: T) -> ArraySlice<T> { ContiguousArray(repeating: x, count: n)[...] }
    switch (v, t) {
    case (.null, _):
        return Vector(zeroData(t, n), validity: ValidityMask(count: n, allValid: false))
    case (.bool(let b), _): return Vector(.bool(rep(b ? 1 : 0)))
    case (.int(let i), .enumeration(let e)): return Vector(.enumeration(rep(UInt32(truncatingIfNeeded: i)), e))
    case (.int(let i), .double): return Vector(.double(rep(Double(i))))
    case (.int(let i), _): return Vector(.int(rep(i)))
    case (.double(let d), _): return Vector(.double(rep(d)))
    case (.date(let d), _): return Vector(.date(rep(d)))
    case (.text(let s), _):
        let dict = StringDictionary(unique: [s])
        return Vector(.text(rep(0), dict))
    }
}

/// Zero-filled data of type `t` (placeholder values under a null mask).
func zeroData(_ t: DataType, _ n: Int) -> VectorData {
    switch t {
    case .null: return .null(n)
    case .bool: return .bool(ContiguousArray(repeating: 0, count: n)[...])
    case .int: return .int(ContiguousArray(repeating: 0, count: n)[...])
    case .double: return .double(ContiguousArray(repeating: 0, count: n)[...])
    case .date: return .date(ContiguousArray(repeating: 0, count: n)[...])
    case .text: return .text(ContiguousArray(repeating: 0, count: n)[...], StringDictionary(unique: [""]))
    case .enumeration(let e): return .enumeration(ContiguousArray(repeating: 0, count: n)[...], e)
    }
}
