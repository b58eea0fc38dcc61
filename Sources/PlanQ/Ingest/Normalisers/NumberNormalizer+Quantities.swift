import Foundation

/// Cells that state two quantities (`2,310 thefts = 9.8 per 1,000 residents`, `Northtown 61%
/// (rural wards 48%)`, `3.5% fall on the base year (5.1 tonnes per resident)`): the one whose unit
/// matches what the indicator measures is the value; the whole text stays in the raw column.
extension NumberNormalizer {
    /// The kind of unit a quantity has, for matching against the title and sibling cells.
    enum UnitKind: Equatable, Sendable {
        /// `%`.
        case percent
        /// A rate: `per 1,000 population`, `per head`, `per capita`.
        case rate
        /// Money: `£`.
        case money
    }

    /// One quantity found in a cell.
    struct Quantity: Equatable, Sendable {
        /// The value read as ``read(_:)`` reads it.
        var value: MeasuredValue
        /// What kind of unit it has, if any.
        var kind: UnitKind?
        /// Whether it sits inside brackets (a remark or a sub-area).
        var bracketed: Bool
    }

    /// The unit kind of a read value.
    static func kind(of v: MeasuredValue) -> UnitKind? {
        guard let u = v.unit else { return nil }
        if u == "%" { return .percent }
        if u.hasPrefix("£") { return .money }
        if u.hasPrefix("per") { return .rate }
        return nil
    }

    /// Every quantity `raw` states, in order: the text is cut at `=`, `;` and brackets, and each
    /// part's first number is read.
    static func quantities(_ raw: String) -> [Quantity] {
        let text = TextCleaner.clean(raw)
        var parts: [(String, Bool)] = []
        var current = ""
        var depth = 0
        func flush() { if !current.trimmingCharacters(in: .whitespaces).isEmpty { parts.append((current, depth > 0)) }; current = "" }
        for ch in text {
            switch ch {
            case "(", "[": flush(); depth += 1
            case ")", "]": flush(); depth = max(0, depth - 1)
            case "=", ";": flush()
            default: current.append(ch)
            }
        }
        flush()
        return parts.compactMap { part, inside in
            let v = read(part)
            guard v.value != nil else { return nil }
            return Quantity(value: v, kind: kind(of: v), bracketed: inside)
        }
    }

    /// The unit kind an indicator's title asks for: a percentage or reduction (`% of …`,
    /// `Percentage …`, `… reduction in …`), a rate (`… rate`, `per 1,000`, `per capita`), money
    /// (`£`, `spend`, `value of`), else nil.
    static func expectedKind(title: String) -> UnitKind? {
        let w = " " + TextCleaner.words(title) + " "
        if title.contains("%") || [" percentage ", " proportion ", " reduction ", " per cent ", " percent "].contains(where: { w.contains($0) }) {
            return .percent
        }
        if [" rate ", " rates ", " per 1", " per 10", " per head ", " per capita ", " per thousand "].contains(where: { w.contains($0) }) { return .rate }
        if title.contains("£") { return .money }
        return nil
    }

    /// The value of a cell, choosing among several quantities the one whose unit the sibling
    /// value cells (target, baseline) share, else the one the title asks for, else the first;
    /// quantities in brackets are remarks and never chosen. A cell with one quantity reads as ``read(_:)`` reads it.
    static func read(_ raw: String, title: String, siblings: [String]) -> MeasuredValue {
        let plain = read(raw)
        guard plain.value != nil else { return plain }
        // A quantity in brackets is a remark or a sub-area (`52 (4.1%)`, `61% (rural wards 48%)`): never the value.
        let qs = quantities(raw).filter { !$0.bracketed }
        guard qs.count >= 2 else { return plain }
        var wanted: UnitKind? = nil
        let siblingKinds = siblings.flatMap { s in quantities(s).filter { !$0.bracketed }.prefix(1).compactMap(\.kind) }
        if let k = siblingKinds.first, siblingKinds.allSatisfy({ $0 == k }), qs.contains(where: { $0.kind == k }) { wanted = k }
        if wanted == nil, let k = expectedKind(title: title), qs.contains(where: { $0.kind == k }) { wanted = k }
        let chosen = wanted.flatMap { k in qs.first { $0.kind == k } } ?? qs[0]
        var out = chosen.value
        out.raw = plain.raw
        if out.period == nil { out.period = plain.period }
        return out
    }
}

extension NumberNormalizer {
    /// A baseline cell: the value of the latest period when the cell dates several
    /// (``readLatest(_:)``), else as ``read(_:title:siblings:)``.
    static func readBaseline(_ raw: String, title: String, siblings: [String]) -> MeasuredValue {
        let latest = readLatest(raw)
        let plain = read(raw)
        if latest.value != plain.value || latest.period != plain.period { return latest }
        return read(raw, title: title, siblings: siblings)
    }
}
