import Foundation
import PlanQ

/// Fuzz target `html`: any bytes as an HTML page through the HTML reader (libxml2's parser, the
/// span layout of tables, the iterative walk) and the recognisers, then every table rendered as
/// CSV. An unreadable page is a failure in the result, never a crash or a hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size <= FuzzSupport.maxInput else { return 0 }
    var ingester = Ingester()
    ingester.inputFormat = .html
    let result = ingester.ingest([(name: "fuzz.html", data: Data(bytes: data, count: size))])
    for table in result.tables {
        _ = table.csv()
    }
    return 0
}
