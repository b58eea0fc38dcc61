import XCTest
@testable import PlanQ

/// Lexer tests: token kinds, lexemes, decoded values, byte spans, and lexical errors.
final class SyntaxLexerTests: XCTestCase {
    private func tokens(_ text: String) throws -> [Token] {
        try Lexer.tokenize(SourceText(name: "<query>", text: text))
    }

    /// Kinds of every token except the end marker.
    private func kinds(_ text: String) throws -> [TokenKind] {
        try tokens(text).dropLast().map(\.kind)
    }

    /// The rendered lexer error for `text`.
    private func error(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            _ = try tokens(text)
            XCTFail("expected a lexer error", file: file, line: line)
            return ""
        } catch let d as Diagnostic {
            return DiagnosticRenderer(color: false).render(d)
        } catch {
            XCTFail("not a Diagnostic: \(error)", file: file, line: line)
            return ""
        }
    }

    func testEmptyInputIsJustEndOfInput() throws {
        let t = try tokens("")
        XCTAssertEqual(t.map(\.kind), [.endOfInput])
        XCTAssertEqual(t[0].span, SourceSpan(0, 0))
        XCTAssertEqual(try tokens("  -- nothing here").map(\.kind), [.endOfInput])
    }

    func testKeywordsAreCaseInsensitiveAndContextualWordsAreIdentifiers() throws {
        XCTAssertEqual(try kinds("WHERE Group by date today starts with months"),
                       [.keyword(.where), .keyword(.group), .keyword(.by), .identifier, .identifier,
                        .identifier, .identifier, .identifier])
        XCTAssertEqual(try tokens("SeLeCt")[0].lexeme, "SeLeCt")
    }

    func testOperatorsAndPunctuation() throws {
        XCTAssertEqual(try kinds("( ) , . ; = == != <> < <= > >= + - * / // %"),
                       [.leftParen, .rightParen, .comma, .dot, .semicolon, .equal, .equal, .notEqual, .notEqual,
                        .less, .lessEqual, .greater, .greaterEqual, .plus, .minus, .star, .slash, .slashSlash,
                        .percent])
        XCTAssertEqual(try kinds("a<=b"), [.identifier, .lessEqual, .identifier])
    }

    func testNumbers() throws {
        XCTAssertEqual(try tokens("42 1.5 2.5e3 1E-2 7e+1").dropLast().map(\.kind),
                       [.integer, .decimal, .decimal, .decimal, .decimal])
        XCTAssertEqual(try tokens("2.5e3")[0].lexeme, "2.5e3")
        // A dot or `e` only joins the number when digits follow.
        XCTAssertEqual(try kinds("t.1 1.x 3e"), [.identifier, .dot, .integer, .integer, .dot, .identifier,
                                                 .integer, .identifier])
        XCTAssertEqual(try tokens("99999999999999999999999")[0].kind, .integer)
    }

    func testStringsAndEscapes() throws {
        let t = try tokens(#""Community Safety" 'it''s' "say ""hi""" "a\\b\"c\'d\ne\tf""#)
        XCTAssertEqual(t.dropLast().map(\.kind), [.string, .string, .string, .string])
        XCTAssertEqual(t.dropLast().map(\.value), ["Community Safety", "it's", #"say "hi""#, "a\\b\"c'd\ne\tf"])
        XCTAssertEqual(t[0].lexeme, #""Community Safety""#)
        XCTAssertEqual(t[0].span, SourceSpan(0, 18))
    }

    func testQuotedIdentifiers() throws {
        let t = try tokens("`Lead officer` `order` `a``b`")
        XCTAssertEqual(t.dropLast().map(\.kind), [.quotedIdentifier, .quotedIdentifier, .quotedIdentifier])
        XCTAssertEqual(t.dropLast().map(\.value), ["Lead officer", "order", "a`b"])
    }

    func testCommentsRunToEndOfLine() throws {
        XCTAssertEqual(try kinds("a -- b c\nd--e\n- -f"), [.identifier, .identifier, .minus, .minus, .identifier])
    }

    func testSpansAreUTF8ByteOffsets() throws {
        let t = try tokens("café = 'é'")
        XCTAssertEqual(t[0].lexeme, "café")
        XCTAssertEqual(t[0].span, SourceSpan(0, 5))
        XCTAssertEqual(t[1].span, SourceSpan(6, 7))
        XCTAssertEqual(t[2].span, SourceSpan(8, 12))
        XCTAssertEqual(t[3].span, SourceSpan(12, 12))
    }

    func testUnterminatedStringPointsAtOpeningQuote() {
        XCTAssertEqual(error("title = 'abc\nmore"), """
            <query>:1:9: error: unterminated string literal
            title = 'abc
                    ^
            help: close the string with '

            """)
    }

    func testUnexpectedCharacters() {
        XCTAssertEqual(error("a = “red”"), """
            <query>:1:5: error: unexpected character '“'
            a = “red”
                ^

            """)
        XCTAssertEqual(error("a ! b"), """
            <query>:1:3: error: unexpected character '!'
            a ! b
              ^
            help: write 'not' to negate, or '!=' for not-equal

            """)
        XCTAssertTrue(error("a & b").hasPrefix("<query>:1:3: error: unexpected character '&'"))
    }

    func testBadEscapesAndQuotedIdentifiers() {
        XCTAssertEqual(error(#"x matches "\d+""#), #"""
            <query>:1:12: error: unknown escape sequence '\d' in string literal
            x matches "\d+"
                       ^~
            help: write '\\' for a backslash

            """#)
        XCTAssertTrue(error("`open").hasPrefix("<query>:1:1: error: unterminated quoted identifier"))
        XCTAssertTrue(error("a = ``").hasPrefix("<query>:1:5: error: empty quoted identifier"))
    }
}
