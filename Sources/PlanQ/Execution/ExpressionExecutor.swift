/// Evaluates a ``PhysicalExpr`` over a whole ``Batch`` at once.
///
/// The tree is walked once per batch; each node runs one kernel over typed
/// buffers. Work that depends only on a text column's dictionary (comparisons
/// with a constant, `lower`, `contains`, ...) is done once per dictionary entry
/// and cached, then applied to the batch by gathering codes.
final class ExpressionExecutor {
    let context: ExecutionContext
    /// Per-dictionary results, keyed by the dictionary's generation (never an
    /// address: a freed batch dictionary's address is reused), size and what was computed.
    var boolTables = DictionaryCache<ContiguousArray<UInt8>>()
    var intTables = DictionaryCache<ContiguousArray<Int64>>()
    var textMaps = DictionaryCache<(ContiguousArray<UInt32>, StringDictionary)>()
    /// Enum values as text, one dictionary per enum type. The type is held beside
    /// its dictionary, so the `ObjectIdentifier` key cannot be reused while cached.
    var enumDictionaries: [ObjectIdentifier: (type: EnumType, dictionary: StringDictionary)] = [:]
    /// The dictionary of `fy()` labels, shared by every batch so codes stay stable.
    let fiscalYears = StringDictionary()

    init(context: ExecutionContext) { self.context = context }

    func evaluate(_ e: PhysicalExpr, _ batch: Batch) throws -> Vector {
        let n = batch.count
        switch e {
        case .slot(let slot, _):
            // Slots are resolved at plan time; a batch narrower than its plan is a bug,
            // reported rather than trapped on.
            guard batch.columns.indices.contains(slot.index) else {
                throw Diagnostic("internal error: slot \(slot) of \(batch.columns.count) is not available here")
            }
            return batch.columns[slot.index]
        case .constant(let v, let t):
            return broadcast(v, t, n)
        case .cast(let x, let t):
            return try castVector(try evaluate(x, batch), to: t)
        case .negate(let x, _):
            return try negate(try evaluate(x, batch))
        case .not(let x):
            return BooleanKernels.not(try evaluate(x, batch))
        case .and(let a, let b):
            return BooleanKernels.and(try evaluate(a, batch), try evaluate(b, batch))
        case .or(let a, let b):
            return BooleanKernels.or(try evaluate(a, batch), try evaluate(b, batch))
        case .isNull(let x, let negated):
            return BooleanKernels.isNull(try evaluate(x, batch), negated: negated)
        case .arithmetic(let op, let a, let b, let t):
            return try ArithmeticKernels.apply(op, try evaluate(a, batch), try evaluate(b, batch), resultType: t)
        case .compare(let op, let a, let b):
            if case .constant(let v, _) = b, !v.isNull {
                return try compareConstant(op, try evaluate(a, batch), v)
            }
            if case .constant(let v, _) = a, !v.isNull {
                return try compareConstant(op.flipped, try evaluate(b, batch), v)
            }
            return ComparisonKernels.compare(op, try evaluate(a, batch), try evaluate(b, batch))
        case .inList(let x, let values, let negated):
            return try inList(try evaluate(x, batch), values, negated: negated)
        case .textMatch(let op, let a, let b, let negated):
            return try textMatch(op, try evaluate(a, batch), b, batch, negated: negated)
        case .call(let f, let args, let t):
            if f.isTextTransform, let v = try textFunctionOnDictionary(f, args, batch) { return v }
            let vs = try args.map { try evaluate($0, batch) }
            return try callScalar(f, vs, t, n)
        case .addMonths(let a, let b, let negate):
            return try DateKernels.addMonths(try evaluate(a, batch), try evaluate(b, batch), negate: negate)
        case .caseWhen(let whens, let otherwise, let t):
            return try evaluateCase(whens, otherwise, t, batch)
        case .concat(let a, let b):
            return try concat(a, b, batch)
        }
    }

    func negate(_ v: Vector) throws -> Vector {
        switch v.data {
        case .int(let a):
            var overflow = false
            let r = map1(a) { (x: Int64) -> Int64 in
                let (y, o) = Int64(0).subtractingReportingOverflow(x)
                overflow = overflow || o
                return y
            }
            if overflow { try ArithmeticKernels.checkOverflow(v.validity, a, "-") { $0 == Int64.min } }
            return Vector(.int(r), validity: v.validity)
        case .double(let a): return Vector(.double(map1(a) { -$0 }), validity: v.validity)
        default: return v
        }
    }

    /// Converts a vector between types the binder allows to meet: int → double,
    /// enum → text, null → anything.
    func castVector(_ v: Vector, to t: DataType) throws -> Vector {
        if v.type == t { return v }
        switch (v.data, t) {
        case (.null(let n), _):
            return Vector(zeroData(t, n), validity: ValidityMask(count: n, allValid: false))
        case (.int(let a), .double):
            return Vector(.double(map1(a) { Double($0) }), validity: v.validity)
        case (.enumeration(let codes, let e), .text):
            return Vector(.text(codes, enumDictionary(e)), validity: v.validity)
        case (.date(let a), .double):
            return Vector(.double(map1(a) { Double($0) }), validity: v.validity)
        case (.bool(let a), .int):
            return Vector(.int(map1(a) { Int64($0) }), validity: v.validity)
        default:
            throw Diagnostic("internal error: cannot convert \(v.type) to \(t)")
        }
    }

    func enumDictionary(_ e: EnumType) -> StringDictionary {
        if let d = enumDictionaries[ObjectIdentifier(e)] { return d.dictionary }
        let d = StringDictionary(unique: e.values)
        enumDictionaries[ObjectIdentifier(e)] = (e, d)
        return d
    }
}
