import PlanQ

/// Fuzz target `parse`: any bytes through the lexer, parser and binder against the
/// fixed catalog. Every failure must be a thrown ``Diagnostic`` that renders; a
/// crash, trap, hang or sanitizer report is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParse(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size <= FuzzSupport.maxInput else { return 0 }
    let source = SourceText(name: "<fuzz>", text: FuzzSupport.text(data, size))
    let renderer = DiagnosticRenderer(color: false)
    do {
        let script = try Parser.parse(source)
        for statement in script.statements {
            let query: Query
            switch statement.kind {
            case .query(let q), .explain(let q), .explainAnalyze(let q), .define(_, let q): query = q
            }
            var binder = Binder(catalog: FuzzSupport.catalog, source: source, today: FuzzSupport.today)
            do {
                _ = try binder.bind(query)
            } catch let d as Diagnostic {
                _ = renderer.render(d.located(in: source))
            }
        }
    } catch let d as Diagnostic {
        _ = renderer.render(d.located(in: source))
    } catch {
        // Only diagnostics are expected from the front end.
        fatalError("parse: non-diagnostic error \(error)")
    }
    return 0
}
