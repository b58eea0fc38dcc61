import PlanQ

/// Fuzz target `jsonl`: the JSON lines loader on arbitrary bytes, with and without
/// a typed schema. A load either gives a consistent table or throws a ``Diagnostic``.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONLines(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size <= FuzzSupport.maxInput else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for schema in FuzzSupport.schemas {
        do {
            let t = try JSONLinesReader(schema: schema).read(bytes: bytes, name: "fuzz.jsonl", tableName: "fuzz")
            FuzzSupport.check(t)
        } catch let d as Diagnostic {
            _ = DiagnosticRenderer(color: false).render(d)
        } catch {
            fatalError("jsonl: non-diagnostic error \(error)")
        }
    }
    return 0
}
