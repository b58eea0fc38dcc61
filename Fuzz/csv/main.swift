import PlanQ

/// Fuzz target `csv`: the CSV loader on arbitrary bytes, with and without a schema
/// that declares types (so typed parsing paths run too). A load either gives a
/// table whose columns all have its row count, or throws a ``Diagnostic``.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size <= FuzzSupport.maxInput else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for schema in FuzzSupport.schemas {
        do {
            let t = try CSVReader(schema: schema).read(bytes: bytes, name: "fuzz.csv", tableName: "fuzz")
            FuzzSupport.check(t)
        } catch let d as Diagnostic {
            _ = DiagnosticRenderer(color: false).render(d)
        } catch {
            fatalError("csv: non-diagnostic error \(error)")
        }
    }
    return 0
}
