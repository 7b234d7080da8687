/// Where an interface's Skype client API listens: a local stream socket carrying the Skype Desktop
/// API text protocol.
public enum InterfaceEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// A TCP socket, written `tcp://host:port` (`tcp://[::1]:port` for IPv6).
    case tcp(host: String, port: Int)
    /// A Unix domain socket, written `unix:/path` (a leading `~/` means the home directory).
    case unix(path: String)

    /// The form used in the configuration: `tcp://host:port` or `unix:/path`.
    public var description: String {
        switch self {
        case .tcp(let host, let port): return "tcp://\(ListenAddress(host: host, port: port))"
        case .unix(let path): return "unix:\(path)"
        }
    }
}
