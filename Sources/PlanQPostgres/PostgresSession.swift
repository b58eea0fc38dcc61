import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PlanQ
import PostgresNIO

/// One connection to a PostgreSQL database, used synchronously.
///
/// planq's engine, CLI and shell are synchronous (the shell blocks in readline); each call
/// here runs postgres-nio's async API to completion on its own task and waits for it, so
/// callers never see concurrency. One session serves a whole CLI run or shell.
public final class PostgresSession: @unchecked Sendable {
    /// Where the session is connected.
    public let url: PostgresURL
    let connection: PostgresConnection
    let logger: Logger

    private init(url: PostgresURL, connection: PostgresConnection, logger: Logger) {
        self.url = url
        self.connection = connection
        self.logger = logger
    }

    /// Connects to `url` and selects its schema; the error names the URL (never its password).
    public static func connect(_ url: PostgresURL) throws -> PostgresSession {
        // postgres-nio logs at debug/trace only; nothing is printed unless asked for.
        var logger = Logger(label: "planq.postgres")
        logger.logLevel = ProcessInfo.processInfo.environment["PLANQ_PG_TRACE"] == "1" ? .trace : .critical
        var config: PostgresConnection.Configuration
        if let socket = url.socketPath {
            config = .init(unixSocketPath: socket, username: url.user, password: url.password, database: url.database)
        } else {
            let tls: PostgresConnection.Configuration.TLS
            if url.requireTLS {
                do {
                    tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
                } catch {
                    throw PostgresError.failure("setting up TLS for \(url.redacted)", error)
                }
            } else {
                tls = .disable
            }
            config = .init(host: url.host, port: url.port, username: url.user, password: url.password,
                           database: url.database, tls: tls)
        }
        config.options.connectTimeout = .seconds(10)
        let configuration = config
        let log = logger
        let connection: PostgresConnection
        do {
            connection = try Self.blocking {
                try await PostgresConnection.connect(configuration: configuration, id: 1, logger: log)
            }
        } catch {
            var d = PostgresError.failure("cannot connect to \(url.redacted)", error)
            d.message = d.message.replacingOccurrences(of: "PostgreSQL, cannot connect", with: "cannot connect")
            throw d
        }
        let session = PostgresSession(url: url, connection: connection, logger: logger)
        // Unqualified names (the compiled SQL's tables) resolve in the URL's schema.
        try session.execute("SET search_path TO " + SQLText.identifier(url.schema), what: "selecting schema \(url.schema)")
        return session
    }

    /// Runs `sql` and returns every row; `what` names the step in an error message.
    public func query(_ sql: String, what: String) throws -> [PostgresRow] {
        let c = connection, log = logger
        do {
            return try Self.blocking {
                var rows: [PostgresRow] = []
                for try await row in try await c.query(PostgresQuery(unsafeSQL: sql), logger: log) {
                    rows.append(row)
                }
                return rows
            }
        } catch {
            throw PostgresError.failure(what, error)
        }
    }

    /// Runs a statement that returns no rows.
    public func execute(_ sql: String, what: String) throws {
        _ = try query(sql, what: what)
    }

    /// Runs `body` inside one transaction on this connection (committed when it returns,
    /// rolled back when it throws).
    func transaction(what: String, _ body: @escaping @Sendable (PostgresConnection, Logger) async throws -> Void) throws {
        let c = connection, log = logger
        do {
            try Self.blocking {
                try await c.withTransaction(logger: log) { conn in
                    try await body(conn, log)
                }
            }
        } catch {
            throw PostgresError.failure(what, error)
        }
    }

    /// Closes the connection (errors on close are of no use to the caller and are dropped).
    public func close() {
        let c = connection
        _ = try? Self.blocking { try await c.close() }
    }

    /// Runs `work` on a new task and waits for its result on the calling thread.
    ///
    /// The caller is never a task of the cooperative pool nor an event loop (the CLI's main
    /// thread, the shell's loop, a test's thread), so waiting on the semaphore cannot starve
    /// the work it waits for.
    static func blocking<T>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { box.result = .success(try await work()) } catch { box.result = .failure(error) }
            done.signal()
        }
        done.wait()
        guard let result = box.result else { throw Diagnostic("PostgreSQL: the request ended without a result") }
        return try result.get()
    }

    /// Carries a task's result back to the waiting thread (written before the semaphore is
    /// signalled, read after it is waited on).
    private final class ResultBox<T>: @unchecked Sendable {
        var result: Result<T, Error>?
    }
}
