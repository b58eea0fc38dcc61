import Foundation
import XCTest
@testable import PlanQ
@testable import PlanQShell

/// Issue 16: `.help` for the conditional and text constructs, and a function that
/// takes no argument is not shown with the general call rule's arguments.
final class LanguageHelpIssue16Tests: XCTestCase {
    let help = LanguageHelp(ebnf: GrammarText.ebnf, examples: GrammarText.examples)

    func testShareIsShownWithoutAnArgument() throws {
        let text = try help.text(for: "share").get()
        XCTAssertTrue(text.hasPrefix("share()  the group's rows over the rows that reached the grouping\n"), text)
        XCTAssertFalse(text.contains("expression"), "share() takes no argument: \(text)")
        // A function with arguments still shows the call rule.
        XCTAssertTrue(try help.text(for: "substr").get().contains("call           ="))
    }

    func testCaseAndConcatenationTopics() throws {
        let c = try help.text(for: "case").get()
        XCTAssertTrue(c.contains("case_expr   = 'case' 'when' expression 'then' expression"), c)
        XCTAssertTrue(c.contains("simple_case"), c)
        XCTAssertEqual(try help.text(for: "if").get(), c)
        let j = try help.text(for: "||").get()
        XCTAssertTrue(j.contains("concatenation = sum { \"||\" sum }"), j)
    }
}
