import Foundation

/// Where a Skype client API listens: `tcp://host:port` or `unix:/path`.
public enum SkypeAPIEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// A TCP socket.
    case tcp(host: String, port: Int)
    /// A Unix domain stream socket.
    case unix(path: String)

    /// Parses `tcp://host:port` (IPv6 hosts in brackets) or `unix:/path`; surrounding spaces are ignored.
    public init(parsing text: String) throws(CallError) {
        let value = text.trimmingCharacters(in: .whitespaces)
        if value.lowercased().hasPrefix("unix:") {
            var path = Substring(value.dropFirst("unix:".count))
            if path.hasPrefix("//") { path = path.dropFirst(2) }
            guard !path.isEmpty else { throw .invalidEndpoint(text) }
            self = .unix(path: String(path))
            return
        }
        guard value.lowercased().hasPrefix("tcp://") else { throw .invalidEndpoint(text) }
        let authority = value.dropFirst("tcp://".count).split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        guard let colon = authority.lastIndex(of: ":"), let port = Int(authority[authority.index(after: colon)...]), (1...65535).contains(port) else {
            throw .invalidEndpoint(text)
        }
        var host = authority[..<colon]
        if host.hasPrefix("["), host.hasSuffix("]") { host = host.dropFirst().dropLast() }
        guard !host.isEmpty else { throw .invalidEndpoint(text) }
        self = .tcp(host: String(host), port: port)
    }

    /// The canonical text form, which ``init(parsing:)`` reads back.
    public var description: String {
        switch self {
        case let .tcp(host, port): host.contains(":") ? "tcp://[\(host)]:\(port)" : "tcp://\(host):\(port)"
        case let .unix(path): "unix:\(path)"
        }
    }
}
