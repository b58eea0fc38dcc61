import Foundation
@testable import PlanQ
import XCTest

/// The engine's `remote` hook (`--engine`): statements are parsed and bound locally, so every bind
/// error is planq's own and the remote engine is never asked; the remote gets the result's shape
/// (the local result's column names and types) and supplies the rows; `explain` asks it for its plan.
final class RemoteExecutorTests: XCTestCase {
    /// Answers from a fixed table and records what it was asked.
    final class FakeRemote: RemoteExecutor {
        var shapes: [[String]] = []
        var types: [[DataType]] = []
        var explained = 0
        var defined: [String] = []
        let answer: Table

        init(answer: Table) { self.answer = answer }

        func run(_ query: Query, bound: BoundQuery, shape: Table, source: SourceText, context: ExecutionContext) throws -> Table {
            shapes.append(shape.columns.map(\.name))
            types.append(shape.columns.map(\.type))
            return answer
        }

        func explain(_ query: Query, bound: BoundQuery, analyze: Bool, source: SourceText, context: ExecutionContext) throws -> String {
            explained += 1
            return analyze ? "remote plan (analyzed)" : "remote plan"
        }

        func define(_ name: String, _ query: Query, bound: BoundQuery, source: SourceText, context: ExecutionContext) throws {
            defined.append(name)
        }
    }

    static var fixtures: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/plans").path
    }

    func engine(_ remote: FakeRemote?) throws -> Engine {
        let e = Engine(catalog: try DataDirectory.load(Self.fixtures), today: CivilDate(year: 2009, month: 6, day: 30).days)
        e.remote = remote
        return e
    }

    func testRowsComeFromTheRemoteAndItGetsTheLocalShape() throws {
        let answer = Table(name: "result", columns: [
            Column(name: "status", vector: Vector(.enumeration([0], .rag))),
            Column(name: "count", vector: Vector(.int([41]))),
        ])
        let remote = FakeRemote(answer: answer)
        let results = try engine(remote).run(SourceText(name: "<query>", text: "risks group by status; risks where status = red select id"))
        XCTAssertEqual(remote.shapes, [["status", "count"], ["id"]])
        XCTAssertEqual(remote.types, [[.enumeration(.rag), .int], [.text]])
        XCTAssertEqual(results.count, 2)
        XCTAssertEqual(results[0].table.rows, [[.text("red"), .int(41)]])
        XCTAssertNil(results[0].explain)
        XCTAssertNil(results[0].emptyResult)
    }

    func testBindErrorsAreLocalAndNeverReachTheRemote() throws {
        let remote = FakeRemote(answer: Table(name: "result", columns: []))
        let q = SourceText(name: "<query>", text: "indicators where statu = red")
        var remoteMessage = "", localMessage = ""
        XCTAssertThrowsError(try engine(remote).run(q)) { remoteMessage = DiagnosticRenderer(color: false).render($0 as! Diagnostic) }
        XCTAssertThrowsError(try engine(nil).run(q)) { localMessage = DiagnosticRenderer(color: false).render($0 as! Diagnostic) }
        XCTAssertEqual(remoteMessage, localMessage)
        XCTAssertTrue(remoteMessage.hasPrefix("<query>:1:18: error: unknown column 'statu'; did you mean 'status'?"), remoteMessage)
        XCTAssertEqual(remote.shapes.count, 0)
    }

    func testExplainAsksTheRemote() throws {
        let remote = FakeRemote(answer: Table(name: "result", columns: []))
        let e = try engine(remote)
        XCTAssertEqual(try e.run(SourceText(name: "<query>", text: "explain risks group by theme")).last?.explain, "remote plan")
        XCTAssertEqual(try e.run(SourceText(name: "<query>", text: "explain analyze risks group by theme")).last?.explain, "remote plan (analyzed)")
        XCTAssertEqual(remote.explained, 2)
        XCTAssertEqual(remote.shapes.count, 0)
    }

    /// `table NAME = query` under --engine: the remote keeps the rows, the catalog learns the
    /// columns, so the next statement binds against NAME and runs remotely too.
    func testNamedResultsAreKeptByTheRemote() throws {
        let answer = Table(name: "result", columns: [Column(name: "theme", vector: Vector(.text([0], StringDictionary(unique: ["Community Safety"]))))])
        let remote = FakeRemote(answer: answer)
        let e = try engine(remote)
        let results = try e.run(SourceText(name: "<query>", text: "table reds = risks where status = red; reds select theme"))
        XCTAssertEqual(remote.defined, ["reds"])
        XCTAssertEqual(results.first?.defined, "reds")
        XCTAssertEqual(e.catalog.table("reds")?.columns.map(\.name).contains("theme"), true)
        XCTAssertEqual(e.catalog.table("reds")?.rowCount, 0)
        XCTAssertEqual(remote.shapes, [["theme"]])
        XCTAssertEqual(results.last?.table.rows, [[.text("Community Safety")]])
    }
}
