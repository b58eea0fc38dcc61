import Foundation
import XCTest
@testable import PlanQ
@testable import PlanQShell

/// Tab completion contexts, on the fixture plans.
final class CompleterTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/plans").path
    static let catalog: Catalog? = try? DataDirectory.load(fixtures)

    func complete(_ before: String, _ word: String, quoted: Bool = false) throws -> [String]? {
        let catalog = try XCTUnwrap(Self.catalog, "fixtures did not load")
        return Completer(catalog: catalog).complete(before: before, word: word, quoted: quoted)
    }

    func testTableAtStatementStart() throws {
        XCTAssertEqual(try complete("", "ri"), ["risks"])
        XCTAssertEqual(try complete("", ""), ["actions", "indicators", "outcomes", "risks", "explain", "table"])
        // Where a query starts inside a statement: after `union (` and `table NAME =`.
        XCTAssertEqual(try complete("indicators union (", "ri"), ["risks"])
        XCTAssertEqual(try complete("table red = ", "ind"), ["indicators"])
        // The tables named there give the columns offered later.
        XCTAssertEqual(try complete("table red = risks where ", "likel"), ["likelihood"])
        XCTAssertEqual(try complete("indicators semi join risks on ", "likel"), ["likelihood"])
        XCTAssertEqual(try complete("explain ", "ind"), ["indicators"])
        XCTAssertEqual(try complete("risks group by theme; ", "ac"), ["actions"])
    }

    func testSamePrefixIsTableAfterJoinAndColumnAfterWhere() throws {
        XCTAssertEqual(try complete("indicators join ", "ou"), ["outcomes"])
        XCTAssertEqual(try complete("indicators where ", "ou"), ["outcome_no"])
        XCTAssertEqual(try complete("indicators left ", "j"), ["join"])
    }

    func testColumnsAfterClauseWords() throws {
        XCTAssertEqual(try complete("indicators where ", "ow"), ["owner"])
        XCTAssertEqual(try complete("indicators group by ", "th"), ["theme"])
        XCTAssertEqual(try complete("indicators select id, ", "tar"), ["target"])
        XCTAssertEqual(try complete("indicators where status = red and ", "ac"), ["actual"])
        XCTAssertEqual(try complete("indicators let gap = target - ", "ac"), ["actual"])
    }

    func testNamesTheStatementDefines() throws {
        XCTAssertEqual(try complete("indicators let gap = target - actual, ratio = actual / target sort by ", "ga"), ["gap"])
        XCTAssertEqual(try complete("indicators let gap = target - actual, ratio = actual / target sort by ", "rat"), ["ratio"])
        XCTAssertEqual(try complete("indicators group by theme aggregate avg(target) as mean_target sort by ", "mean"), ["mean_target"])
        // `x = 1` inside a where is a comparison, not a definition.
        XCTAssertEqual(try complete("indicators where baseline = 1 select ", "base"), ["baseline"])
    }

    func testColumnsOfJoinedTables() throws {
        // `lead_partner` exists only in outcomes.
        let outcomesOnly = try XCTUnwrap(Self.catalog?.table("outcomes")?.columns.map(\.name).first { n in
            Self.catalog?.table("indicators")?.column(n) == nil
        })
        let prefix = String(outcomesOnly.prefix(3))
        XCTAssertEqual(try complete("indicators where ", prefix)?.contains(outcomesOnly), false)
        XCTAssertEqual(try complete("indicators join outcomes on plan where ", prefix)?.contains(outcomesOnly), true)
    }

    func testEnumValuesAfterComparison() throws {
        XCTAssertEqual(try complete("indicators where status = ", ""), ["red", "amber", "green"])
        XCTAssertEqual(try complete("indicators where status = ", "a"), ["amber"])
        XCTAssertEqual(try complete("indicators where status != ", "G"), ["green"])
        XCTAssertEqual(try complete("indicators where status in (red, ", "g"), ["green"])
    }

    func testTextValuesQuotedAndBare() throws {
        XCTAssertEqual(try complete("indicators where theme = \"", "Com", quoted: true), ["Community Safety"])
        XCTAssertEqual(try complete("indicators where theme = \"", "com", quoted: true), ["Community Safety"])
        // Without an opening quote the value comes as a string literal.
        XCTAssertEqual(try complete("indicators where theme = ", "Com"), ["\"Community Safety\""])
    }

    func testKeywordsAfterTableAndExpressions() throws {
        XCTAssertEqual(try complete("indicators ", "gr"), ["group by"])
        XCTAssertEqual(try complete("indicators ", "wh"), ["where"])
        XCTAssertEqual(try complete("indicators where status = red ", "an"), ["anti join", "and"])
        XCTAssertEqual(try complete("indicators ", "un"), ["union (", "unnest split("])
        XCTAssertEqual(try complete("indicators group ", ""), ["by"])
    }

    func testQualifiedColumn() throws {
        XCTAssertEqual(try complete("indicators join outcomes on plan select ", "outcomes.ow"), ["outcomes.owner"])
    }

    func testMetaCommandsAndArguments() throws {
        XCTAssertEqual(try complete("", ".sc"), [".schema"])
        XCTAssertEqual(try complete("", ".t"), [".tables", ".timer", ".threads"])
        XCTAssertEqual(try complete(".schema ", "ri"), ["risks"])
        XCTAssertEqual(try complete(".mode ", "js"), ["json", "jsonl"])
        XCTAssertEqual(try complete(".timer ", "o"), ["on", "off"])
        XCTAssertNil(try complete(".read ", "q"), "file names are readline's job")
        XCTAssertEqual(try complete(".mode ", "l"), ["line"])
        XCTAssertEqual(try complete(".expanded ", "a"), ["auto"])
        XCTAssertEqual(try complete(".pager ", "of"), ["off"])
        XCTAssertEqual(try complete(".help ", "piv"), ["pivot"])
        XCTAssertEqual(try complete(".help ", "fy"), ["fy", "fy_quarter"])
        XCTAssertEqual(try complete(".export ", "ri"), ["risks"])
        XCTAssertNil(try complete(".export risks ", "ou"), "the file after the table")
        XCTAssertNil(try complete(".ingest ", "pa"))
        XCTAssertNil(try complete(".ingest a.pdf ", "b"), "every .ingest argument is a file")
        XCTAssertNil(try complete(".report ", "rep"))
        XCTAssertEqual(try complete("", ".ex"), [".expanded", ".export", ".exit"])
    }

    func testNothingInsideAStringThatIsNotAValue() throws {
        XCTAssertEqual(try complete("indicators where title contains \"", "Cr", quoted: true), [])
    }
}
