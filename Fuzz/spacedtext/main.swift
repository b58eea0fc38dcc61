import Foundation
import PlanQ

/// Fuzz target `spacedtext`: any bytes read as a text document (`--input-format text`), so the
/// space-gutter table finder (`SpacedTableLayout`) and the recognisers run on every input.
/// Seeds are papers as `pdftotext -layout` writes them: tables laid out with spaces.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSpacedText(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size <= FuzzSupport.maxInput else { return 0 }
    var ingester = Ingester()
    ingester.inputFormat = .text
    let result = ingester.ingest([(name: "fuzz.txt", data: Data(bytes: data, count: size))])
    for table in result.tables { _ = table.csv() }
    return 0
}
