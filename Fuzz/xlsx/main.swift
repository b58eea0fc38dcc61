import Foundation
import PlanQ

/// Fuzz target `xlsx`: any bytes as a workbook through the xlsx reader (ZIPFoundation with the
/// zip-bomb guards, libxml2's reader over each part, number formats, merged cells) and the
/// recognisers. Seeds are the committed xlsx fixtures (`Fuzz/make-seeds`); a damaged archive is a
/// failure in the result, never a crash or a hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSX(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size <= FuzzSupport.maxInput else { return 0 }
    var ingester = Ingester()
    ingester.inputFormat = .xlsx
    let result = ingester.ingest([(name: "fuzz.xlsx", data: Data(bytes: data, count: size))])
    for table in result.tables {
        _ = table.csv()
    }
    return 0
}
