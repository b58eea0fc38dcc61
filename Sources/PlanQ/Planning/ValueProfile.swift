/// What one expression held among the rows that reached a step of a plan: how many
/// rows, how many nulls, its distinct values (up to a cap) and, for numbers and
/// dates, its range. Built by ``EmptyResultExplainer`` from whole batches (one switch
/// per batch, codes counted rather than strings), so profiling a column is cheap
/// next to the query that was explained.
struct ValueProfile {
    /// Distinct values kept; past this the profile notes that there were more.
    static let maxDistinct = 1_000

    /// Rows seen.
    var rows = 0
    /// Rows where the expression was null.
    var nulls = 0
    /// Distinct non-null values in the order first seen, as display text, with their counts.
    private(set) var values: [String] = []
    private(set) var counts: [String: Int] = [:]
    /// More distinct values were seen than ``maxDistinct``.
    private(set) var truncated = false
    /// Whether the values are words of an enumeration (shown bare) or text (shown quoted).
    private(set) var isEnum = false
    private(set) var isText = false
    /// Smallest and largest non-null value, for numbers and dates.
    private(set) var low: Value?
    private(set) var high: Value?

    /// Rows that were not null.
    var nonNull: Int { rows - nulls }
    /// Every row seen was null (and there was at least one).
    var allNull: Bool { rows > 0 && nulls == rows }

    /// Folds one batch's vector in.
    mutating func add(_ v: Vector) {
        let n = v.count
        rows += n
        nulls += v.nullCount
        switch v.data {
        case .null: break
        case .text(let codes, let dict):
            isText = true
            addCodes(codes, v.validity) { dict[$0] }
        case .enumeration(let codes, let e):
            isEnum = true
            addCodes(codes, v.validity) { Int($0) < e.values.count ? e.values[Int($0)] : "?" }
        case .bool(let a):
            var t = 0, f = 0
            for i in 0..<a.count where v.validity?.isValid(i) ?? true {
                if a[a.startIndex + i] != 0 { t += 1 } else { f += 1 }
            }
            if t > 0 { note("true", t) }
            if f > 0 { note("false", f) }
        case .int(let a):
            range(a, v.validity) { Value.int($0) }
        case .double(let a):
            range(a, v.validity) { Value.double($0) }
        case .date(let a):
            range(a, v.validity) { Value.date($0) }
        }
    }

    /// Counts codes per batch first, so each distinct string is looked up once per batch.
    private mutating func addCodes(_ codes: ArraySlice<UInt32>, _ validity: ValidityMask?, _ text: (UInt32) -> String) {
        var local: [UInt32: Int] = [:]
        var order: [UInt32] = []
        for i in 0..<codes.count where validity?.isValid(i) ?? true {
            let c = codes[codes.startIndex + i]
            if let k = local[c] { local[c] = k + 1 } else { local[c] = 1; order.append(c) }
        }
        for c in order { note(text(c), local[c] ?? 0) }
    }

    private mutating func note(_ s: String, _ k: Int) {
        if let old = counts[s] { counts[s] = old + k; return }
        guard values.count < ValueProfile.maxDistinct else { truncated = true; return }
        values.append(s)
        counts[s] = k
    }

    private mutating func range<T: Comparable>(_ a: ArraySlice<T>, _ validity: ValidityMask?, _ box: (T) -> Value) {
        var lo: T?, hi: T?
        for i in 0..<a.count where validity?.isValid(i) ?? true {
            let x = a[a.startIndex + i]
            if let l = lo, !(x < l) {} else if x == x { lo = x }
            if let h = hi, !(x > h) {} else if x == x { hi = x }
        }
        if let lo { low = low.map { ValueProfile.less(box(lo), $0) ? box(lo) : $0 } ?? box(lo) }
        if let hi { high = high.map { ValueProfile.less($0, box(hi)) ? box(hi) : $0 } ?? box(hi) }
    }

    private static func less(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y
        case (.double(let x), .double(let y)): return x < y
        case (.date(let x), .date(let y)): return x < y
        default: return false
        }
    }

    /// Longest value shown in a sentence; longer ones are cut with "…" (a title can be a paragraph).
    static let maxShownLength = 80

    /// A value as a query would write it: text quoted, enum words and numbers bare.
    func shown(_ s: String) -> String {
        let cut = s.count > ValueProfile.maxShownLength ? String(s.prefix(ValueProfile.maxShownLength - 1)) + "…" : s
        return isText ? "\"\(cut)\"" : cut
    }

    /// Up to `limit` of the most frequent values, quoted, most frequent first,
    /// then "and N more" when there are others.
    func sample(_ limit: Int = 5) -> String {
        let top = values.enumerated().sorted { a, b in
            let ca = counts[a.element] ?? 0, cb = counts[b.element] ?? 0
            return ca != cb ? ca > cb : a.offset < b.offset
        }.prefix(limit).map { shown($0.element) }
        let more = values.count - top.count
        var s = top.joined(separator: ", ")
        if more > 0 || truncated { s += truncated ? " and more" : " and \(more) more" }
        return s
    }

    /// The stored value closest to `word`: equal ignoring case first, then by edit distance.
    func suggestion(for word: String) -> String? {
        let l = word.lowercased()
        if let s = values.first(where: { $0.lowercased() == l }) { return s }
        return EditDistance.suggest(word, among: values)
    }
}
