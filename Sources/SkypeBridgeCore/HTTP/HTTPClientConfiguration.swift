/// Settings shared by every request of one ``CurlTransport``.
public struct HTTPClientConfiguration: Sendable, Equatable {
    /// Proxy URL: `http://`, `https://`, `socks5://` or `socks5h://` (resolve names on the proxy),
    /// optionally with `user:password@`; `nil` connects directly.
    public var proxy: String?
    /// A PEM bundle of CA certificates to trust instead of the system's (also used for an https proxy).
    /// TLS peer and host verification is always on.
    public var caFile: String?
    /// The time allowed to establish a connection (TCP, proxy and TLS handshakes).
    public var connectTimeout: Duration
    /// The time allowed for a whole request when ``HTTPRequest/timeout`` is `nil`.
    public var requestTimeout: Duration
    /// The `User-Agent` sent unless a request sets its own.
    public var userAgent: String
    /// When and how failed requests are retried.
    public var retryPolicy: RetryPolicy

    /// The proxy schemes ``proxy`` may use.
    public static let proxySchemes = ["http", "https", "socks5", "socks5h"]

    /// Creates a configuration; the defaults suit chat APIs (10 s to connect, 60 s per request).
    public init(
        proxy: String? = nil,
        caFile: String? = nil,
        connectTimeout: Duration = .seconds(10),
        requestTimeout: Duration = .seconds(60),
        userAgent: String = "skypebridge",
        retryPolicy: RetryPolicy = RetryPolicy()
    ) {
        self.proxy = proxy
        self.caFile = caFile
        self.connectTimeout = connectTimeout
        self.requestTimeout = requestTimeout
        self.userAgent = userAgent
        self.retryPolicy = retryPolicy
    }

    /// Throws ``HTTPError/invalidConfiguration(_:)`` if the proxy URL has no supported scheme or
    /// no host, or a timeout is not positive.
    public func validate() throws(HTTPError) {
        if let proxy {
            let parts = proxy.split(separator: "://", maxSplits: 1)
            guard parts.count == 2, Self.proxySchemes.contains(parts[0].lowercased()),
                  !parts[1].isEmpty, !parts[1].hasPrefix("/") else {
                throw .invalidConfiguration(
                    "proxy \(Redaction.redactedURL(proxy)) must be an http, https, socks5 or socks5h url with a host")
            }
        }
        guard connectTimeout > .zero, requestTimeout > .zero else {
            throw .invalidConfiguration("timeouts must be positive")
        }
    }
}
