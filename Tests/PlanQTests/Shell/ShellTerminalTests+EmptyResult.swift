import Foundation
import XCTest

/// The shell prints why a result is empty under the (empty) table.
extension ShellTerminalTests {
    func testEmptyResultIsExplainedUnderTheTable() throws {
        let s = try startShell()
        s.type(#"indicators where theme = "Children's Services" and status = red select code"#)
        s.press("Enter")
        // Wait for the next prompt as well: on a loaded machine the explanation can be drawn before it.
        let screen = s.waitFor("the explanation and the next prompt") { $0.contains("so none has status = red\nplanq>") }
        XCTAssertTrue(screen.contains("""
             code
            ------
            0 rows
            0 rows: 1 indicator has theme = "Children's Services"; status is null in the one indicator, so none has status = red
            planq>
            """), screen)
    }
}
