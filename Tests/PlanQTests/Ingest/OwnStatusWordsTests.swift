import Foundation
import XCTest
@testable import PlanQ

/// Issue 14 classes 2, 5 and 7: statuses in a report's own words (the default table and the
/// document's key), headings with no space after the colon, and tallies headed by status words.
/// Every input here is written for the test, not copied from a fixture.
final class OwnStatusWordsTests: XCTestCase {
    func testDefaultTableReadsCommonWordsLongestFirst() {
        XCTAssertEqual(StatusVocabulary.status(in: "Exceeded"), "green")
        XCTAssertEqual(StatusVocabulary.status(in: "On track"), "green")
        XCTAssertEqual(StatusVocabulary.status(in: "Completed"), "green")
        XCTAssertEqual(StatusVocabulary.status(in: "Off track"), "amber")
        XCTAssertEqual(StatusVocabulary.status(in: "Delayed"), "amber")
        XCTAssertEqual(StatusVocabulary.status(in: "Just miss"), "amber")
        XCTAssertEqual(StatusVocabulary.status(in: "Miss"), "red")
        XCTAssertEqual(StatusVocabulary.status(in: "Not achieved"), "red")
        XCTAssertEqual(StatusVocabulary.status(in: "Achieved"), "green")
        XCTAssertEqual(StatusVocabulary.status(in: "Slightly below target"), "amber")
        XCTAssertEqual(StatusVocabulary.status(in: "Significantly below target"), "red")
        XCTAssertEqual(StatusVocabulary.status(in: "below target"), "red")
        XCTAssertEqual(StatusVocabulary.status(in: "Failing"), "red")
        XCTAssertEqual(StatusVocabulary.status(in: "Amber (Medium-Likely)"), "amber")
        XCTAssertEqual(StatusVocabulary.status(in: "\u{2714}"), "green")
        XCTAssertEqual(StatusVocabulary.status(in: "\u{2716}"), "red")
        XCTAssertEqual(StatusVocabulary.status(in: "G"), "green")
        XCTAssertNil(StatusVocabulary.status(in: "Not started"))
        XCTAssertNil(StatusVocabulary.status(in: "No data"))
        XCTAssertNil(StatusVocabulary.status(in: "n/a"))
        XCTAssertNil(StatusVocabulary.status(in: ""))
        XCTAssertNil(StatusVocabulary.status(in: "Awaiting the annual survey"))
    }

    func testKeyFromEquationsOverridesTheDefaults() {
        // This document calls "off track" red, where the default table says amber.
        let key = StatusKey.learn([
            "Progress key: on track = green, off track = red, paused = amber",
            "Met = the milestone was reached on time (Green). Late = reached after its date (Amber).",
        ])
        XCTAssertEqual(key.status(in: "Off track"), "red")
        XCTAssertEqual(key.status(in: "On track"), "green")
        XCTAssertEqual(key.status(in: "Paused"), "amber")
        XCTAssertEqual(key.status(in: "Late"), "amber")
        XCTAssertEqual(key.status(in: "Met"), "green")
        // Words outside the key still go through the default table.
        XCTAssertEqual(key.status(in: "Completed"), "green")
    }

    func testKeyFromATableAndSymbols() {
        let key = StatusKey.learn([
            "well ahead\tThe measure beat its profile (shown to Members as Green)",
            "nearly there\tWithin 10% of the profile (shown as Amber)",
            "\u{2605}\tStar\tbeat the profile by 10% or more\t(Green)",
            "\u{25B2}\tWatch\tfell short of the profile\t(Red)",
            "NI 5\tOverall satisfaction with the area\t78%\tGreen",
        ])
        XCTAssertEqual(key.status(in: "Well ahead"), "green")
        XCTAssertEqual(key.status(in: "nearly there"), "amber")
        XCTAssertEqual(key.status(in: "\u{2605}"), "green")
        XCTAssertEqual(key.status(in: "\u{25B2}"), "red")
        XCTAssertEqual(key.status(in: "Watch"), "red")
        // A data row ending in a colour is not a key entry.
        XCTAssertNil(key.phrases["overall satisfaction with the area"])
    }

    func testAltTextBeforeTheSameWordsIsOnePhrase() {
        let key = StatusKey.learn(["Within range Within range = amber"])
        XCTAssertEqual(key.phrases["within range"], "amber")
    }

