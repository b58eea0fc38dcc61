import Foundation
import XCTest
@testable import PlanQ

/// Output files and folders are replaced all or nothing, and no temporary
/// file is left behind on success or failure.
final class IOAtomicFileWriterTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("planq-atomic-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    func listing() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    }

    func testWriteCreatesThenReplaces() throws {
        let path = dir.appendingPathComponent("out.csv").path
        try AtomicFileWriter.write(Data("a\n1\n".utf8), to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "a\n1\n")
        try AtomicFileWriter.write(Data("b\n".utf8), to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "b\n")
        XCTAssertEqual(try listing(), ["out.csv"])
    }

    func testWriteKeepsPermissionsOfTheFileItReplaces() throws {
        let path = dir.appendingPathComponent("report.md").path
        try AtomicFileWriter.write(Data("x".utf8), to: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        try AtomicFileWriter.write(Data("y".utf8), to: path)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
    }

    func testFailureLeavesTheOldFileAndNoTemporary() throws {
        let path = dir.appendingPathComponent("out.csv").path
        try AtomicFileWriter.write(Data("old\n".utf8), to: path)
        // A folder in the way of the rename target cannot be replaced by a file.
        let blocked = dir.appendingPathComponent("sub").path
        try FileManager.default.createDirectory(atPath: blocked, withIntermediateDirectories: false)
        XCTAssertThrowsError(try AtomicFileWriter.write(Data("new".utf8), to: blocked)) { e in
            XCTAssertTrue("\(e)".contains("it is a folder"), "\(e)")
        }
        XCTAssertThrowsError(try AtomicFileWriter.write(Data("new".utf8), to: dir.appendingPathComponent("missing/out.csv").path))
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "old\n")
        XCTAssertEqual(try listing(), ["out.csv", "sub"])
    }

    func testReplaceDirectorySwapsInTheNewContents() throws {
        let target = dir.appendingPathComponent("datasets").path
        try AtomicFileWriter.replaceDirectory(at: target) { tmp in
            try Data("v1".utf8).write(to: URL(fileURLWithPath: tmp).appendingPathComponent("plans.csv"))
        }
        XCTAssertEqual(try String(contentsOfFile: target + "/plans.csv", encoding: .utf8), "v1")
        try AtomicFileWriter.replaceDirectory(at: target) { tmp in
            try Data("v2".utf8).write(to: URL(fileURLWithPath: tmp).appendingPathComponent("risks.csv"))
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: target), ["risks.csv"])
        XCTAssertEqual(try listing(), ["datasets"])
    }

    func testFailingBuilderLeavesTheOldFolder() throws {
        let target = dir.appendingPathComponent("datasets").path
        try AtomicFileWriter.replaceDirectory(at: target) { tmp in
            try Data("good".utf8).write(to: URL(fileURLWithPath: tmp).appendingPathComponent("plans.csv"))
        }
        struct Interrupted: Error {}
        XCTAssertThrowsError(try AtomicFileWriter.replaceDirectory(at: target) { tmp in
            try Data("half".utf8).write(to: URL(fileURLWithPath: tmp).appendingPathComponent("plans.csv"))
            throw Interrupted()
        })
        XCTAssertEqual(try String(contentsOfFile: target + "/plans.csv", encoding: .utf8), "good")
        XCTAssertEqual(try listing(), ["datasets"])
    }
}
