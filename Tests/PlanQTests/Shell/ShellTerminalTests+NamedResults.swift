import Foundation
import XCTest

/// Named results in the shell: `table NAME = query` says what it kept, `.tables`
/// lists it, later statements (and Tab) see it.
extension ShellTerminalTests {
    func testNamedResultLastsForTheSession() throws {
        let s = try startShell()
        var screen = enter(s, "table red = risks where status = red")
        XCTAssertTrue(screen.contains("table red: 1 row, "), screen)
        screen = enter(s, ".mode csv")
        screen = enter(s, ".tables")
        XCTAssertTrue(screen.contains("\nred,1,"), screen)
        screen = enter(s, "red aggregate count() as n")
        XCTAssertTrue(screen.contains("n\n1\n"), screen)
    }
}
