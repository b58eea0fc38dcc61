import Foundation
import PlanQ

/// Fuzz target `ingest`: any bytes as one council document through the
/// recogniser (`Ingester`, issue 4), then every output table rendered as CSV.
/// The recogniser never throws: a crash, hang or sanitizer report is a finding.
/// Built only when `Sources/PlanQ/Ingest` exists (see `requires`); seeds come
/// from `../shared/seeds` via `Fuzz/make-seeds`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIngest(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size <= FuzzSupport.maxInput else { return 0 }
    let result = Ingester().ingest([(name: "fuzz.txt", data: Data(bytes: data, count: size))])
    for table in result.tables {
        _ = table.csv()
    }
    _ = result.schemaJSON
    return 0
}
