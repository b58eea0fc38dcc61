import Foundation

/// Where a PostgreSQL database is: `postgresql://USER[:PASSWORD]@HOST[:PORT]/DB`, with
/// `?host=/socket/dir` for a Unix socket (psql's convention: the port then names the socket
/// file `.s.PGSQL.PORT` in that folder), `?schema=NAME` for the schema planq reads and writes
/// (default `public`) and `?sslmode=require` for TLS over TCP.
public struct PostgresURL: Equatable, Sendable {
    /// The role to log in as.
    public var user: String
    /// The password, if the URL gives one (trust and peer authentication need none).
    public var password: String?
    /// The TCP host (ignored when `socketDirectory` is set).
    public var host: String
    /// The TCP port, or the number in the socket file's name.
    public var port: Int
    /// The database name.
    public var database: String
    /// A folder holding the server's Unix socket, from `?host=/dir`.
    public var socketDirectory: String?
    /// The schema planq's tables live in.
    public var schema: String
    /// True for `sslmode=require` (or `verify-full`): TLS is required on TCP.
    public var requireTLS: Bool

    /// True when `text` looks like a PostgreSQL URL rather than a folder name.
    public static func isPostgresURL(_ text: String) -> Bool {
        let l = text.lowercased()
        return l.hasPrefix("postgresql://") || l.hasPrefix("postgres://")
    }

    /// Parses `text`; the error says which part is wrong.
    public init(_ text: String) throws {
        guard PostgresURL.isPostgresURL(text) else {
            throw PostgresError.badURL(text, "it must start with postgresql://")
        }
        guard let c = URLComponents(string: text) else {
            throw PostgresError.badURL(text, "it is not a URL (postgresql://USER@HOST:PORT/DB)")
        }
        var socket: String?
        var schema = "public"
        var tls = false
        for item in c.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name {
            case "host":
                // psql also accepts a TCP host here; only a path is a socket folder.
                if value.hasPrefix("/") { socket = value }
            case "schema", "currentSchema":
                guard !value.isEmpty else { throw PostgresError.badURL(text, "schema= needs a name") }
                schema = value
            case "sslmode":
                switch value {
                case "disable", "allow", "prefer": tls = false
                case "require", "verify-ca", "verify-full": tls = true
                default: throw PostgresError.badURL(text, "unknown sslmode '\(value)' (disable, prefer or require)")
                }
            case "user": break
            default:
                throw PostgresError.badURL(text, "unknown parameter '\(item.name)' (host, schema or sslmode)")
            }
        }
        let env = ProcessInfo.processInfo.environment
        let user = c.user.flatMap { $0.removingPercentEncoding ?? $0 }
            ?? c.queryItems?.first(where: { $0.name == "user" })?.value
            ?? env["PGUSER"] ?? env["USER"]
        guard let user, !user.isEmpty else {
            throw PostgresError.badURL(text, "no user (postgresql://USER@HOST/DB)")
        }
        let path = c.path.hasPrefix("/") ? String(c.path.dropFirst()) : c.path
        let database = path.removingPercentEncoding ?? path
        self.user = user
        self.password = c.password.flatMap { $0.removingPercentEncoding ?? $0 }
        self.host = c.host.flatMap { $0.isEmpty ? nil : $0 } ?? "localhost"
        self.port = c.port ?? 5432
        self.database = database.isEmpty ? user : database
        self.socketDirectory = socket
        self.schema = schema
        self.requireTLS = tls
        guard (1...65535).contains(port) else { throw PostgresError.badURL(text, "port \(port) is out of range") }
    }

    /// The Unix socket file, when the URL names a socket folder.
    public var socketPath: String? {
        socketDirectory.map { ($0.hasSuffix("/") ? String($0.dropLast()) : $0) + "/.s.PGSQL.\(port)" }
    }

    /// The URL for messages: never the password.
    public var redacted: String {
        var s = "postgresql://\(user)@\(host):\(port)/\(database)"
        var params: [String] = []
        if let socketDirectory { params.append("host=\(socketDirectory)") }
        if schema != "public" { params.append("schema=\(schema)") }
        if !params.isEmpty { s += "?" + params.joined(separator: "&") }
        return s
    }
}
