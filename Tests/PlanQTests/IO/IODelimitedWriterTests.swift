import XCTest
@testable import PlanQ

/// The fast CSV/TSV writer prints exactly what the boxed values print.
final class IODelimitedWriterTests: XCTestCase {
    func text(_ d: Double) -> String {
        var out = [UInt8]()
        DelimitedWriter.appendDouble(d, &out)
        return String(decoding: out, as: UTF8.self)
    }

    func testDoublesMatchValueFormat() {
        var rng = SplitMix(seed: 3)
        var samples: [Double] = [0, -0.0, 0.1, 0.1 + 0.2, 1.5, -2.25, 1e-5, 0.0001, 123456.789012, 1e15, 1e15 + 0.5,
                                 9.99999999999999e14, 1 / 3, 2 / 3.0, 1e300, -1e-300, .nan, .infinity, -.infinity,
                                 50.1234567890123, 99.999999, 4_999_999.5, Double(Int64.max), 0.000123456789012345]
        for _ in 0..<20_000 {
            let bits = rng.next()
            samples.append(Double(bits % 100_000_000) / 1e6)                    // db-benchmark v3
            samples.append(Double(bits % 1_000_000_007) / Double(bits % 997 + 1))  // averages
            samples.append(Double(bitPattern: bits))                              // anything
        }
        for d in samples {
            XCTAssertEqual(text(d), Value.format(d), "\(d.bitPattern)")
        }
    }

    func testCSVMatchesCellByCellRendering() throws {
        let dict = StringDictionary(unique: ["plain", "with, comma", "say \"hi\"", ""])
        var mask = ValidityMask(count: 5, allValid: true)
        mask.set(3, valid: false)
        let t = Table(name: "r", columns: [
            Column(name: "s", vector: Vector(.text(ContiguousArray<UInt32>([0, 1, 2, 3, 0])[...], dict), validity: mask)),
            Column(name: "i", vector: Vector(.int(ContiguousArray<Int64>([0, -1, Int64.min, 42, Int64.max])[...]), validity: mask)),
            Column(name: "d", vector: Vector(.double(ContiguousArray<Double>([0.5, -3, 1e-7, .nan, 2 / 3.0])[...]))),
            Column(name: "b", vector: Vector(.bool(ContiguousArray<UInt8>([1, 0, 1, 0, 1])[...]))),
        ])
        XCTAssertEqual(ResultWriter.render(t, format: .csv), """
        s,i,d,b
        plain,0,0.5,true
        "with, comma",-1,-3,false
        "say ""hi\""",-9223372036854775808,1e-07,true
        ,,NaN,false
        plain,9223372036854775807,0.666666666666667,true

        """)
        XCTAssertTrue(ResultWriter.render(t, format: .tsv).hasPrefix("s\ti\td\tb\nplain\t0\t0.5\ttrue\n"))
    }
}
