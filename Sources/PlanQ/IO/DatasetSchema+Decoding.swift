import Foundation

/// Strict decoding for ``DatasetSchema``: every object rejects keys it does not know.
extension DatasetSchema {
    /// Decodes strictly: unknown keys are errors.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: SchemaKey.self)
        try SchemaKey.reject(c, allowing: ["enums", "null", "tables"])
        enums = try c.decodeIfPresent([String: [String]].self, forKey: SchemaKey("enums")) ?? [:]
        null = try c.decodeIfPresent([String].self, forKey: SchemaKey("null")) ?? []
        tables = try c.decodeIfPresent([String: TableEntry].self, forKey: SchemaKey("tables")) ?? [:]
    }
}

extension DatasetSchema.TableEntry {
    /// Decodes strictly: unknown keys are errors.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: SchemaKey.self)
        try SchemaKey.reject(c, allowing: ["columns", "null", "join_keys"])
        columns = try c.decodeIfPresent([String: DatasetSchema.ColumnEntry].self, forKey: SchemaKey("columns")) ?? [:]
        null = try c.decodeIfPresent([String].self, forKey: SchemaKey("null")) ?? []
        joinKeys = try c.decodeIfPresent([String: [String]].self, forKey: SchemaKey("join_keys")) ?? [:]
    }
}

extension DatasetSchema.ColumnEntry {
    /// Decodes strictly: unknown keys are errors.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: SchemaKey.self)
        try SchemaKey.reject(c, allowing: ["type", "enum", "values"])
        type = try c.decode(String.self, forKey: SchemaKey("type"))
        enumName = try c.decodeIfPresent(String.self, forKey: SchemaKey("enum"))
        values = try c.decodeIfPresent([String].self, forKey: SchemaKey("values"))
    }
}

/// Any key of a schema object, plus the helpers that make decoding errors readable.
struct SchemaKey: CodingKey {
    /// The key text.
    var stringValue: String
    /// Array index keys (unused by the schema).
    var intValue: Int?

    /// A key named `s`.
    init(_ s: String) { stringValue = s }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { stringValue = String(intValue); self.intValue = intValue }

    /// Throws for the first key of `c` not in `allowed`, suggesting the closest allowed one.
    static func reject(_ c: KeyedDecodingContainer<SchemaKey>, allowing allowed: [String]) throws {
        for k in c.allKeys where !allowed.contains(k.stringValue) {
            let hint = EditDistance.suggest(k.stringValue, among: allowed).map { "; did you mean '\($0)'?" }
                ?? "; expected one of: " + allowed.joined(separator: ", ")
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath + [k],
                                                    debugDescription: "unknown key '\(k.stringValue)'\(hint)"))
        }
    }

    /// `tables.indicators.columns: message` for a decoding error.
    static func describe(_ e: DecodingError) -> String {
        func path(_ p: [CodingKey]) -> String {
            p.isEmpty ? "top level" : p.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch e {
        case .dataCorrupted(let ctx): return "\(path(ctx.codingPath)): \(ctx.debugDescription)"
        case .keyNotFound(let k, let ctx): return "\(path(ctx.codingPath)): missing key '\(k.stringValue)'"
        case .typeMismatch(let t, let ctx): return "\(path(ctx.codingPath)): expected \(jsonName(t))"
        case .valueNotFound(let t, let ctx): return "\(path(ctx.codingPath)): expected \(jsonName(t)), found null"
        @unknown default: return "invalid schema"
        }
    }

    private static func jsonName(_ t: Any.Type) -> String {
        let s = String(describing: t)
        if s.hasPrefix("Dictionary") { return "an object" }
        if s.hasPrefix("Array") { return "an array" }
        if s == "String" { return "a string" }
        return s
    }
}

/// One ``EnumType`` per (name, values), shared by every column and table that uses it.
final class EnumCache: @unchecked Sendable {
    private var types: [String: EnumType] = [:]
    private let lock = NSLock()

    /// The shared type for (name, values), made on first use.
    func type(name: String, values: [String]) -> EnumType {
        lock.lock()
        defer { lock.unlock() }
        let key = name + "\u{0}" + values.joined(separator: "\u{0}")
        if let t = types[key] { return t }
        let t = EnumType(name: name, values: values)
        types[key] = t
        return t
    }
}
