import Foundation

/// `unnest split(text, sep)`: one output row per part of each input row's text, the
/// input's columns repeated and the part appended as the last column. A null text
/// gives one row with a null part; an empty text one empty part.
///
/// Text is split once per dictionary entry (not per row); rows then gather by code.
final class Unnest: StreamingOperator {
    let source: PhysicalExpr
    let separator: String
    /// The parts' strings, shared by every output batch.
    private let parts = StringDictionary()
    /// Output batches made from one input batch and not yet returned.
    private var pending: [Batch] = []

    init(child: PhysicalOperator, source: PhysicalExpr, separator: String, label: String, context: ExecutionContext) {
        self.source = source
        self.separator = separator
        super.init(child: child, label: label, context: context)
    }

    override func produce() throws -> Batch? {
        while pending.isEmpty {
            guard let batch = try child.next() else { return nil }
            pending = try split(batch)
        }
        return pending.removeFirst()
    }

    /// The output rows of one input batch, cut into batches of at most ``Batch/capacity``.
    private func split(_ batch: Batch) throws -> [Batch] {
        let v = try executor.evaluate(source, batch)
        let n = batch.count
        var rows = SelectionVector()
        var codes = ContiguousArray<UInt32>()
        var nulls: [Int] = []
        rows.reserveCapacity(n)
        codes.reserveCapacity(n)
        if case .text(let a, let dict) = v.data {
            // Parts of each dictionary entry, as codes in `parts`, computed on first use.
            var partsOf = [ContiguousArray<UInt32>?](repeating: nil, count: dict.count)
            for r in 0..<n {
                if v.isNull(r) {
                    nulls.append(codes.count)
                    rows.append(UInt32(r))
                    codes.append(0)
                    continue
                }
                let c = Int(a[a.startIndex + r])
                if partsOf[c] == nil {
                    partsOf[c] = ContiguousArray(dict[UInt32(c)].components(separatedBy: separator).map { parts.intern($0) })
                }
                for p in partsOf[c] ?? [] {
                    rows.append(UInt32(r))
                    codes.append(p)
                }
            }
        } else {
            for r in 0..<n {
                nulls.append(r)
                rows.append(UInt32(r))
                codes.append(0)
            }
        }
        if parts.count == 0 { parts.intern("") }
        try context.limits.check(rows: rows.count, columns: batch.columns.count + 1, "the rows unnest makes")
        try context.limits.checkMemory(rows: rows.count, columns: batch.columns.count + 1, "the rows unnest makes")
        let total = rows.count
        var validity: ValidityMask?
        if !nulls.isEmpty {
            var mask = ValidityMask(count: total, allValid: true)
            for i in nulls { mask.set(i, valid: false) }
            validity = mask
        }
        let expanded = batch.gather(rows)
        let partVector = Vector(.text(codes[...], parts), validity: validity)
        var out: [Batch] = []
        var start = 0
        while start < total {
            let m = min(Batch.capacity, total - start)
            out.append(Batch(columns: expanded.columns.map { $0.slice(start, m) } + [partVector.slice(start, m)], count: m))
            start += m
        }
        return out
    }
}
