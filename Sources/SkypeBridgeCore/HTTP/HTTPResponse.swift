import Foundation

/// The response to an ``HTTPRequest``.
public struct HTTPResponse: Sendable {
    /// Where the body ended up.
    public enum Body: Sendable, Equatable {
        /// Held in memory.
        case bytes(Data)
        /// Written to the file at this path.
        case file(path: String)
    }

    /// The status code, such as 200.
    public var status: Int
    /// The response header fields (of the final response, after any `100 Continue` or redirect).
    public var headers: HTTPHeaders
    /// The body.
    public var body: Body
    /// Whether this request had to open a new connection rather than reuse a pooled one.
    public var openedConnection: Bool

    /// Creates a response.
    public init(status: Int, headers: HTTPHeaders = [:], body: Body = .bytes(Data()), openedConnection: Bool = false) {
        self.status = status
        self.headers = headers
        self.body = body
        self.openedConnection = openedConnection
    }

    /// The in-memory body, or empty data when the body went to a file.
    public var data: Data {
        if case .bytes(let data) = body { return data }
        return Data()
    }

    /// The in-memory body decoded as UTF-8 (invalid sequences repaired).
    public var text: String {
        String(decoding: data, as: UTF8.self)
    }

    /// Whether the status is 2xx.
    public var isSuccess: Bool {
        (200..<300).contains(status)
    }

    /// Returns `self` if the status is 2xx; otherwise throws ``HTTPError/status(code:body:)``
    /// carrying the status and the start of the body.
    @discardableResult
    public func checked() throws(HTTPError) -> HTTPResponse {
        guard isSuccess else { throw HTTPError.status(code: status, body: HTTPError.trimmed(text)) }
        return self
    }
}
