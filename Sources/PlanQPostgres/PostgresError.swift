import Foundation
import PlanQ
import PostgresNIO

/// The diagnostics planq gives for PostgreSQL: a bad URL, a failed connection, an error the
/// server sent. They are ordinary ``Diagnostic``s, so the CLI prints them like any other error
/// (`error: ...` on stderr, exit 1).
enum PostgresError {
    /// A URL planq cannot use, and why.
    static func badURL(_ url: String, _ why: String) -> Diagnostic {
        Diagnostic("cannot use '\(url)' as a PostgreSQL URL: \(why)",
                   help: "postgresql://USER@HOST:PORT/DB, or ?host=/socket/dir for a Unix socket")
    }

    /// The server's own message for `error` (message, detail and hint), or the client's when
    /// there was no server answer (connection refused, closed, a timeout).
    static func describe(_ error: Error) -> (message: String, detail: String?, hint: String?) {
        if let p = error as? PSQLError {
            if let info = p.serverInfo {
                return (info[.message] ?? "\(p.code)", info[.detail], info[.hint])
            }
            if let underlying = p.underlying {
                return ("\(underlying)", nil, nil)
            }
            return ("\(p.code)", nil, nil)
        }
        if let t = error as? PostgresTransactionError {
            for e in [t.beginError, t.closureError, t.commitError].compactMap({ $0 }) {
                return describe(e)
            }
        }
        if let d = error as? Diagnostic { return (d.message, nil, d.help) }
        return ("\(error)", nil, nil)
    }

    /// The SQLSTATE code of a server error, if there was one (`42P01` for an unknown table).
    static func sqlState(_ error: Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.sqlState]
    }

    /// A diagnostic for `error` during `what` ("connecting to ...", "reading the catalog").
    static func failure(_ what: String, _ error: Error) -> Diagnostic {
        if let d = error as? Diagnostic { return d }
        let (message, detail, hint) = describe(error)
        return Diagnostic("PostgreSQL, \(what): \(message)", notes: detail.map { [$0] } ?? [], help: hint)
    }
}
