/// Sends HTTP requests: the one seam every client (Skype web, Mattermost REST, file transfers) uses.
///
/// A transport returns a response for every status code; it throws only when no usable response
/// arrived (see ``HTTPError``). Call ``HTTPResponse/checked()`` to turn a non-2xx status into an error.
/// Implementations must be safe to call concurrently from many tasks.
///
/// ```swift
/// let http: any HTTPTransport = try CurlTransport(configuration: .init(proxy: "socks5h://127.0.0.1:1080"), logger: logger)
/// let request = HTTPRequest(
///     method: .post, url: "\(base)/api/v4/posts",
///     headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/json"],
///     body: .bytes(try JSONEncoder().encode(post)))
/// let created = try JSONDecoder().decode(Post.self, from: try await http.send(request).checked().data)
/// ```
public protocol HTTPTransport: Sendable {
    /// Sends `request` (retrying as the transport's policy allows) and returns the final response.
    ///
    /// Cancelling the calling task aborts the transfer and throws ``HTTPError/cancelled``.
    func send(_ request: HTTPRequest) async throws(HTTPError) -> HTTPResponse
}
