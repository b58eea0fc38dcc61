import XCTest
@testable import PlanQShell

/// What the shell prints in place of characters that would drive the terminal.
final class ControlEscaperTests: XCTestCase {
    func testEscapesControlsAndBidiOverrides() {
        XCTAssertEqual(ControlEscaper.escape("a\u{1B}[2Jb"), "a\\x1B[2Jb")
        XCTAssertEqual(ControlEscaper.escape("bell\u{07}"), "bell\\x07")
        XCTAssertEqual(ControlEscaper.escape("del\u{7F}c1\u{9B}"), "del\\x7Fc1\\x9B")
        XCTAssertEqual(ControlEscaper.escape("flip\u{202E}x\u{2066}"), "flip\\u{202E}x\\u{2066}")
        XCTAssertEqual(ControlEscaper.escape("two\nlines\tand\rreturn"), "two\\x0Alines\\x09and\\x0Dreturn")
    }

    func testKeepsWhatItIsToldToAndLeavesTextAlone() {
        XCTAssertEqual(ControlEscaper.escape("two\nlines\tx\u{1B}", keep: ["\n", "\t"]), "two\nlines\tx\\x1B")
        XCTAssertEqual(ControlEscaper.escape("Café – “quoted” 😀"), "Café – “quoted” 😀")
    }
}
