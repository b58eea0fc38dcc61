import PlanQ

/// Fuzz target `query`: run whole scripts over the fixed catalog and render every
/// result in every output format. Seeded with valid queries (Grammar/examples,
/// the golden files) and mutated with `Fuzz/planq.dict`, so most inputs get past
/// the parser. Limits keep one input from running for minutes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuery(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size <= 4096 else { return 0 }
    let source = SourceText(name: "<fuzz>", text: FuzzSupport.text(data, size))
    // A copy: a `table NAME = ...` in one input must not reach the next.
    let engine = Engine(catalog: FuzzSupport.catalog.copy(), today: FuzzSupport.today, threads: 1)
    engine.limits = FuzzSupport.limits
    do {
        _ = try engine.run(source) { result in
            // Every format for results a renderer's edge cases show in; a whole table of
            // a thousand rows in six formats costs seconds under ASan and finds nothing
            // the small ones do not, so large results render as CSV only.
            for format in result.table.rowCount <= 64 ? ResultFormat.allCases : [.csv] {
                _ = ResultWriter.render(result.table, format: format)
            }
        }
    } catch let d as Diagnostic {
        _ = DiagnosticRenderer(color: false).render(d.located(in: source))
    } catch {
        fatalError("query: non-diagnostic error \(error)")
    }
    return 0
}
