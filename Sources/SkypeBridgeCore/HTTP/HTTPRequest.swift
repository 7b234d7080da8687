/// One HTTP request, as handed to an ``HTTPTransport``.
public struct HTTPRequest: Sendable {
    /// The method; defaults to `GET`.
    public var method: HTTPMethod
    /// The absolute URL (`http://` or `https://`), query included.
    public var url: String
    /// Request header fields. `Content-Type` for multipart bodies and `Content-Length` are set by
    /// the transport.
    public var headers: HTTPHeaders
    /// What to send after the headers.
    public var body: HTTPRequestBody
    /// The whole transfer's time limit; `nil` uses the configuration's default request timeout.
    public var timeout: Duration?
    /// Overrides whether the request may be retried; `nil` means "only if the method is idempotent".
    public var retryable: Bool?
    /// Where the response body goes.
    public var destination: HTTPResponseDestination
    /// Whether 3xx responses with a `Location` are followed (at most 10 times); off by default so
    /// callers see redirects such as Skype's cloud move.
    public var followRedirects: Bool

    /// Creates a request; everything but the URL has a default.
    public init(
        method: HTTPMethod = .get,
        url: String,
        headers: HTTPHeaders = [:],
        body: HTTPRequestBody = .none,
        timeout: Duration? = nil,
        retryable: Bool? = nil,
        destination: HTTPResponseDestination = .memory(),
        followRedirects: Bool = false
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.retryable = retryable
        self.destination = destination
        self.followRedirects = followRedirects
    }

    /// Whether the request may be sent again after a failure: ``retryable`` if set, else whether
    /// the method is idempotent.
    public var isRetryable: Bool {
        retryable ?? method.isIdempotent
    }
}