    func testHeadingWithNoSpaceAfterTheColon() {
        XCTAssertEqual(ContextTracker.heading("Outcome 4:Fewer people sleeping rough"), .outcome(number: 4, text: "Fewer people sleeping rough"))
        XCTAssertEqual(ContextTracker.heading("Outcome 4 Fewer people sleeping rough"), .outcome(number: 4, text: "Fewer people sleeping rough"))
        // `Outcome 1.2` is a reference, not outcome 1.
        XCTAssertNil(ContextTracker.heading("Outcome 1.2"))
    }

    func testReportPeriodFromTheOpening() {
        XCTAssertEqual(DocumentIngest.reportPeriod(["Northshire County Council", "Performance digest: Quarter 3 2010/11"]), "2010/11 Q3")
        XCTAssertEqual(DocumentIngest.reportPeriod(["Q1 returns 2011/12"]), "2011/12 Q1")
        XCTAssertEqual(DocumentIngest.reportPeriod(["PERFORMANCE AT QUARTER 4 AND YEAR END 2010/11"]), "2010/11")
        XCTAssertNil(DocumentIngest.reportPeriod(["Corporate Plan 2010-2013"]))
    }

    func testTallyHeadedByStatusWordsBecomesStatusCounts() throws {
        let text = """
        Kestrel Vale Borough Council
        Performance digest: Quarter 1 2011/12

        Progress key: Met = the measure reached its target (Green). Close = within 5% (Amber). Missed = more than 5% short (Red).

        The performance indicators are summarised below.

        Directorate\tMet\tClose\tMissed\tNot rated\tTotal
        Place\t9\t2\t1\t0\t12
        People\t4\t3\t2\t1\t10
        Total\t13\t5\t3\t1\t22

        Actions by status

        \tCompleted\tOn schedule\tBehind schedule\tTotal
        Directorate actions\t5\t6\t2\t13
        """
        let result = Ingester(reference: []).ingest([("digest", Data(text.utf8))])
        let rows = result.table("status_counts")?.rows ?? []
        XCTAssertEqual(rows.count, 3, "\(rows)")
        guard rows.count == 3 else { return }
        XCTAssertEqual([rows[0]["red"], rows[0]["amber"], rows[0]["green"], rows[0]["other"], rows[0]["total"]], ["1", "2", "9", "0", "12"])
        XCTAssertEqual(rows[0]["kind"], "indicators")
        XCTAssertEqual(rows[0]["period"], "2011/12 Q1")
        XCTAssertEqual([rows[1]["red"], rows[1]["amber"], rows[1]["green"], rows[1]["other"]], ["2", "3", "4", "1"])
        // Two colours from one header word each; the row names its kind.
        XCTAssertEqual([rows[2]["red"], rows[2]["amber"], rows[2]["green"], rows[2]["total"]], [nil, "2", "11", "13"])
        XCTAssertEqual(rows[2]["kind"], "actions")
    }

    func testStatusWordsInAProgressColumnAndTheKeyInAnIndicatorTable() throws {
        let text = """
        Kestrel Vale Borough Council
        Service plan monitoring 2011/12

        Key: well ahead = green, nearly there = amber, adrift = red

        Ref\tAction\tResponsible Officer\tDue date\tProgress
        K1\tOpen a second recycling centre\tDerek Oyelaran\t31/03/2012\tCompleted
        K2\tReview the car parking charges\tParking Manager, KVBC\t30/09/2011\tBehind schedule
        K3\tAdopt a tree strategy\tNia Brook and Colm Reilly, Parks Team\t31/12/2011\tOn schedule

        Ref\tIndicator\tTarget\tActual\tStatus
        KV 1\tMissed bins per 100,000 collections\t50\t41\twell ahead
        KV 2\tCalls answered within 20 seconds\t90%\t86%\tnearly there
        KV 3\tNew homes started\t120\t70\tadrift
        """
        let result = Ingester(reference: []).ingest([("monitoring", Data(text.utf8))])
        let actions = result.table("actions")?.rows ?? []
        XCTAssertEqual(actions.map { $0["status"] ?? "" }, ["green", "amber", "green"])
        XCTAssertEqual(actions.map { $0["status_raw"] ?? "" }, ["Completed", "Behind schedule", "On schedule"])
        XCTAssertEqual(actions.map { $0["owner"] ?? "" }, ["Derek Oyelaran", "Parking Manager", "Nia Brook; Colm Reilly"])
        let indicators = result.table("indicators")?.rows ?? []
        XCTAssertEqual(indicators.map { $0["status"] ?? "" }, ["green", "amber", "red"])
        XCTAssertEqual(indicators.map { $0["status_raw"] ?? "" }, ["well ahead", "nearly there", "adrift"])
    }
}
