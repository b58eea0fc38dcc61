import Foundation
import PlanQ

/// Fuzz target `pdflayout`: any bytes as synthetic PDF word boxes (7 bytes a word) through the
/// PDF reader's table and paragraph reconstruction (`PDFLayoutFuzzing`), then through the
/// recognisers as a text document of the rebuilt lines. poppler itself is not fuzzed here.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPDFLayout(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size <= FuzzSupport.maxInput else { return 0 }
    let lines = PDFLayoutFuzzing.lines(Array(UnsafeBufferPointer(start: data, count: size)))
    let text = lines.joined(separator: "\n")
    _ = Ingester().ingest([(name: "fuzz.txt", data: Data(text.utf8))])
    return 0
}
