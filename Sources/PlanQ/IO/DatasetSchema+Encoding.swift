import Foundation

/// Writing ``DatasetSchema`` back as `schema.json` (what `planq ingest` writes and `--data` reads):
/// the keys the decoder accepts, empty optional entries left out, keys sorted so the same schema
/// always gives the same bytes.
extension DatasetSchema: Encodable {
    /// Encodes `enums`, `null` and `tables`.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: SchemaKey.self)
        if !enums.isEmpty { try c.encode(enums, forKey: SchemaKey("enums")) }
        if !null.isEmpty { try c.encode(null, forKey: SchemaKey("null")) }
        try c.encode(tables, forKey: SchemaKey("tables"))
    }

    /// The schema as pretty-printed JSON with sorted keys and a final newline.
    public func jsonData() throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try e.encode(self)
        data.append(UInt8(ascii: "\n"))
        return data
    }
}

extension DatasetSchema.TableEntry: Encodable {
    /// Encodes `columns`, and `null` and `join_keys` when they hold anything.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: SchemaKey.self)
        try c.encode(columns, forKey: SchemaKey("columns"))
        if !null.isEmpty { try c.encode(null, forKey: SchemaKey("null")) }
        if !joinKeys.isEmpty { try c.encode(joinKeys, forKey: SchemaKey("join_keys")) }
    }
}

extension DatasetSchema.ColumnEntry: Encodable {
    /// Encodes `type`, and `enum` or `values` when set.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: SchemaKey.self)
        try c.encode(type, forKey: SchemaKey("type"))
        try c.encodeIfPresent(enumName, forKey: SchemaKey("enum"))
        try c.encodeIfPresent(values, forKey: SchemaKey("values"))
    }
}
