import Foundation
import XCTest
@testable import PlanQ
@testable import PlanQShell

/// `.help TOPIC`: grammar rules and examples for every clause and function, from the
/// embedded copy of Grammar/, which must match the files.
final class LanguageHelpTests: XCTestCase {
    static let grammar = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Grammar").path

    let help = LanguageHelp(ebnf: GrammarText.ebnf, examples: GrammarText.examples)

    func testEmbeddedGrammarIsUpToDate() throws {
        func trimmed(_ s: String) -> String { String(s.reversed().drop { $0 == "\n" }.reversed()) }
        let ebnf = try String(contentsOfFile: Self.grammar + "/planq.ebnf", encoding: .utf8)
        XCTAssertEqual(trimmed(GrammarText.ebnf), trimmed(ebnf), "Grammar/planq.ebnf changed: run scripts/gen-shell-help")
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.grammar + "/examples").filter { $0.hasSuffix(".pq") }.sorted()
        XCTAssertEqual(GrammarText.examples.map(\.file), names, "Grammar/examples changed: run scripts/gen-shell-help")
        for (file, text) in GrammarText.examples where names.contains(file) {
            let onDisk = try String(contentsOfFile: Self.grammar + "/examples/" + file, encoding: .utf8)
            XCTAssertEqual(trimmed(text), trimmed(onDisk), "\(file) changed: run scripts/gen-shell-help")
        }
    }

    func testPivotShowsItsRuleAndExample() throws {
        let text = try help.text(for: "pivot").get()
        XCTAssertEqual(text, """
            pivot: spread a text or enum expression's values into columns after a grouping

            (* Spreads the values of a text or enum expression into columns ("pivot fy(due)",
               "pivot coalesce(theme, "(none)")"), then a null column.  An enum gives every value, in
               order; text gives the values in the pivot's input rows, sorted.  A column whose name
               another column has is written with its table, or for a pivot value with the pivoted
               expression: status.red; a result never has two columns of one name. *)
            pivot_clause     = "pivot" expression ;                                    (* pivotClause *)

            Example (04_risk_pivot.pq):
              -- Risks per theme, one column per status.
              risks group by theme pivot status

            """)
    }

    func testNewClausesHaveHelpWithExamples() throws {
        for (topic, rule, example) in [("union", "union_clause", "18_union_and_subqueries.pq"),
                                        ("anti join", "semi_join_clause", "19_aliases_and_semi_joins.pq"),
                                        ("unnest", "unnest_clause", "21_unnest_and_pivots.pq"),
                                        ("table", "definition", "20_named_results.pq")] {
            let text = try help.text(for: topic).get()
            XCTAssertTrue(text.contains(rule), "\(topic): \(text)")
            XCTAssertTrue(text.contains("Example (\(example))"), "\(topic): \(text)")
        }
        XCTAssertTrue(try help.text(for: "in").get().contains("subquery    = \"(\" query \")\""))
    }

    func testMultiLineRuleKeepsAllItsLines() throws {
        let text = try help.text(for: "top").get()
        XCTAssertTrue(text.contains("top_clause       = \"top\" INTEGER \"by\" expression [ \"asc\" | \"desc\" ]\n"
            + "                   [ \"per\" expression { \",\" expression } ] ;"), text)
        XCTAssertTrue(text.contains("Example (07_top_per_theme.pq)"), text)
    }

    func testEveryTopicHasItsRulesAndAnExample() {
        for topic in LanguageHelp.topics {
            for rule in topic.rules { XCTAssertNotNil(help.rules[rule], "\(topic.names[0]): no rule \(rule) in the grammar") }
            XCTAssertNotNil(help.example(containing: topic.keyword), "\(topic.names[0]): no example with '\(topic.keyword)'")
        }
        // Every clause of the grammar's `clause` rule has a topic.
        let clauseRule = help.rules["clause"] ?? ""
        for rule in help.rules.keys where rule.hasSuffix("_clause") && clauseRule.contains(rule) {
            XCTAssertTrue(LanguageHelp.topics.contains { $0.rules.contains(rule) }, "no .help topic for \(rule)")
        }
    }

    func testEveryFunctionHasHelpAndAnExample() throws {
        let names = ScalarFunction.allCases.map(\.rawValue) + AggregateFunction.allCases.map(\.rawValue)
        XCTAssertEqual(Set(LanguageHelp.functions.map(\.name)), Set(names), "the help's function list differs from the engine's")
        for f in LanguageHelp.functions {
            let example = try XCTUnwrap(help.example(calling: f.name), "no example in Grammar/examples calls \(f.name)()")
            XCTAssertTrue(example.text.lowercased().contains(f.name + "("), example.text)
        }
        let all = try help.text(for: "functions").get()
        XCTAssertTrue(all.hasPrefix("Functions are called by name with arguments in parentheses:\n\n"), all)
        XCTAssertTrue(all.contains("call           = ( name | \"left\" ) \"(\""), all)
        XCTAssertTrue(all.contains("days_between(a, b)  days from date a to date b (b - a)\n"), all)
        XCTAssertTrue(all.contains("median(x)  middle value"), all)
        let one = try help.text(for: "round()").get()
        XCTAssertTrue(one.hasPrefix("round(x[, digits])  x rounded (to digits after the point)\n"), one)
        XCTAssertTrue(one.contains("Example (17_more_functions.pq)"), one)
    }

    func testUnknownTopicSuggests() {
        XCTAssertEqual(help.text(for: "wher"), .failure(.init(message: "no help on 'wher'; did you mean 'where'? (.help clauses, .help functions)")))
        XCTAssertEqual(help.text(for: "zzzzzz"), .failure(.init(message: "no help on 'zzzzzz' (.help clauses, .help functions)")))
        XCTAssertTrue(((try? help.text(for: "clauses").get()) ?? "").contains("  where     keep the rows where"))
    }

    func testExamplesKeepTheirCommentAndDropTheSemicolon() {
        let e = LanguageHelp.parseExamples("-- a\n-- b\nrisks\n  where x = 1;\n\nactions", file: "f.pq")
        XCTAssertEqual(e.map(\.comment), ["-- a\n-- b", ""])
        XCTAssertEqual(e.map(\.text), ["risks\n  where x = 1", "actions"])
    }
}
