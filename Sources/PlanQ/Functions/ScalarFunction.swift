/// The scalar functions of the language, with their type rules.
public enum ScalarFunction: String, CaseIterable, Sendable {
    case coalesce, lower, upper, length, trim, round, abs, pow, sqrt
    case year, month, quarter, fy, fy_quarter, days_between
    case replace, substr, left, right, to_text

    /// The result type for the given argument types, or a message saying what is wrong.
    func resultType(_ args: [DataType]) -> Result<DataType, TypeMessage> {
        func want(_ n: ClosedRange<Int>) -> String? {
            n.contains(args.count) ? nil
                : "\(rawValue)() takes \(n.lowerBound == n.upperBound ? "\(n.lowerBound)" : "\(n.lowerBound) or \(n.upperBound)") argument\(n.upperBound == 1 ? "" : "s"), got \(args.count)"
        }
        func isTextLike(_ t: DataType) -> Bool { t == .text || t.isCoded || t == .null }
        func isNum(_ t: DataType) -> Bool { t.isNumeric || t == .null }
        func isDate(_ t: DataType) -> Bool { t == .date || t == .null }
        switch self {
        case .coalesce:
            guard !args.isEmpty else { return .failure("coalesce() needs at least one argument") }
            var t = DataType.null
            for a in args {
                guard let u = TypeRules.unify(t, a) else {
                    return .failure("coalesce() arguments have incompatible types \(t) and \(a)")
                }
                t = u
            }
            return .success(t)
        case .lower, .upper, .trim:
            if let m = want(1...1) { return .failure(TypeMessage(m)) }
            return isTextLike(args[0]) ? .success(.text) : .failure("\(rawValue)() expects text, got \(args[0])")
        case .length:
            if let m = want(1...1) { return .failure(TypeMessage(m)) }
            return isTextLike(args[0]) ? .success(.int) : .failure("length() expects text, got \(args[0])")
        case .round:
            if let m = want(1...2) { return .failure(TypeMessage(m)) }
            guard isNum(args[0]) else { return .failure("round() expects a number, got \(args[0])") }
            if args.count == 2, !(args[1] == .int || args[1] == .null) { return .failure("round()'s second argument must be an integer number of digits") }
            return .success(args[0] == .int && args.count == 1 ? .int : .double)
        case .abs:
            if let m = want(1...1) { return .failure(TypeMessage(m)) }
            return isNum(args[0]) ? .success(args[0] == .null ? .int : args[0]) : .failure("abs() expects a number, got \(args[0])")
        case .pow:
            if let m = want(2...2) { return .failure(TypeMessage(m)) }
            return isNum(args[0]) && isNum(args[1]) ? .success(.double) : .failure("pow() expects numbers")
        case .sqrt:
            if let m = want(1...1) { return .failure(TypeMessage(m)) }
            return isNum(args[0]) ? .success(.double) : .failure("sqrt() expects a number, got \(args[0])")
        case .year, .month, .quarter, .fy_quarter:
            if let m = want(1...1) { return .failure(TypeMessage(m)) }
            return isDate(args[0]) ? .success(.int) : .failure("\(rawValue)() expects a date, got \(args[0])")
        case .fy:
            if let m = want(1...1) { return .failure(TypeMessage(m)) }
            return isDate(args[0]) ? .success(.text) : .failure("fy() expects a date, got \(args[0])")
        case .days_between:
            if let m = want(2...2) { return .failure(TypeMessage(m)) }
            return isDate(args[0]) && isDate(args[1]) ? .success(.int) : .failure("days_between() expects two dates")
        case .replace:
            if let m = want(3...3) { return .failure(TypeMessage(m)) }
            for (i, a) in args.enumerated() where !isTextLike(a) {
                return .failure("replace() expects text, but argument \(i + 1) is \(a)")
            }
            return .success(.text)
        case .substr:
            if let m = want(2...3) { return .failure(TypeMessage(m)) }
            guard isTextLike(args[0]) else { return .failure("substr() expects text, got \(args[0])") }
            guard args.dropFirst().allSatisfy({ $0 == .int || $0 == .null }) else {
                return .failure("substr()'s start and length must be whole numbers")
            }
            return .success(.text)
        case .left, .right:
            if let m = want(2...2) { return .failure(TypeMessage(m)) }
            guard isTextLike(args[0]) else { return .failure("\(rawValue)() expects text, got \(args[0])") }
            guard args[1] == .int || args[1] == .null else { return .failure("\(rawValue)()'s count must be a whole number") }
            return .success(.text)
        case .to_text:
            if let m = want(1...1) { return .failure(TypeMessage(m)) }
            return .success(.text)
        }
    }
}

extension ScalarFunction {
    /// `replace`, `substr`, `left`, `right`: text in, text out, with further
    /// arguments that are usually constants (then computed once per dictionary entry).
    var isTextTransform: Bool {
        switch self {
        case .replace, .substr, .left, .right: return true
        default: return false
        }
    }
}

/// Implicit conversions shared by the binder's rules.
public enum TypeRules {
    /// The common type of two types (int ∪ double = double; null fits anything), or nil.
    public static func unify(_ a: DataType, _ b: DataType) -> DataType? {
        if a == b { return a }
        if a == .null { return b }
        if b == .null { return a }
        if a.isNumeric && b.isNumeric { return .double }
        if a.isCoded && b.isCoded { return .text }
        return nil
    }
}

/// A type-rule violation, turned into a positioned ``Diagnostic`` by the binder.
struct TypeMessage: Error, ExpressibleByStringInterpolation {
    let text: String
    init(stringLiteral value: String) { text = value }
    init(stringInterpolation: DefaultStringInterpolation) { text = String(stringInterpolation: stringInterpolation) }
    init(_ text: String) { self.text = text }
}
