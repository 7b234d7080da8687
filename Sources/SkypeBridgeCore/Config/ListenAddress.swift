/// A `host:port` to listen on, such as `127.0.0.1:8080` or `[::1]:8080`.
public struct ListenAddress: Sendable, Hashable, CustomStringConvertible {
    /// The host name or IP address (without brackets for IPv6).
    public var host: String
    /// The TCP port, 1-65535.
    public var port: Int

    /// Creates an address from a host and a port.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// `host:port`, with an IPv6 host in brackets.
    public var description: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// Splits `host:port` or `[v6]:port` into the host and the port text; nil when there is no
    /// host, no port or a stray colon. The port is not checked.
    static func split(_ text: String) -> (host: String, port: Substring)? {
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            let host = String(text[text.index(after: text.startIndex)..<close])
            let rest = text[text.index(after: close)...]
            guard !host.isEmpty, rest.hasPrefix(":") else { return nil }
            return (host, rest.dropFirst())
        }
        guard let colon = text.lastIndex(of: ":") else { return nil }
        let host = String(text[..<colon])
        guard !host.isEmpty, !host.contains(":"), !host.contains(where: \.isWhitespace) else { return nil }
        return (host, text[text.index(after: colon)...])
    }
}
