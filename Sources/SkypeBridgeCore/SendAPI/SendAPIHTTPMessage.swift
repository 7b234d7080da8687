/// A request to the send API as the HTTP server saw it (the server adapter fills it in).
public struct SendAPIHTTPRequest: Sendable {
    /// The method, such as `POST`.
    public var method: String
    /// The path without the query, such as `/send-message`.
    public var path: String
    /// The raw query string without `?`, if any.
    public var query: String?
    /// The headers, names in any case.
    public var headers: [(name: String, value: String)]
    /// The body (the adapter stops collecting at the size limit and sets ``bodyTruncated``).
    public var body: [UInt8]
    /// Whether the body was longer than the adapter was willing to read.
    public var bodyTruncated: Bool

    /// Creates a request.
    public init(method: String, path: String, query: String? = nil, headers: [(name: String, value: String)] = [], body: [UInt8] = [], bodyTruncated: Bool = false) {
        self.method = method.uppercased()
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.bodyTruncated = bodyTruncated
    }

    /// The first header named `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}

/// The send API's answer: status, headers and a JSON body.
public struct SendAPIHTTPResponse: Sendable {
    /// The HTTP status code.
    public var status: Int
    /// Headers besides `Content-Type: application/json`.
    public var headers: [(name: String, value: String)]
    /// The JSON body.
    public var body: String

    /// Creates a response.
    public init(status: Int, headers: [(name: String, value: String)] = [], body: String) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
