import Foundation
import XCTest
@testable import PlanQ

/// planq against SQLite on random tables and queries (see ``DiffBatch``).
///
/// `PLANQ_DIFF_SEED` and `PLANQ_DIFF_COUNT` replace the fixed batch (`scripts/diff`
/// sets them); the planted-bug tests show that the batch catches wrong null rules.
final class DifferentialTests: XCTestCase {
    static let fixedSeed: UInt64 = 20_261_130
    static let fixedCount = 3_000

    func testSeededBatchAgreesWithSQLite() throws {
        let env = ProcessInfo.processInfo.environment
        let seed = env["PLANQ_DIFF_SEED"].flatMap { UInt64($0) } ?? Self.fixedSeed
        let count = env["PLANQ_DIFF_COUNT"].flatMap { Int($0) } ?? Self.fixedCount
        var batch = DiffBatch(seed: seed, count: count)
        let start = Date()
        try batch.run()
        let c = batch.coverage.counts
        print("differential: seed \(seed), \(c["queries", default: 0]) row queries + \(c["window queries", default: 0]) window queries in \(String(format: "%.1f", Date().timeIntervalSince(start))) s")
        print("differential coverage: \(batch.coverage.summary)")
        for f in batch.failures { XCTFail(f) }
        XCTAssertEqual(c["queries"], count)
        let rounds = (count + DiffBatch.queriesPerRound - 1) / DiffBatch.queriesPerRound
        XCTAssertEqual(c["window queries"], rounds * DiffBatch.windowQueriesPerRound)
        if count >= Self.fixedCount {
            // Issue 16: the seeded batch is at least 3,000 queries in all.
            XCTAssertGreaterThanOrEqual(c["queries", default: 0] + c["window queries", default: 0], 3_000)
            for key in ["window fn row_number", "window fn rank", "window fn dense_rank", "window fn lag", "window fn lead",
                        "window fn first", "window fn last", "window fn sum", "window fn avg", "window fn count",
                        "window fn count()", "window fn min", "window fn max", "window: lag/lead offset",
                        "window: no per", "window: unsorted", "window: desc key", "window: over groups",
                        "window: several in one let", "window: empty table", "window: null partition key",
                        "window: null sort key", "window: null argument", "window outcome: rows agree"] {
                XCTAssertGreaterThan(c[key, default: 0], 0, "the batch never produced '\(key)'")
            }
        }
        if count >= Self.fixedCount {
            // The batch must reach the cases it exists for; a generator change that stops it fails here.
            for key in ["empty tables", "one-row tables", "tables over one batch", "null rate 100%", "join", "left join",
                        "group by 1 key(s)", "aggregate (no keys)", "having", "top per", "distinct", "not", "in (with null)",
                        "bare enum word", "bare text word", "pivot",
                        "tables of 3-20 batches", "computed text over 3+ batches", "computed text in where", "computed text in group by",
                        "computed text in sort", "join on computed text", "computed text: coalesce", "computed text: lower",
                        "computed text: upper", "computed text: trim",
                        "semi join", "anti join", "in (query)", "not in (query)", "union", "union then group", "self-join",
                        "self left join", "fn fy", "date + months", "date - date", "outcome: both overflow", "agg count", "agg sum", "agg avg", "agg min", "agg max", "like"] {
                XCTAssertGreaterThan(c[key, default: 0], 0, "the batch never produced '\(key)'")
            }
        }
    }

    /// Issue 16: a second seeded batch of 1,000 queries in which case, if(), the
    /// conditional aggregates and the text functions appear often (the first batch
    /// stays as it was, so the two together are 3,000 queries).
    func testConditionalAndTextBatchAgreesWithSQLite() throws {
        let env = ProcessInfo.processInfo.environment
        let seed = env["PLANQ_DIFF_SEED"].flatMap { UInt64($0) } ?? Self.fixedSeed &+ 16
        let count = env["PLANQ_DIFF_COUNT"].flatMap { Int($0) } ?? 1_000
        var batch = DiffBatch(seed: seed, count: count)
        batch.conditionalChance = 0.5
        try batch.run()
        let c = batch.coverage.counts
        print("differential (issue 16): seed \(seed), \(c["queries", default: 0]) queries")
        print("differential (issue 16) coverage: \(batch.coverage.summary)")
        for f in batch.failures { XCTFail(f) }
        XCTAssertEqual(c["queries"], count)
        if count >= 1_000 {
            for key in ["case", "case without else", "if", "text: ||", "text: replace", "text: substr", "text: left", "text: right",
                        "agg count_if()", "agg sum_if", "agg avg_if", "agg string_agg", "text: to_text", "computed text in where", "computed text in group by",
                        "computed text in sort", "join on computed text"] {
                XCTAssertGreaterThan(c[key, default: 0], 0, "the batch never produced '\(key)'")
            }
        }
    }

    #if DEBUG
    /// A planted bug: `count(x)` counts nulls. The batch must notice.
    func testBatchCatchesCountCountingNulls() throws {
        FaultInjection.countIncludesNulls = true
        defer { FaultInjection.countIncludesNulls = false }
        var batch = DiffBatch(seed: Self.fixedSeed, count: 300)
        // The single-table queries these bugs show in (the stream they were planted against).
        batch.combineChance = 0
        batch.maxFailures = 1
        try batch.run()
        XCTAssertFalse(batch.failures.isEmpty, "the differential batch missed a count(x) that counts nulls")
        print(batch.failures.first ?? "")
    }

    /// A planted bug: `false and null` gives null. The batch must notice.
    func testBatchCatchesAndLosingDominantFalse() throws {
        FaultInjection.andIgnoresDominantFalse = true
        defer { FaultInjection.andIgnoresDominantFalse = false }
        var batch = DiffBatch(seed: Self.fixedSeed, count: 300)
        // The single-table queries these bugs show in (the stream they were planted against).
        batch.combineChance = 0
        batch.maxFailures = 1
        try batch.run()
        XCTAssertFalse(batch.failures.isEmpty, "the differential batch missed 'false and null' giving null")
        print(batch.failures.first ?? "")
    }

    /// A planted bug: `rank()` numbers peers apart. The window family must notice.
    func testBatchCatchesRankIgnoringPeers() throws {
        FaultInjection.rankIgnoresPeers = true
        defer { FaultInjection.rankIgnoresPeers = false }
        var batch = DiffBatch(seed: Self.fixedSeed, count: 300)
        batch.maxFailures = 1
        try batch.run()
        XCTAssertFalse(batch.failures.isEmpty, "the differential batch missed rank() ignoring peers")
        print(batch.failures.first ?? "")
    }
    #endif
}
